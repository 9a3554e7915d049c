using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Web.Data;

namespace Placement.Web.Tests;

/// <summary>
/// Issue 25, item 8: an officer learns nothing about the persons of another SPIP. A case number carried by another SPIP's
/// person is answered exactly as an unused one (imports, the API, the person page); a bare id or a case number of another
/// SPIP's person among the co-defendants is refused exactly as an unknown one; a co-defendant followed by another SPIP is
/// linked by a deliberate, audited act (their case number and birth date), after which rule 13 binds both ways.
/// « Exactly » is byte for byte, once the values the caller sent (and the ids the service generates) are put aside.
/// </summary>
[Collection(ApiCollection.Name)]
public class OtherSpipPersonsTests(PlacementApp app)
{
    private const string CsvHeader = "numero_dossier;nom;prenom;spip;date_naissance;adresse;commune_insee;distance_max_km;heures_prononcees;date_jugement;date_echeance;disponibilites;savoir_faire;effort_physique_max;ne_pas_rencontrer";

    private static string Number(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}";

    /// <summary>A person of the Rhône with a case number, living at the partner's post (Lyon); born on 2 April 1999.</summary>
    private async Task<(string Post, string Person, string CaseNumber)> ARhonePerson()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 4);
        var number = Number("RH");
        return (post, await Scenarios.Person(app, post, caseNumber: number), number);
    }

    /// <summary>The text with each value replaced by its placeholder: what is left is what the service chose to say.</summary>
    private static string Masked(string text, params (string Value, string Placeholder)[] values)
    {
        foreach (var (value, placeholder) in values) text = text.Replace(value, placeholder, StringComparison.OrdinalIgnoreCase);
        return text;
    }

    /// <summary>The JSON without the properties the service generates anew for each request (an id, a trace id).</summary>
    private static string Without(string json, params string[] names)
    {
        var node = JsonNode.Parse(json)!;
        if (node is JsonObject o) foreach (var name in names) o.Remove(name);
        return node.ToJsonString();
    }

    private static string IsereLine(string number, string noContact = "") =>
        $"{number};Martin;Léa;38;02/04/1999;;38185;15;40;01/10/2026;01/04/2028;sam 08:00-17:00;;moyen;{noContact}";

    private static JsonObject IsereJson(string number, IEnumerable<string>? noContactIds = null)
    {
        var person = JsonSerializer.SerializeToNode(PersonsApiTests.Person("38", "38185"))!.AsObject();
        person["caseNumber"] = number;
        person["restrictions"] = noContactIds is null ? null : new JsonObject { ["noContactWithPersonIds"] = new JsonArray([.. noContactIds.Select(i => JsonValue.Create(i))]) };
        return person;
    }

    private async Task<(HttpStatusCode Status, string Body)> Import(string email, string format, string content, bool dryRun)
    {
        var client = await app.ClientFor(email);
        using var body = new StringContent(content, Encoding.UTF8, format == "json" ? "application/json" : "text/csv");
        var response = await client.PostAsync($"/api/imports/persons?dryRun={dryRun.ToString().ToLowerInvariant()}&fileName=export.{format}", body);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<PersonRecord> Stored(string id)
    {
        using var scope = app.Services.CreateScope();
        var p = await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().Persons.AsNoTracking().SingleAsync(x => x.Id == Guid.Parse(id));
        return new(p.Departement, p.CaseNumber, p.Profile.FirstName, p.UpdatedAt);
    }

    private sealed record PersonRecord(string Departement, string? CaseNumber, string FirstName, DateTimeOffset UpdatedAt);

    // ---- A case number carried by another SPIP's person answers as an unused one ----

    [SkippableTheory]
    [InlineData("csv", true)]
    [InlineData("csv", false)]
    [InlineData("json", true)]
    [InlineData("json", false)]
    public async Task AnImport_OfACaseNumberOfAnotherSpip_AnswersAsOfAnUnusedNumber(string format, bool dryRun)
    {
        var (_, rhone, used) = await ARhonePerson();
        var before = await Stored(rhone);
        var unused = Number("RH");
        string File(string number) => format == "csv" ? $"{CsvHeader}\r\n{IsereLine(number)}\r\n" : new JsonArray(IsereJson(number)).ToJsonString();

        var (usedStatus, usedReport) = await Import(PlacementApp.Officer38, format, File(used), dryRun);
        var (unusedStatus, unusedReport) = await Import(PlacementApp.Officer38, format, File(unused), dryRun);

        Assert.Equal(HttpStatusCode.OK, usedStatus);
        Assert.Equal(unusedStatus, usedStatus);
        Assert.Equal(Masked(Without(unusedReport, "id"), (unused, "NUMERO")), Masked(Without(usedReport, "id"), (used, "NUMERO")));
        Assert.Contains("\"outcome\":\"created\"", usedReport, StringComparison.Ordinal);
        // The Rhône person is neither read nor changed.
        Assert.Equal(before, await Stored(rhone));
    }

    [SkippableFact]
    public async Task CreatingAPerson_WithACaseNumberOfAnotherSpip_AnswersAsWithAnUnusedNumber()
    {
        var (_, rhone, used) = await ARhonePerson();
        var before = await Stored(rhone);
        var unused = Number("RH");
        var officer38 = await app.ClientFor(PlacementApp.Officer38);

        async Task<string> Create(string number)
        {
            var response = await officer38.PostAsJsonAsync("/api/persons", IsereJson(number));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, body);
            return Without(body, "id");
        }

        Assert.Equal(Masked(await Create(unused), (unused, "NUMERO")), Masked(await Create(used.ToLowerInvariant()), (used, "NUMERO")));
        Assert.Equal(before, await Stored(rhone));
    }

    [SkippableFact]
    public async Task EditingAPerson_ToACaseNumberOfAnotherSpip_AnswersAsToAnUnusedNumber()
    {
        var (post, rhone, used) = await ARhonePerson();
        var before = await Stored(rhone);
        var unused = Number("RH");
        var isere = await Scenarios.Person(app, post, departement: "38");
        var officer38 = await app.ClientFor(PlacementApp.Officer38);
        var file = JsonNode.Parse((await (await officer38.GetAsync($"/api/persons/{isere}")).Json()).GetRawText())!.AsObject();

        async Task<(HttpStatusCode, string)> Edit(string number)
        {
            file["caseNumber"] = number;
            var response = await officer38.PutAsJsonAsync($"/api/persons/{isere}", file);
            return (response.StatusCode, Masked(await response.Content.ReadAsStringAsync(), (number, "NUMERO")));
        }

        var toUsed = await Edit(used);
        var toUnused = await Edit(unused);
        Assert.Equal(HttpStatusCode.OK, toUsed.Item1);
        Assert.Equal(toUnused, toUsed);
        Assert.Equal(before, await Stored(rhone));
    }

    [SkippableFact]
    public async Task ThePersonPage_SavesACaseNumberOfAnotherSpip_AsAnUnusedOne()
    {
        var (post, rhone, used) = await ARhonePerson();
        var unused = Number("RH");
        var isere = await Scenarios.Person(app, post, departement: "38");
        var page = await PageForms.SignedIn(app, PlacementApp.Officer38);

        async Task<string> Save(string number)
        {
            var form = await PageForms.Read(page, $"/personnes/{isere}/modifier");
            form["Input.CaseNumber"] = number;
            var response = await PageForms.Post(page, $"/personnes/{isere}/modifier", form);
            return $"{(int)response.StatusCode} {response.Headers.Location} {Masked(await response.Content.ReadAsStringAsync(), (number, "NUMERO"))}";
        }

        var toUsed = await Save(used);
        Assert.Equal(await Save(unused), toUsed);
        Assert.StartsWith($"302 /personnes/{isere}", toUsed, StringComparison.Ordinal);
        Assert.Equal("69", (await Stored(rhone)).Departement);
    }

    /// <summary>A coordinator sees both SPIPs: the line's SPIP chooses among the persons carrying its number; the only one carrying it moves there.</summary>
    [SkippableFact]
    public async Task ACoordinatorsImport_FindsTheLineInItsSpip_AmongThoseCarryingItsNumber()
    {
        var (post, rhone, number) = await ARhonePerson();
        var isere = await Scenarios.Person(app, post, departement: "38", caseNumber: number);
        var (status, report) = await Import(PlacementApp.Coordinator, "csv", $"{CsvHeader}\r\n{IsereLine(number)}\r\n", dryRun: false);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"outcome\":\"updated\"", report, StringComparison.Ordinal);
        Assert.Equal(("38", "Léa"), ((await Stored(isere)).Departement, (await Stored(isere)).FirstName));
        Assert.Equal(("69", "Karim"), ((await Stored(rhone)).Departement, (await Stored(rhone)).FirstName));

        // Carried in the Rhône only: the line of the Isère moves that person there.
        var (_, alone, single) = await ARhonePerson();
        (status, report) = await Import(PlacementApp.Coordinator, "csv", $"{CsvHeader}\r\n{IsereLine(single)}\r\n", dryRun: false);
        Assert.Contains("\"outcome\":\"updated\"", report, StringComparison.Ordinal);
        Assert.Equal("38", (await Stored(alone)).Departement);
    }

    // ---- Another SPIP's person among the co-defendants is refused as an unknown one ----

    [SkippableTheory]
    [InlineData("post")]
    [InlineData("put")]
    [InlineData("json-import")]
    public async Task ABareIdOfAnotherSpipsPerson_AmongTheCoDefendants_IsRefusedAsAnUnknownId(string door)
    {
        var (post, rhone, _) = await ARhonePerson();
        var unknown = Guid.NewGuid().ToString();
        var own = Number("IS");
        var isere = await Scenarios.Person(app, post, departement: "38", caseNumber: own);
        var officer38 = await app.ClientFor(PlacementApp.Officer38);
        var file = JsonNode.Parse((await (await officer38.GetAsync($"/api/persons/{isere}")).Json()).GetRawText())!.AsObject();
        var before = await officer38.GetStringAsync($"/api/persons/{isere}");

        async Task<(HttpStatusCode, string)> Name(string id)
        {
            HttpResponseMessage response;
            switch (door)
            {
                case "post":
                    response = await officer38.PostAsJsonAsync("/api/persons", IsereJson(Number("IS"), [id]));
                    break;
                case "put":
                    file["restrictions"] = new JsonObject { ["noContactWithPersonIds"] = new JsonArray(JsonValue.Create(id)) };
                    response = await officer38.PutAsJsonAsync($"/api/persons/{isere}", file);
                    break;
                default:
                    using (var content = new StringContent(new JsonArray(IsereJson(own, [id])).ToJsonString(), Encoding.UTF8, "application/json"))
                        response = await officer38.PostAsync("/api/imports/persons?dryRun=true&fileName=export.json", content);
                    return (response.StatusCode, Masked(Without(await response.Content.ReadAsStringAsync(), "id"), (id, "ID")));
            }
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, Masked(Without(body, "traceId"), (id, "ID")));
        }

        var ofAnother = await Name(rhone);
        var ofNobody = await Name(unknown);
        Assert.Equal(ofNobody, ofAnother);
        if (door == "json-import")
        {
            Assert.True(ofAnother.Item2.Contains("\"outcome\":\"rejected\"", StringComparison.Ordinal), ofAnother.Item2);
            Assert.True(ofAnother.Item2.Contains("\"column\":\"restrictions.noContactWithPersonIds\"", StringComparison.Ordinal), ofAnother.Item2);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, ofAnother.Item1);
            Assert.Contains("\"restrictions.noContactWithPersonIds\"", ofAnother.Item2, StringComparison.Ordinal);
        }
        Assert.Equal(before, await officer38.GetStringAsync($"/api/persons/{isere}"));
    }

    [SkippableTheory]
    [InlineData("put")]
    [InlineData("csv-import")]
    [InlineData("page")]
    public async Task ACaseNumberOfAnotherSpipsPerson_AmongTheCoDefendants_IsRefusedAsAnUnknownNumber(string door)
    {
        var (post, _, used) = await ARhonePerson();
        var unknown = Number("RH");
        var own = Number("IS");
        var isere = await Scenarios.Person(app, post, departement: "38", caseNumber: own);
        var officer38 = await app.ClientFor(PlacementApp.Officer38);
        var before = await officer38.GetStringAsync($"/api/persons/{isere}");
        var page = await PageForms.SignedIn(app, PlacementApp.Officer38);

        async Task<(HttpStatusCode, string)> Name(string number)
        {
            switch (door)
            {
                case "put":
                    var file = JsonNode.Parse(before)!.AsObject();
                    file["restrictions"] = new JsonObject { ["noContactWithCaseNumbers"] = new JsonArray(JsonValue.Create(number)) };
                    var put = await officer38.PutAsJsonAsync($"/api/persons/{isere}", file);
                    return (put.StatusCode, Masked(Without(await put.Content.ReadAsStringAsync(), "traceId"), (number, "NUMERO")));
                case "csv-import":
                    var (status, report) = await Import(PlacementApp.Officer38, "csv", $"{CsvHeader}\r\n{IsereLine(own, number)}\r\n", dryRun: false);
                    return (status, Masked(Without(report, "id"), (number, "NUMERO")));
                default:
                    var form = await PageForms.Read(page, $"/personnes/{isere}/modifier");
                    form["Input.CoDefendants"] = number;
                    var response = await PageForms.Post(page, $"/personnes/{isere}/modifier", form);
                    return (response.StatusCode, Masked(PageForms.WithoutToken(await response.Content.ReadAsStringAsync()), (number, "NUMERO")));
            }
        }

        var ofAnother = await Name(used);
        var ofNobody = await Name(unknown);
        Assert.Equal(ofNobody, ofAnother);
        Assert.Contains(door == "csv-import" ? "ne_pas_rencontrer" : door == "page" ? "Aucune personne" : "restrictions.noContactWithCaseNumbers", ofAnother.Item2, StringComparison.Ordinal);
        Assert.Equal(before, await officer38.GetStringAsync($"/api/persons/{isere}"));
    }

    /// <summary>An id and a number of the same stranger, sent together, tell no more than those of nobody.</summary>
    [SkippableFact]
    public async Task AnIdAndACaseNumberOfAnotherSpipsPerson_SentTogether_AreRefusedAsThoseOfNobody()
    {
        var (post, rhone, used) = await ARhonePerson();
        var isere = await Scenarios.Person(app, post, departement: "38", caseNumber: Number("IS"));
        var officer38 = await app.ClientFor(PlacementApp.Officer38);
        var before = await officer38.GetStringAsync($"/api/persons/{isere}");

        async Task<(HttpStatusCode, string)> Name(string id, string number)
        {
            var file = JsonNode.Parse(before)!.AsObject();
            file["restrictions"] = new JsonObject
            {
                ["noContactWithPersonIds"] = new JsonArray(JsonValue.Create(id)),
                ["noContactWithCaseNumbers"] = new JsonArray(JsonValue.Create(number)),
            };
            var put = await officer38.PutAsJsonAsync($"/api/persons/{isere}", file);
            return (put.StatusCode, Masked(Without(await put.Content.ReadAsStringAsync(), "traceId"), (id, "ID"), (number, "NUMERO")));
        }

        var ofAnother = await Name(rhone, used);
        Assert.Equal(await Name(Guid.NewGuid().ToString(), Number("RH")), ofAnother);
        Assert.Equal(HttpStatusCode.BadRequest, ofAnother.Item1);
        Assert.Equal(before, await officer38.GetStringAsync($"/api/persons/{isere}"));
    }

    /// <summary>The review's reproduction: the co-defendant rule told where another SPIP's person was placed.</summary>
    [SkippableFact]
    public async Task PlacingAPerson_AfterTryingToNameAnotherSpipsPersonById_TellsNothingOfWhereTheyArePlaced()
    {
        var (post, rhone, _) = await ARhonePerson();
        var officer69 = await app.ClientFor(PlacementApp.Officer69);
        Assert.Equal(HttpStatusCode.Created, (await officer69.PostAsJsonAsync("/api/placements", new { personId = rhone, postId = post })).StatusCode);
        var officer38 = await app.ClientFor(PlacementApp.Officer38);
        var created = await officer38.PostAsJsonAsync("/api/persons", IsereJson(Number("IS")));
        var isere = (await created.Json()).GetProperty("id").GetString()!;
        var file = JsonNode.Parse((await (await officer38.GetAsync($"/api/persons/{isere}")).Json()).GetRawText())!.AsObject();
        file["restrictions"] = new JsonObject { ["noContactWithPersonIds"] = new JsonArray(JsonValue.Create(rhone)) };
        Assert.Equal(HttpStatusCode.BadRequest, (await officer38.PutAsJsonAsync($"/api/persons/{isere}", file)).StatusCode);

        var refused = await officer38.PostAsJsonAsync("/api/placements", new { personId = isere, postId = post });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["distance"], (await refused.Json()).GetProperty("rules").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    // ---- A co-defendant of another SPIP is linked by a deliberate, audited act ----

    private async Task<(HttpStatusCode, string)> Link(HttpClient officer, string person, string? number, string? birthDate)
    {
        var response = await officer.PostAsJsonAsync($"/api/persons/{person}/co-defendants", new { caseNumber = number, birthDate });
        return (response.StatusCode, Masked(Without(await response.Content.ReadAsStringAsync(), "traceId"), (number ?? "∅", "NUMERO")));
    }

    private async Task<List<JsonElement>> AuditLines(string person)
    {
        var admin = await app.ClientFor(PlacementApp.Admin);
        return [.. (await (await admin.GetAsync($"/api/audit?pageSize=100&personId={person}")).Json()).GetProperty("items").EnumerateArray()];
    }

    [SkippableFact]
    public async Task LinkingACoDefendantOfAnotherSpip_NeedsTheirCaseNumberAndBirthDate_AMissIsOneAnswer_AndEveryTryIsAudited()
    {
        var (post, rhone, number) = await ARhonePerson();
        var isere = await Scenarios.Person(app, post, departement: "38", caseNumber: Number("IS"));
        var officer38 = await app.ClientFor(PlacementApp.Officer38);
        var before = await officer38.GetStringAsync($"/api/persons/{isere}");

        var otherBirthDate = await Link(officer38, isere, number, "1999-04-03");
        var unknownNumber = await Link(officer38, isere, Number("RH"), "1999-04-02");
        Assert.Equal(HttpStatusCode.BadRequest, otherBirthDate.Item1);
        Assert.Equal(unknownNumber, otherBirthDate);
        Assert.Contains("\"caseNumber\"", otherBirthDate.Item2, StringComparison.Ordinal);
        Assert.Equal(before, await officer38.GetStringAsync($"/api/persons/{isere}"));
        var misses = (await AuditLines(isere)).Where(l => l.GetProperty("what").GetString()!.StartsWith("Recherche d'un co-auteur", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, misses.Count);
        Assert.All(misses, l => Assert.Equal([isere], l.GetProperty("personIds").EnumerateArray().Select(i => i.GetString()!).ToArray()));
        Assert.DoesNotContain(await AuditLines(rhone), l => l.GetProperty("actor").GetString() == PlacementApp.Officer38);

        // Both right: linked, and the line names both persons.
        var (status, body) = await Link(officer38, isere, number.ToLowerInvariant(), "1999-04-02");
        Assert.True(status == HttpStatusCode.OK, body);
        var file = await (await officer38.GetAsync($"/api/persons/{isere}")).Json();
        Assert.Equal([rhone], file.GetProperty("restrictions").GetProperty("noContactWithPersonIds").EnumerateArray().Select(i => i.GetString()!).ToArray());
        Assert.Equal([number], file.GetProperty("noContactCaseNumbers").EnumerateArray().Select(i => i.GetString()!).ToArray());
        var link = Assert.Single(await AuditLines(rhone), l => l.GetProperty("what").GetString()!.StartsWith("Lien avec un co-auteur", StringComparison.Ordinal));
        Assert.Equal(PlacementApp.Officer38, link.GetProperty("actor").GetString());
        Assert.Equal("update", link.GetProperty("action").GetString());
        Assert.Equal(new[] { isere, rhone }.Order(StringComparer.Ordinal), link.GetProperty("personIds").EnumerateArray().Select(i => i.GetString()!).Order(StringComparer.Ordinal));
        using var scope = app.Services.CreateScope();
        await DerivedForms.AssertConsistentAsync(scope.ServiceProvider.GetRequiredService<PlacementDbContext>());
    }

    [SkippableFact]
    public async Task ALinkedCoDefendantOfAnotherSpip_BindsRule13BothWays_AndEditingThePersonKeepsTheLink()
    {
        var (post, rhone, number) = await ARhonePerson();
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var other = await Scenarios.PublishedPostOfANewHostBody(coordinator, "Jardins partagés du Vercors", post =>
        {
            post["schedule"] = new[] { "sat" }.Select(d => new { day = d, start = "08:00", end = "18:00" }).ToArray();
        });
        var isere = await Scenarios.Person(app, post, departement: "38", caseNumber: Number("IS"));
        var officer38 = await app.ClientFor(PlacementApp.Officer38);
        var officer69 = await app.ClientFor(PlacementApp.Officer69);
        Assert.Equal(HttpStatusCode.OK, (await Link(officer38, isere, number, "1999-04-02")).Item1);

        // The page and the API give the file back as it is: the link stays.
        var page = await PageForms.SignedIn(app, PlacementApp.Officer38);
        var form = await PageForms.Read(page, $"/personnes/{isere}/modifier");
        Assert.Equal(number, form["Input.CoDefendants"]);
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.Post(page, $"/personnes/{isere}/modifier", form)).StatusCode);
        var file = JsonNode.Parse(await officer38.GetStringAsync($"/api/persons/{isere}"))!;
        var put = await officer38.PutAsJsonAsync($"/api/persons/{isere}", file);
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        Assert.Equal([rhone], (await put.Json()).GetProperty("restrictions").GetProperty("noContactWithPersonIds").EnumerateArray().Select(i => i.GetString()!).ToArray());

        // The Isère's person placed with the partner: the Rhône's is kept away from it (the reverse direction)…
        var placed = await officer38.PostAsJsonAsync("/api/placements", new { personId = isere, postId = post });
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var refused = await officer69.PostAsJsonAsync("/api/placements", new { personId = rhone, postId = post });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["coDefendant"], (await refused.Json()).GetProperty("rules").EnumerateArray().Select(r => r.GetString()!).ToArray());

        // …and, once the Rhône's person is placed elsewhere, the Isère's is kept away from there (the direction of the link).
        Assert.Equal(HttpStatusCode.Created, (await officer69.PostAsJsonAsync("/api/placements", new { personId = rhone, postId = other })).StatusCode);
        var placement = (await placed.Json()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await officer38.PostAsJsonAsync($"/api/placements/{placement}/cancel", new { reason = "Changement de structure" })).StatusCode);
        var refusedThere = await officer38.PostAsJsonAsync("/api/placements", new { personId = isere, postId = other });
        Assert.Equal(HttpStatusCode.Conflict, refusedThere.StatusCode);
        Assert.Contains("coDefendant", (await refusedThere.Json()).GetProperty("rules").EnumerateArray().Select(r => r.GetString()!));
    }

    [SkippableFact]
    public async Task ThePersonPage_LinksACoDefendantOfAnotherSpip_AndTellsAMissAsTheApi()
    {
        var (post, rhone, number) = await ARhonePerson();
        var isere = await Scenarios.Person(app, post, departement: "38", caseNumber: Number("IS"));
        var page = await PageForms.SignedIn(app, PlacementApp.Officer38);
        Assert.Contains($"/personnes/{isere}/co-auteur", await page.GetStringAsync($"/personnes/{isere}"), StringComparison.Ordinal);

        async Task<(HttpStatusCode, string)> Submit(string caseNumber, string birthDate)
        {
            var form = await PageForms.Read(page, $"/personnes/{isere}/co-auteur");
            form["Input.CaseNumber"] = caseNumber;
            form["Input.BirthDate"] = birthDate;
            var response = await PageForms.Post(page, $"/personnes/{isere}/co-auteur", form);
            return (response.StatusCode, Masked(PageForms.WithoutToken(await response.Content.ReadAsStringAsync()), (caseNumber, "NUMERO")));
        }

        var miss = await Submit(number, "2000-01-01");
        Assert.Equal(await Submit(Number("RH"), "2000-01-01"), miss);
        Assert.Equal(HttpStatusCode.OK, miss.Item1);
        Assert.Contains("Aucune personne ne correspond à ce numéro de dossier", WebUtility.HtmlDecode(miss.Item2), StringComparison.Ordinal);

        var linked = await Submit(number, "1999-04-02");
        Assert.Equal(HttpStatusCode.Redirect, linked.Item1);
        var officer38 = await app.ClientFor(PlacementApp.Officer38);
        Assert.Equal([rhone], (await (await officer38.GetAsync($"/api/persons/{isere}")).Json()).GetProperty("restrictions").GetProperty("noContactWithPersonIds").EnumerateArray().Select(i => i.GetString()!).ToArray());
    }

    [SkippableFact]
    public async Task LinkingACoDefendant_ToAPersonOfAnotherSpip_IsNotFound_AsForAnUnknownPerson()
    {
        var (post, _, number) = await ARhonePerson();
        var isere = await Scenarios.Person(app, post, departement: "38", caseNumber: Number("IS"));
        var officer69 = await app.ClientFor(PlacementApp.Officer69);
        var ofAnother = await Link(officer69, isere, number, "1999-04-02");
        Assert.Equal(HttpStatusCode.NotFound, ofAnother.Item1);
        Assert.Equal(await Link(officer69, Guid.NewGuid().ToString(), number, "1999-04-02"), ofAnother);
        var page = await PageForms.SignedIn(app, PlacementApp.Officer69);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/personnes/{isere}/co-auteur")).StatusCode);
    }

    // ---- Out of scope is not found, as unknown ----

    [SkippableFact]
    public async Task EveryPersonEndpoint_AnswersAnotherSpipsPerson_AsAnUnknownOne()
    {
        var (post, rhone, _) = await ARhonePerson();
        var unknown = Guid.NewGuid().ToString();
        var officer38 = await app.ClientFor(PlacementApp.Officer38);
        var page = await PageForms.SignedIn(app, PlacementApp.Officer38);
        var fields = JsonSerializer.SerializeToNode(PersonsApiTests.Person("38", "38185"));

        async Task<string> Answers(string id)
        {
            var lines = new List<string>();
            async Task Add(string what, HttpResponseMessage response) =>
                lines.Add($"{what} → {(int)response.StatusCode} {Masked(Without(await response.Content.ReadAsStringAsync(), "traceId"), (id, "ID"))}");
            foreach (var path in new[] { "", "/file", "/suitable-posts", "/referent-candidates" })
                await Add($"GET /api/persons/ID{path}", await officer38.GetAsync($"/api/persons/{id}{path}"));
            await Add("PUT /api/persons/ID", await officer38.PutAsJsonAsync($"/api/persons/{id}", fields));
            await Add("PUT /api/persons/ID/referent", await officer38.PutAsJsonAsync($"/api/persons/{id}/referent", new { accountId = "x" }));
            await Add("POST /api/placements", await officer38.PostAsJsonAsync("/api/placements", new { personId = id, postId = post }));
            await Add("POST /api/persons/ID/co-defendants", await officer38.PostAsJsonAsync($"/api/persons/{id}/co-defendants", new { caseNumber = "X-1", birthDate = "1999-04-02" }));
            foreach (var path in new[] { "", "/modifier", "/postes", "/co-auteur" })
            {
                var response = await page.GetAsync($"/personnes/{id}{path}");
                lines.Add($"GET /personnes/ID{path} → {(int)response.StatusCode} {Masked(PageForms.WithoutToken(await response.Content.ReadAsStringAsync()), (id, "ID"))}");
            }
            return string.Join("\n", lines);
        }

        var ofAnother = await Answers(rhone);
        Assert.Equal(await Answers(unknown), ofAnother);
        Assert.Contains("GET /api/persons/ID → 404", ofAnother, StringComparison.Ordinal);
    }
}

/// <summary>Posts the application's own forms without a browser: a cookie session, the form's fields as the page gives them, its anti-forgery token.</summary>
internal static class PageForms
{
    public static async Task<HttpClient> SignedIn(PlacementApp app, string email)
    {
        await app.IndexFilled();
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = PlacementApp.Password })).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>
    /// The fields of the page's last form with a submit button, as a browser would send them untouched: inputs with their value
    /// (checkboxes when checked), selects with their selected option, textareas with their text.
    /// </summary>
    public static async Task<Dictionary<string, string>> Read(HttpClient client, string path, int form = -1)
    {
        var html = await client.GetStringAsync(path);
        var forms = System.Text.RegularExpressions.Regex.Matches(html, "<form[^>]*method=\"post\"[^>]*>(.*?)</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.NotEmpty(forms);
        var body = forms[form < 0 ? forms.Count + form : form].Groups[1].Value;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        static string Attr(string tag, string name) =>
            System.Text.RegularExpressions.Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : "";
        foreach (System.Text.RegularExpressions.Match input in System.Text.RegularExpressions.Regex.Matches(body, "<input[^>]*>"))
        {
            var tag = input.Value;
            var name = Attr(tag, "name");
            if (name.Length == 0) continue;
            var type = Attr(tag, "type");
            if (type is "checkbox" or "radio" && !tag.Contains(" checked", StringComparison.Ordinal)) continue;
            if (type == "checkbox" && fields.ContainsKey(name)) continue;
            fields[name] = Attr(tag, "value");
        }
        foreach (System.Text.RegularExpressions.Match select in System.Text.RegularExpressions.Regex.Matches(body, "<select[^>]*name=\"([^\"]*)\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            var selected = System.Text.RegularExpressions.Regex.Match(select.Groups[2].Value, "<option[^>]*selected[^>]*>");
            fields[select.Groups[1].Value] = selected.Success ? Attr(selected.Value, "value") : "";
        }
        foreach (System.Text.RegularExpressions.Match area in System.Text.RegularExpressions.Regex.Matches(body, "<textarea[^>]*name=\"([^\"]*)\"[^>]*>(.*?)</textarea>", System.Text.RegularExpressions.RegexOptions.Singleline))
            fields[area.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(area.Groups[2].Value.TrimStart('\r', '\n'));
        return fields;
    }

    public static async Task<HttpResponseMessage> Post(HttpClient client, string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content);
    }

    /// <summary>The page without its anti-forgery tokens, which change with each answer.</summary>
    public static string WithoutToken(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"", "TOKEN");
}
