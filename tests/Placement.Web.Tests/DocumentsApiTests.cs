using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Persistence;
using UglyToad.PdfPig;

namespace Placement.Web.Tests;

/// <summary>
/// The documents of a measure over the API: downloaded as PDF (the first version issued on demand, the same bytes after),
/// numbered per SPIP and year, issued again as a new version under the same number, every download audited; the host reaches
/// only its two documents, without judicial data; the tutor's attestation closes the completed placement and puts itself on the
/// relevé d'heures; the reports to the judge; the SPIP's letterhead on every document.
/// </summary>
[Collection(ApiCollection.Name)]
public class DocumentsApiTests(PlacementApp app)
{
    private async Task<(string Placement, string Person, HttpClient Officer, HttpClient Partner)> ConfirmedPlacement(double hours, double done = 0)
    {
        var (placement, person) = await Scenarios.ConfirmedPlacement(app, hours, done);
        return (placement, person, await app.ClientFor(PlacementApp.Officer69), await app.ClientFor(PlacementApp.Partner));
    }

    /// <summary>Works the whole of a placement of <paramref name="hours"/> today (09:00 onwards): it is then completed.</summary>
    private static async Task WorkAll(HttpClient partner, string placement, int hours)
    {
        var added = await partner.PostAsJsonAsync($"/api/placements/{placement}/sessions", new { date = "2026-11-28", start = "08:00", end = $"{8 + hours:00}:00" });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var session = (await added.Json()).GetProperty("id").GetString()!;
        var present = await partner.PostAsJsonAsync($"/api/sessions/{session}/attendance", new { outcome = "present", arrival = "08:00", departure = $"{8 + hours:00}:00", breakMinutes = 0 });
        Assert.True(present.StatusCode == HttpStatusCode.OK, await present.Content.ReadAsStringAsync());
    }

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [SkippableFact]
    public async Task Download_IssuesTheFirstVersionOnDemand_ThenServesTheSameBytes_AndANewVersionKeepsTheNumber()
    {
        var (placement, person, officer, _) = await ConfirmedPlacement(hours: 20);
        var before = await (await officer.GetAsync($"/api/placements/{placement}/documents")).Json();
        Assert.Equal(["decision-affectation", "fiche-liaison", "releve-heures"], before.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.All(before.EnumerateArray(), e => Assert.Equal(0, e.GetProperty("versions").GetArrayLength()));

        var first = await officer.GetAsync($"/api/placements/{placement}/documents/decision-affectation");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"", first.Headers.ETag?.Tag);
        var again = await (await officer.GetAsync($"/api/placements/{placement}/documents/decision-affectation")).Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, again);

        var listed = (await (await officer.GetAsync($"/api/placements/{placement}/documents")).Json()).EnumerateArray().First().GetProperty("versions").EnumerateArray().Single();
        var number = listed.GetProperty("number").GetString()!;
        Assert.Matches(@"^069-2026-\d{5}$", number);
        Assert.Contains(number, Text(bytes));
        Assert.Equal(first.Content.Headers.ContentDisposition?.FileNameStar ?? first.Content.Headers.ContentDisposition?.FileName?.Trim('"'), $"decision-affectation-{number}-v1.pdf");

        var reissued = await officer.PostAsync($"/api/placements/{placement}/documents/decision-affectation", null);
        Assert.Equal(HttpStatusCode.Created, reissued.StatusCode);
        var v2 = await reissued.Json();
        Assert.Equal((number, 2), (v2.GetProperty("number").GetString(), v2.GetProperty("version").GetInt32()));
        var latest = await (await officer.GetAsync($"/api/placements/{placement}/documents/decision-affectation")).Content.ReadAsByteArrayAsync();
        Assert.Contains("version 2", Text(latest));
        // The first version stays as it was issued.
        Assert.Equal(bytes, await (await officer.GetAsync(listed.GetProperty("url").GetString())).Content.ReadAsByteArrayAsync());

        var all = await (await officer.GetAsync($"/api/persons/{person}/documents")).Json();
        Assert.Equal([2, 1], all.EnumerateArray().Select(d => d.GetProperty("version").GetInt32()));

        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        var lines = await store.AuditTrail.Where(a => a.PersonIds.Contains(person) && a.What.Contains(number)).Select(a => a.Action + " " + a.Actor).ToListAsync();
        Assert.Equal(2, lines.Count(l => l == "create " + PlacementApp.Officer69));
        Assert.Equal(4, lines.Count(l => l == "read " + PlacementApp.Officer69)); // every download, the same bytes or not
    }

    [SkippableFact]
    public async Task Numbers_FollowEachOtherWithinASpipAndYear()
    {
        var (placement, _, officer, _) = await ConfirmedPlacement(hours: 20);
        var a = await (await officer.PostAsync($"/api/placements/{placement}/documents/fiche-liaison", null)).Json();
        var b = await (await officer.PostAsync($"/api/placements/{placement}/documents/releve-heures", null)).Json();
        var sequence = (System.Text.Json.JsonElement d) => int.Parse(d.GetProperty("number").GetString()!.Split('-')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(sequence(a) + 1, sequence(b));
        Assert.Equal(1, b.GetProperty("version").GetInt32());
    }

    [SkippableFact]
    public async Task TheHost_ReachesOnlyItsTwoDocuments_WhichHoldNoJudicialData()
    {
        var (placement, person, officer, partner) = await ConfirmedPlacement(hours: 20);
        var listed = await (await partner.GetAsync($"/api/placements/{placement}/documents")).Json();
        Assert.Equal(["fiche-liaison", "releve-heures"], listed.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/placements/{placement}/documents/decision-affectation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync($"/api/placements/{placement}/documents/fiche-liaison", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/persons/{person}/documents")).StatusCode);
        var decision = await (await officer.PostAsync($"/api/placements/{placement}/documents/decision-affectation", null)).Json();
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(decision.GetProperty("url").GetString())).StatusCode);

        var profile = await (await officer.GetAsync($"/api/persons/{person}")).Json();
        foreach (var kind in new[] { "fiche-liaison", "releve-heures" })
        {
            var response = await partner.GetAsync($"/api/placements/{placement}/documents/{kind}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = Text(await response.Content.ReadAsByteArrayAsync());
            Assert.Contains("Karim B.", text);
            Assert.DoesNotContain(profile.GetProperty("lastName").GetString()!, text);
            Assert.DoesNotContain(DateOnly.Parse(profile.GetProperty("birthDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), text);
            Assert.DoesNotContain("échéance", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [SkippableFact]
    public async Task Attestation_ClosesTheCompletedPlacement_AndIsPrintedOnTheReleve()
    {
        var (placement, _, officer, partner) = await ConfirmedPlacement(hours: 20, done: 17);
        var early = await partner.PostAsJsonAsync($"/api/placements/{placement}/attestation", new { name = "Albane Julien", certify = true });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("pas toutes effectuées", await early.Content.ReadAsStringAsync());

        await WorkAll(partner, placement, 3);
        Assert.Equal("completed", (await (await officer.GetAsync($"/api/placements/{placement}")).Json()).GetProperty("status").GetString());
        var unticked = await partner.PostAsJsonAsync($"/api/placements/{placement}/attestation", new { name = " ", certify = false });
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.Equal(["certify", "name"], (await unticked.ErrorFields()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/placements/{placement}/attestation", new { name = "Agent", certify = true })).StatusCode);

        var attested = await partner.PostAsJsonAsync($"/api/placements/{placement}/attestation", new { name = "Albane Julien", certify = true });
        Assert.True(attested.StatusCode == HttpStatusCode.OK, await attested.Content.ReadAsStringAsync());
        var body = await attested.Json();
        Assert.Equal(("closed", "Albane Julien", PlacementApp.Partner, 3.0),
            (body.GetProperty("status").GetString(), body.GetProperty("tutorName").GetString(), body.GetProperty("tutorEmail").GetString(), body.GetProperty("hours").GetDouble()));
        Assert.Equal("closed", (await (await officer.GetAsync($"/api/placements/{placement}")).Json()).GetProperty("status").GetString());
        var retry = await (await partner.PostAsJsonAsync($"/api/placements/{placement}/attestation", new { name = "Albane Julien", certify = true })).Json();
        Assert.Equal(body.GetProperty("at").GetString(), retry.GetProperty("at").GetString());

        var releve = Text(await (await partner.GetAsync($"/api/placements/{placement}/documents/releve-heures")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Albane Julien", releve);
        Assert.Contains("Attesté", releve);
    }

    [SkippableFact]
    public async Task Reports_ToTheJudge_AreIssuedForThePerson_AndAnIncidentReportFollowsItsDecision()
    {
        var (placement, person, officer, partner) = await ConfirmedPlacement(hours: 20);
        var missing = await officer.PostAsJsonAsync($"/api/persons/{person}/documents", new { kind = "rapport-incident" });
        Assert.Equal(["incidentId"], await missing.ErrorFields());
        Assert.Equal(["kind"], await (await officer.PostAsJsonAsync($"/api/persons/{person}/documents", new { kind = "fiche-liaison" })).ErrorFields());

        var end = await officer.PostAsJsonAsync($"/api/persons/{person}/documents", new { kind = "rapport-fin-mesure" });
        Assert.Equal(HttpStatusCode.Created, end.StatusCode);
        var endText = Text(await (await officer.GetAsync((await end.Json()).GetProperty("url").GetString())).Content.ReadAsByteArrayAsync());
        Assert.Contains("Rapport de fin de mesure", endText);

        var reported = await partner.PostAsJsonAsync($"/api/placements/{placement}/incidents", new { kind = "behaviour", description = "Propos insultants envers un agent.", suspend = false });
        Assert.True(reported.StatusCode == HttpStatusCode.Created, await reported.Content.ReadAsStringAsync());
        var incident = (await reported.Json()).GetProperty("id").GetString()!;
        var note = await officer.PostAsJsonAsync($"/api/persons/{person}/documents", new { kind = "rapport-incident", incidentId = incident });
        Assert.Equal(["incidentId"], await note.ErrorFields()); // not decided as a report to the judge
        var decided = await officer.PostAsJsonAsync($"/api/incidents/{incident}/decision", new { action = "report-to-judge", followUp = "resume", comment = "Rapport adressé au JAP." });
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var documents = await (await officer.GetAsync($"/api/persons/{person}/documents")).Json();
        var report = documents.EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "rapport-incident");
        Assert.Equal(incident, report.GetProperty("incidentId").GetString());
        var text = Text(await (await officer.GetAsync(report.GetProperty("url").GetString())).Content.ReadAsByteArrayAsync());
        Assert.Contains("Rapport d'incident", text);
        Assert.Contains("Propos insultants", text);
    }

    [SkippableFact]
    public async Task Letterhead_WrittenByTheAdministrator_IsPrintedOnTheNextDocuments()
    {
        var admin = await app.ClientFor(PlacementApp.Admin);
        var bad = await admin.PutAsJsonAsync("/api/spips/69/letterhead", new { name = "", address = "", signatoryName = "", signatoryTitle = "", email = "pas-une-adresse" });
        Assert.Equal(["address", "email", "name", "signatoryName", "signatoryTitle"], (await bad.ErrorFields()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/spips/00/letterhead")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor(PlacementApp.Officer69)).GetAsync("/api/spips/69/letterhead")).StatusCode);

        var written = await admin.PutAsJsonAsync("/api/spips/69/letterhead", new
        {
            name = "SPIP du Rhône — antenne de Lyon", address = "2 rue de la Charité\n69002 Lyon", phone = "04 72 00 00 00", email = "spip69@justice.fr",
            signatoryName = "Claire Martin", signatoryTitle = "Directrice du SPIP du Rhône",
        });
        Assert.True(written.StatusCode == HttpStatusCode.OK, await written.Content.ReadAsStringAsync());
        Assert.False((await written.Json()).GetProperty("isDefault").GetBoolean());

        var (placement, _, officer, _) = await ConfirmedPlacement(hours: 20);
        var text = Text(await (await officer.GetAsync($"/api/placements/{placement}/documents/decision-affectation")).Content.ReadAsByteArrayAsync());
        Assert.Contains("SPIP du Rhône — antenne de Lyon", text);
        Assert.Contains("69002 Lyon", text);
        Assert.Contains("Claire Martin", text);
    }
}
