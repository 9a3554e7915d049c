using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.AssignmentRuns;

namespace Placement.Web.Tests;

/// <summary>
/// Rule 13 on every way into a placement: two persons who must not meet (listed in either one's
/// no-contact list) are never placed with the same host body — whatever their départements.
/// </summary>
[Collection(ApiCollection.Name)]
public class CoDefendantTests(PlacementApp app)
{
    /// <summary>A published post of the partner's host body, and a person of the Rhône placed on it (with a case number: another SPIP links them by it).</summary>
    private async Task<(string Post, string Placed)> APlacedPerson()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 4);
        var placed = await Scenarios.Person(app, post, caseNumber: CaseNumber());
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var response = await officer.PostAsJsonAsync("/api/placements", new { personId = placed, postId = post });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (post, placed);
    }

    private static async Task<IReadOnlyList<string>> SuitablePostIds(HttpClient officer, string person, System.Text.Json.JsonElement? answer = null)
    {
        var body = answer ?? await (await officer.GetAsync($"/api/persons/{person}/suitable-posts?limit=200")).Json();
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("post").GetProperty("id").GetString()!)];
    }

    [SkippableFact]
    public async Task SuitablePosts_LeaveOutTheHostBodyOfACoDefendant_ListedByThePerson_InAnotherDepartement()
    {
        var (post, placed) = await APlacedPerson();
        var isere = await Scenarios.Person(app, post, departement: "38", noContact: [placed]);
        var officer38 = await app.ClientFor(PlacementApp.Officer38);
        await app.SearchReady();

        var answer = await (await officer38.GetAsync($"/api/persons/{isere}/suitable-posts?limit=200")).Json();
        Assert.DoesNotContain(post, await SuitablePostIds(officer38, isere, answer));
        Assert.True(answer.GetProperty("excludedByRule").GetProperty("coDefendant").GetInt32() >= 1);
        Assert.True(answer.GetProperty("coDefendant").GetInt32() >= 1);
        Assert.Contains(answer.GetProperty("summary").EnumerateArray(), line => line.GetString()!.Contains("co-auteur ou victime", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task SuitablePosts_LeaveOutTheHostBodyOfACoDefendant_WhoListsThePerson()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 4);
        var listed = await Scenarios.Person(app, post);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        await app.SearchReady();
        Assert.Contains(post, await SuitablePostIds(officer, listed));

        // The one who lists them is placed there: the reverse direction binds just as well.
        var lister = await Scenarios.Person(app, post, noContact: [listed]);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/placements", new { personId = lister, postId = post })).StatusCode);
        Assert.DoesNotContain(post, await SuitablePostIds(officer, listed));
        var refused = await officer.PostAsJsonAsync("/api/placements", new { personId = listed, postId = post });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("coDefendant", (await refused.Json()).GetProperty("rules")[0].GetString());
    }

    [SkippableFact]
    public async Task PlacingDirectly_WithACoDefendantsHostBody_Is409NamingTheRule_AndWritesNothing()
    {
        var (post, placed) = await APlacedPerson();
        var lister = await Scenarios.Person(app, post, departement: "38", noContact: [placed]);
        var officer38 = await app.ClientFor(PlacementApp.Officer38);

        var response = await officer38.PostAsJsonAsync("/api/placements", new { personId = lister, postId = post });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(["coDefendant"], problem.GetProperty("rules").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Contains("co-auteur ou victime déjà placé dans la structure", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<IMatchingStore>().Placements.AnyAsync(p => p.PersonId == Guid.Parse(lister)));
    }

    [SkippableFact]
    public async Task AcceptingAProposal_WithACoDefendantsHostBody_Is409_AndTheProposalStaysPending()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 4);
        var listed = await Scenarios.Person(app, post, caseNumber: CaseNumber());
        var lister = await Scenarios.Person(app, post, departement: "38", noContact: [listed]);
        var runId = Guid.NewGuid();
        var proposalId = Guid.NewGuid();
        using (var scope = app.Services.CreateScope())
        {
            // A proposal made before the co-defendant was placed (an earlier run).
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            store.AssignmentRuns.Add(new AssignmentRun(runId, ["38", "69"], null, new DateOnly(2026, 11, 28), 10, false, PlacementApp.Coordinator, null, app.Clock.GetUtcNow()));
            store.Proposals.Add(new AssignmentProposal(proposalId, runId, Guid.Parse(lister), Guid.Parse(post), 80, 0, 9, ["test"], pinned: false));
            await store.SaveChangesAsync();
        }
        var officer = await app.ClientFor(PlacementApp.Officer69);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/placements", new { personId = listed, postId = post })).StatusCode);

        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var response = await coordinator.PostAsync($"/api/assignment-runs/{runId}/proposals/{proposalId}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("coDefendant", (await response.Json()).GetProperty("rules")[0].GetString());
        using var check = app.Services.CreateScope();
        var proposal = await check.ServiceProvider.GetRequiredService<IMatchingStore>().Proposals.AsNoTracking().SingleAsync(p => p.Id == proposalId);
        Assert.Equal(ProposalStatus.Pending, proposal.Status);
    }

    [SkippableFact]
    public async Task ARunsInstance_CarriesTheHostBodiesWhereCoDefendantsArePlaced_AndTheSolverKeepsAway()
    {
        var (post, placed) = await APlacedPerson();
        var lister = await Scenarios.Person(app, post, departement: "38", noContact: [placed]);
        var hostBody = await Scenarios.PartnerHostBody(app);
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        var run = new AssignmentRun(Guid.NewGuid(), ["38"], [Guid.Parse(lister)], new DateOnly(2026, 11, 28), 10, false, PlacementApp.Coordinator, null, app.Clock.GetUtcNow());

        var instance = await RunInstanceBuilder.BuildAsync(store, run, CancellationToken.None);
        var person = Assert.Single(instance.Persons);
        Assert.Equal([hostBody], person.CoDefendantPartnerIds);

        // With the posts of the Rhône in the instance too, the solver never proposes the co-defendant's host body.
        var wider = new AssignmentRun(Guid.NewGuid(), ["38", "69"], [Guid.Parse(lister)], new DateOnly(2026, 11, 28), 10, false, PlacementApp.Coordinator, null, app.Clock.GetUtcNow());
        var widerInstance = await RunInstanceBuilder.BuildAsync(store, wider, CancellationToken.None);
        Assert.Contains(widerInstance.Posts, p => p.Id == post);
        var result = scope.ServiceProvider.GetRequiredService<Placement.Matching.Engine.AssignmentSolver>().Solve(widerInstance);
        var posts = widerInstance.Posts.ToDictionary(p => p.Id, p => p.PartnerId, StringComparer.Ordinal);
        Assert.All(result.Assignments, a => Assert.NotEqual(hostBody, posts.GetValueOrDefault(a.PostId)));
        var assigned = result.Assignments.Any(a => a.PersonId == lister);
        if (!assigned) Assert.Contains("coDefendant", Assert.Single(result.Unassigned).BlockingRules!.Keys);
    }

    /// <summary>The issue's reproduction: A's list is completed after creation (the usual case), then A is placed.</summary>
    [SkippableFact]
    public async Task ACoDefendantAddedByEditingThePerson_BindsInBothDirections()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 4);
        var a = await Scenarios.Person(app, post);
        var b = await Scenarios.Person(app, post);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var fields = await (await officer.GetAsync($"/api/persons/{a}")).Json();
        var edited = System.Text.Json.Nodes.JsonNode.Parse(fields.GetRawText())!.AsObject();
        edited["restrictions"] = new System.Text.Json.Nodes.JsonObject { ["noContactWithPersonIds"] = new System.Text.Json.Nodes.JsonArray(b) };
        var put = await officer.PutAsJsonAsync($"/api/persons/{a}", edited);
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        await AssertBKeptAwayOnceAIsPlaced(post, a, b);
    }

    private static string CaseNumber() => "CO-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>A placed, B offered none of the host body's posts and refused 409 coDefendant, nothing written for B.</summary>
    private async Task AssertBKeptAwayOnceAIsPlaced(string post, string a, string b)
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/placements", new { personId = a, postId = post })).StatusCode);
        await app.SearchReady();
        Assert.DoesNotContain(post, await SuitablePostIds(officer, b));
        var refused = await officer.PostAsJsonAsync("/api/placements", new { personId = b, postId = post });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["coDefendant"], (await refused.Json()).GetProperty("rules").EnumerateArray().Select(r => r.GetString()!).ToArray());
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<IMatchingStore>().Placements.AnyAsync(p => p.PersonId == Guid.Parse(b)));
    }

    [SkippableFact]
    public async Task ACoDefendantNamedByCaseNumber_IsStoredAsTheirId_AndReadBackAsTheirCaseNumber()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 4);
        var (numberA, numberB) = (CaseNumber(), CaseNumber());
        var a = await Scenarios.Person(app, post, caseNumber: numberA);
        var b = await Scenarios.Person(app, post, caseNumber: numberB);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var edited = System.Text.Json.Nodes.JsonNode.Parse((await (await officer.GetAsync($"/api/persons/{a}")).Json()).GetRawText())!.AsObject();
        edited["restrictions"] = new System.Text.Json.Nodes.JsonObject { ["noContactWithCaseNumbers"] = new System.Text.Json.Nodes.JsonArray(numberB.ToLowerInvariant()) };
        var put = await officer.PutAsJsonAsync($"/api/persons/{a}", edited);
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var file = await (await officer.GetAsync($"/api/persons/{a}")).Json();
        Assert.Equal([b], file.GetProperty("restrictions").GetProperty("noContactWithPersonIds").EnumerateArray().Select(i => i.GetString()!).ToArray());
        Assert.Equal([numberB], file.GetProperty("noContactCaseNumbers").EnumerateArray().Select(i => i.GetString()!).ToArray());
        Assert.False(file.GetProperty("restrictions").TryGetProperty("noContactWithCaseNumbers", out _));
        // What is read is sent back unchanged: the same list.
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"/api/persons/{a}", System.Text.Json.Nodes.JsonNode.Parse(file.GetRawText()))).StatusCode);
        Assert.Equal([b], (await (await officer.GetAsync($"/api/persons/{a}")).Json()).GetProperty("restrictions").GetProperty("noContactWithPersonIds").EnumerateArray().Select(i => i.GetString()!).ToArray());
        await AssertBKeptAwayOnceAIsPlaced(post, a, b);
    }

    [SkippableTheory]
    [InlineData("NOBODY-HAS-THIS", "Aucune personne de votre périmètre n'a le numéro de dossier NOBODY-HAS-THIS.")]
    [InlineData("pas un numéro!", "Numéro de dossier invalide")]
    [InlineData("SELF", "celui de la personne elle-même")]
    public async Task ACaseNumberThatNamesNobodyElse_Is400OnTheField_AndNothingChanges(string named, string message)
    {
        var post = await Scenarios.PartnerPost(app, capacity: 4);
        var number = CaseNumber();
        var a = await Scenarios.Person(app, post, caseNumber: number);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var before = (await (await officer.GetAsync($"/api/persons/{a}")).Json()).GetRawText();
        var edited = System.Text.Json.Nodes.JsonNode.Parse(before)!.AsObject();
        edited["restrictions"] = new System.Text.Json.Nodes.JsonObject { ["noContactWithCaseNumbers"] = new System.Text.Json.Nodes.JsonArray(named == "SELF" ? number : named) };

        var put = await officer.PutAsJsonAsync($"/api/persons/{a}", edited);
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var errors = (await put.Json()).GetProperty("errors").GetProperty("restrictions.noContactWithCaseNumbers");
        Assert.Contains(message, errors[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await (await officer.GetAsync($"/api/persons/{a}")).Json()).GetRawText());
    }

    /// <summary>The case-management export names co-defendants by case number, in the column « ne_pas_rencontrer ».</summary>
    [SkippableFact]
    public async Task ACoDefendantNamedInACsvImportUpdate_BindsInBothDirections()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 4);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var address = (await (await officer.GetAsync($"/api/posts/{post}")).Json()).GetProperty("address");
        var (numberA, numberB, numberC) = (CaseNumber(), CaseNumber(), CaseNumber());
        string Line(string number, string name, string noContact) =>
            $"{number};{name};Test;69;02/04/1999;{address.GetProperty("street").GetString()};{address.GetProperty("communeInsee").GetString()};30;40;01/10/2026;01/04/2028;sam 08:00-17:00;;moyen;{noContact}";
        const string Header = "numero_dossier;nom;prenom;spip;date_naissance;adresse;commune_insee;distance_max_km;heures_prononcees;date_jugement;date_echeance;disponibilites;savoir_faire;effort_physique_max;ne_pas_rencontrer";
        async Task<System.Text.Json.JsonElement> Import(params string[] lines)
        {
            using var content = new StringContent(string.Join("\r\n", [Header, .. lines]), System.Text.Encoding.UTF8, "text/csv");
            var response = await officer.PostAsync("/api/imports/persons?dryRun=false&fileName=export.csv", content);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return await response.Json();
        }

        // Created together, C naming A further down the file; then A's line, updated, names B.
        var created = await Import(Line(numberA, "Alpha", ""), Line(numberB, "Bravo", ""), Line(numberC, "Charlie", numberA));
        Assert.Equal(3, created.GetProperty("created").GetInt32());
        var updated = await Import(Line(numberA, "Alpha", numberB), Line(numberB, "Bravo", ""), Line(numberC, "Charlie", ""));
        Assert.Equal(["updated", "unchanged", "unchanged"], updated.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("outcome").GetString()!).ToArray());

        using var scope = app.Services.CreateScope();
        var ids = await scope.ServiceProvider.GetRequiredService<IMatchingStore>().Persons.AsNoTracking()
            .Where(p => p.CaseNumber == numberA || p.CaseNumber == numberB || p.CaseNumber == numberC).ToDictionaryAsync(p => p.CaseNumber!, p => p.Id.ToString());
        // A placed: B (listed by A) and C (who lists A) are both kept away.
        await AssertBKeptAwayOnceAIsPlaced(post, ids[numberA], ids[numberB]);
        Assert.DoesNotContain(post, await SuitablePostIds(officer, ids[numberC]));

        var rejected = await Import(Line(numberB, "Bravo", "INCONNU-42"));
        var line = rejected.GetProperty("lines")[0];
        Assert.Equal("rejected", line.GetProperty("outcome").GetString());
        Assert.Contains(line.GetProperty("problems").EnumerateArray(), p => p.GetProperty("column").GetString() == "ne_pas_rencontrer");
    }
}
