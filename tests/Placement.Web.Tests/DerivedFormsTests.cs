using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Web.Data;

namespace Placement.Web.Tests;

/// <summary>
/// Issue 24: every derived row and column equals its source after every write path — the seed, the API's creations and
/// edits, imports that create and update (CSV and JSON), and hours signed.
/// The person page is checked by its browser journey (<c>OfficerJourneys</c>).
/// </summary>
[Collection(ApiCollection.Name)]
public class DerivedFormsTests(PlacementApp app)
{
    private async Task AssertConsistent()
    {
        using var scope = app.Services.CreateScope();
        await DerivedForms.AssertConsistentAsync(scope.ServiceProvider.GetRequiredService<PlacementDbContext>());
    }

    private static string Key() => "DF-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static async Task<JsonObject> Read(HttpClient client, string path) =>
        JsonNode.Parse((await (await client.GetAsync(path)).Json()).GetRawText())!.AsObject();

    [SkippableFact]
    public async Task TheSeed_LeavesEveryDerivedFormEqualToItsSource() => await AssertConsistent();

    [SkippableFact]
    public async Task ThePersonsWritePaths_LeaveEveryDerivedFormEqualToItsSource()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 2);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var (keyA, keyB) = (Key(), Key());
        var a = await Scenarios.Person(app, post, caseNumber: keyA);
        var b = await Scenarios.Person(app, post, noContact: [a], caseNumber: keyB);
        await AssertConsistent();

        // API edit: another name, another case number, B added to A's list; then removed again.
        var edited = await Read(officer, $"/api/persons/{a}");
        edited["lastName"] = "  Nouveau-Nom ";
        edited["caseNumber"] = keyA + "-BIS";
        edited["restrictions"] = new JsonObject { ["noContactWithPersonIds"] = new JsonArray(b) };
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"/api/persons/{a}", edited)).StatusCode);
        await AssertConsistent();
        edited["restrictions"] = new JsonObject { ["noContactWithPersonIds"] = new JsonArray() };
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"/api/persons/{a}", edited)).StatusCode);
        await AssertConsistent();

        // CSV import: two created (C names A's new number), then C updated to name D instead.
        var address = (await Read(officer, $"/api/posts/{post}"))["address"]!;
        var (keyC, keyD) = (Key(), Key());
        string Line(string key, string name, string noContact) =>
            $"{key};{name};Test;69;02/04/1999;;{address["communeInsee"]};30;40;01/10/2026;01/04/2028;sam 08:00-17:00;;moyen;{noContact}";
        async Task Import(string contentType, string body)
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, contentType);
            var response = await officer.PostAsync($"/api/imports/persons?dryRun=false&fileName=export.{(contentType == "text/csv" ? "csv" : "json")}", content);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var report = await response.Json();
            Assert.All(report.GetProperty("lines").EnumerateArray(), l => Assert.NotEqual("rejected", l.GetProperty("outcome").GetString()));
        }
        const string Header = "numero_dossier;nom;prenom;spip;date_naissance;adresse;commune_insee;distance_max_km;heures_prononcees;date_jugement;date_echeance;disponibilites;savoir_faire;effort_physique_max;ne_pas_rencontrer";
        await Import("text/csv", string.Join("\r\n", Header, Line(keyC, "Charlie", keyA + "-BIS"), Line(keyD, "Delta", "")));
        await AssertConsistent();
        await Import("text/csv", string.Join("\r\n", Header, Line(keyC, "Charlie-Deux", keyD)));
        await AssertConsistent();

        // JSON import updating B: its list now names C, by id.
        var fileB = await Read(officer, $"/api/persons/{b}");
        foreach (var answerOnly in new[] { "id", "hoursRemaining", "effectiveDeadline", "createdAt", "updatedAt", "noContactCaseNumbers", "medicalFitness" }) fileB.Remove(answerOnly);
        var c = (await (await officer.GetAsync($"/api/persons?q=Charlie-Deux")).Json()).GetProperty("items")[0].GetProperty("id").GetString()!;
        fileB["restrictions"] = new JsonObject { ["noContactWithPersonIds"] = new JsonArray(c) };
        await Import("application/json", new JsonArray(fileB).ToJsonString());
        await AssertConsistent();

        // Hours signed by the tutor change the profile (hours done) in the same save.
        var placement = (await (await officer.PostAsJsonAsync("/api/placements", new { personId = a, postId = post })).Json()).GetProperty("id").GetString();
        var partner = await app.ClientFor(PlacementApp.Partner);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/placements/{placement}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{placement}/hours", new { note = "Feuille d'heures papier", date = "2026-11-28", hours = 3 })).StatusCode);
        await AssertConsistent();
    }

    [SkippableFact]
    public async Task TheCataloguesWritePaths_LeaveEveryDerivedFormEqualToItsSource()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var host = await CatalogueApiTests.CreateHostBody(coordinator, "Structure dérivée");
        var hostBody = await Read(coordinator, $"/api/host-bodies/{host}");
        hostBody["name"] = "  Structure renommée ";
        hostBody["address"] = new JsonObject { ["communeInsee"] = "38185" }; // Grenoble: another département
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync($"/api/host-bodies/{host}", hostBody)).StatusCode);
        await AssertConsistent();

        var created = await coordinator.PostAsJsonAsync("/api/posts", CatalogueApiTests.Post(host));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var post = (await created.Json()).GetProperty("id").GetString()!;
        var fields = await Read(coordinator, $"/api/posts/{post}");
        fields["reference"] = "REF-" + Guid.NewGuid().ToString("N")[..6];
        fields["address"] = new JsonObject { ["communeInsee"] = "38185" };
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync($"/api/posts/{post}", fields)).StatusCode);
        await AssertConsistent();
    }
}
