using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Web.Data;

namespace Placement.Web.Tests;

/// <summary>
/// Issue 29, the medical examination before the work (R.623-14): a post's « risques particuliers » (formerly « risque
/// médical ») and « établissement de soins »; a person's job hours, the officer's marker « situation de handicap ou
/// grossesse » (never sent to the host body) and the director's requirement; a minor, night work, those flags or the marker
/// make the host's confirmation and every session wait until the SPIP records the person fit (« apte » and the date alone).
/// The clock reads Saturday 28 November 2026.
/// </summary>
[Collection(ApiCollection.Name)]
public class MedicalFitnessTests(PlacementApp app)
{
    private const string Reason = "Visite médicale à prévoir avant le début du travail";

    private async Task<(string Placement, string Person, HttpClient Officer, HttpClient Partner)> ProposedPlacement(
        Action<Dictionary<string, object?>>? post = null, Action<Dictionary<string, object?>>? person = null, string? birthDate = null)
    {
        var postId = await Scenarios.PartnerPost(app, capacity: 3, post);
        var personId = await Scenarios.Person(app, postId, hours: 20, birthDate: birthDate, edit: person);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var partner = await app.ClientFor(PlacementApp.Partner);
        var created = await officer.PostAsJsonAsync("/api/placements", new { personId, postId });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return ((await created.Json()).GetProperty("id").GetString()!, personId, officer, partner);
    }

    private static async Task<HttpResponseMessage> RecordFitness(HttpClient client, string person, string? examinedOn) =>
        await client.PostAsJsonAsync($"/api/persons/{person}/medical-fitness", new { examinedOn });

    private static async Task<JsonElement> Conflict(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }

    [SkippableFact]
    public async Task APostsParticularRisksAndCareSetting_RoundTripThroughTheApi()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 1, p => { p["particularRisks"] = true; p["careSetting"] = true; });
        var read = await (await (await app.ClientFor(PlacementApp.Partner)).GetAsync($"/api/posts/{post}")).Json();
        Assert.Equal((true, true), (read.GetProperty("particularRisks").GetBoolean(), read.GetProperty("careSetting").GetBoolean()));
        Assert.False(read.TryGetProperty("medicalRisk", out _));
    }

    [SkippableFact]
    public async Task ThePostsCsv_ReadsRisquesParticuliersAndEtablissementDeSoins_AndStillTheFormerRisqueMedical()
    {
        var partner = await app.ClientFor(PlacementApp.Partner);
        var own = (await (await partner.GetAsync("/api/host-bodies")).Json()).GetProperty("items")[0];
        var (siret, hostId) = (own.GetProperty("siret").GetString()!, Guid.Parse(own.GetProperty("id").GetString()!));
        const string Header = "siret;reference;intitule;description;activite;savoir_faire;adresse;commune_insee;places;heures_hebdo_max;creneaux;ouvert_du;ouvert_au;tuteur_nom;tuteur_courriel;tuteur_telephone;effort_physique";
        string Line(string reference) =>
            $"{siret};{reference};Aide en atelier;Tri et réparation d'objets.;recyclerie-tri;;;;1;7;mer 14:00-17:00;01/01/2027;31/12/2027;Tuteur Partenaire;tuteur@exemple.fr;;faible";
        var (now, former) = ("M-" + Guid.NewGuid().ToString("N")[..8], "M-" + Guid.NewGuid().ToString("N")[..8]);
        var (_, report) = await CatalogueImportTests.ImportAsync(app, "posts", PlacementApp.Partner,
            Encoding.UTF8.GetBytes($"{Header};risques_particuliers;etablissement_de_soins\n{Line(now)};oui;oui\n"), "postes.csv", dryRun: false);
        Assert.True(report.GetProperty("lines")[0].GetProperty("outcome").GetString() == "created", report.GetRawText());
        var (_, old) = await CatalogueImportTests.ImportAsync(app, "posts", PlacementApp.Partner,
            Encoding.UTF8.GetBytes($"{Header};risque_medical\n{Line(former)};oui\n"), "ancien-modele.csv", dryRun: false);
        Assert.True(old.GetProperty("lines")[0].GetProperty("outcome").GetString() == "created", old.GetRawText());

        using var scope = app.Services.CreateScope();
        var posts = await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().Posts.AsNoTracking().Where(p => p.HostBodyId == hostId).ToListAsync();
        var imported = posts.Single(p => p.Reference == now).Details.Conditions;
        Assert.Equal((true, true), (imported.ParticularRisks, imported.CareSetting));
        var fromOld = posts.Single(p => p.Reference == former).Details.Conditions;
        Assert.Equal((true, false), (fromOld.ParticularRisks, fromOld.CareSetting));
    }

    [SkippableFact]
    public async Task APersonsJobHoursAndMedicalEntries_RoundTrip_AndMoreThan60HoursIsAFieldError()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 1);
        var id = await Scenarios.Person(app, post, edit: p => { p["weeklyWorkHours"] = 17.5; p["medicalMarker"] = true; p["medicalExaminationRequired"] = true; });
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var person = await (await officer.GetAsync($"/api/persons/{id}")).Json();
        Assert.Equal((17.5, true, true), (person.GetProperty("weeklyWorkHours").GetDouble(), person.GetProperty("medicalMarker").GetBoolean(),
            person.GetProperty("medicalExaminationRequired").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, person.GetProperty("medicalFitness").ValueKind);

        var edited = System.Text.Json.Nodes.JsonNode.Parse(person.GetRawText())!;
        edited["weeklyWorkHours"] = 61;
        var refused = await officer.PutAsJsonAsync($"/api/persons/{id}", edited);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Json()).GetProperty("errors").TryGetProperty("weeklyWorkHours", out _));

        edited["weeklyWorkHours"] = null;
        edited["medicalMarker"] = false;
        var saved = await officer.PutAsJsonAsync($"/api/persons/{id}", edited);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var after = await saved.Json();
        Assert.Equal((JsonValueKind.Null, false, true), (after.GetProperty("weeklyWorkHours").ValueKind, after.GetProperty("medicalMarker").GetBoolean(),
            after.GetProperty("medicalExaminationRequired").GetBoolean()));
    }

    [SkippableFact]
    public async Task TheMedicalMarker_NeverReachesTheHostBody_WhichOnlyReadsThatAnExaminationIsToCome()
    {
        var (placement, _, officer, partner) = await ProposedPlacement(person: p => p["medicalMarker"] = true);
        var officerView = await (await officer.GetAsync($"/api/placements/{placement}")).Json();
        Assert.StartsWith(Reason, officerView.GetProperty("medicalExamination").GetString(), StringComparison.Ordinal);

        foreach (var path in new[] { "/api/placements", $"/api/placements/{placement}", "/structure/placements" })
        {
            var body = await (await partner.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("medicalMarker", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("handicap", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("grossesse", body, StringComparison.OrdinalIgnoreCase);
        }
        var view = await (await partner.GetAsync($"/api/placements/{placement}")).Json();
        Assert.Contains("situation signalée par le SPIP", view.GetProperty("medicalExamination").GetString(), StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await (await partner.GetAsync("/structure/placements")).Content.ReadAsStringAsync());
        Assert.Contains("La confirmation de l'accueil attend l'aptitude enregistrée par le SPIP", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task NightWork_RefusesTheConfirmationWithItsReason_UntilTheFitnessIsRecorded_ThenSessionsArePlanned()
    {
        var (placement, person, officer, partner) = await ProposedPlacement(post: p => p["nightWork"] = true);
        var created = await (await officer.GetAsync($"/api/placements/{placement}")).Json();
        Assert.Equal($"{Reason} (travail de nuit).", created.GetProperty("medicalExamination").GetString());
        var listed = (await (await officer.GetAsync("/api/placements?status=proposed")).Json()).EnumerateArray().Single(p => p.GetProperty("id").GetString() == placement);
        Assert.Equal($"{Reason} (travail de nuit).", listed.GetProperty("medicalExamination").GetString());

        var refused = await Conflict(await partner.PostAsync($"/api/placements/{placement}/confirm", null));
        Assert.Equal($"{Reason} (travail de nuit) : le SPIP doit enregistrer l'aptitude.", refused.GetProperty("detail").GetString());
        Assert.Contains("medicalExamination", refused.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("proposed", (await (await officer.GetAsync($"/api/placements/{placement}")).Json()).GetProperty("status").GetString());

        var fit = await RecordFitness(officer, person, "2026-11-20");
        Assert.True(fit.StatusCode == HttpStatusCode.OK, await fit.Content.ReadAsStringAsync());
        Assert.Equal("2026-11-20", (await fit.Json()).GetProperty("medicalFitness").GetProperty("examinedOn").GetString());
        var confirmed = await partner.PostAsync($"/api/placements/{placement}/confirm", null);
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, (await confirmed.Json()).GetProperty("medicalExamination").ValueKind);
        var plan = await (await partner.GetAsync($"/api/placements/{placement}/sessions")).Json();
        Assert.Equal(20, plan.GetProperty("hoursPlanned").GetDouble());
    }

    [SkippableTheory]
    [InlineData("minor", "mineur")]
    [InlineData("marker", "situation signalée par le SPIP")]
    [InlineData("director", "situation signalée par le SPIP")]
    [InlineData("particular-risks", "risques particuliers")]
    [InlineData("care-setting", "établissement de soins")]
    public async Task EachReasonForAnExamination_RefusesTheConfirmation_AndTheFitnessLiftsIt(string reason, string said)
    {
        var (placement, person, officer, partner) = await ProposedPlacement(
            post: p =>
            {
                p["acceptsMinors"] = reason == "minor";
                p["particularRisks"] = reason == "particular-risks";
                p["careSetting"] = reason == "care-setting";
            },
            person: p =>
            {
                p["medicalMarker"] = reason == "marker";
                p["medicalExaminationRequired"] = reason == "director";
                if (reason == "minor") p["sentenceDate"] = "2026-09-15";
            },
            birthDate: reason == "minor" ? "2009-06-01" : null);
        var refused = await Conflict(await partner.PostAsync($"/api/placements/{placement}/confirm", null));
        Assert.Equal($"{Reason} ({said}) : le SPIP doit enregistrer l'aptitude.", refused.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await RecordFitness(officer, person, "2026-11-28")).StatusCode); // today is fine
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/placements/{placement}/confirm", null)).StatusCode);
        Assert.True((await (await partner.GetAsync($"/api/placements/{placement}/sessions")).Json()).GetProperty("hoursPlanned").GetDouble() > 0);
    }

    [SkippableFact]
    public async Task RecordingTheFitness_NamesAMissingOrFutureDate_AndIsTheSpipsAlone()
    {
        var (_, person, officer, partner) = await ProposedPlacement(post: p => p["nightWork"] = true);
        foreach (var bad in new[] { null, "2026-11-29" })
        {
            var refused = await RecordFitness(officer, person, bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Json()).GetProperty("errors").TryGetProperty("examinedOn", out _), bad);
        }
        var unreadable = await officer.PostAsync($"/api/persons/{person}/medical-fitness", new StringContent("{\"examinedOn\":\"20/11/2026\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Contains("examinedOn", await unreadable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordFitness(partner, person, "2026-11-20")).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await (await officer.GetAsync($"/api/persons/{person}")).Json()).GetProperty("medicalFitness").ValueKind);
    }

    [SkippableFact]
    public async Task WithoutAnyReason_TheConfirmationIsAsBefore_AndNothingIsNoted()
    {
        var (placement, _, officer, partner) = await ProposedPlacement();
        Assert.Equal(JsonValueKind.Null, (await (await officer.GetAsync($"/api/placements/{placement}")).Json()).GetProperty("medicalExamination").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/placements/{placement}/confirm", null)).StatusCode);
    }

    [SkippableFact]
    public async Task AnExaminationAskedAfterTheConfirmation_StopsSessionsBeingAddedOrAttended_UntilTheFitness()
    {
        var (placement, person, officer, partner) = await ProposedPlacement();
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/placements/{placement}/confirm", null)).StatusCode);
        var added = await partner.PostAsJsonAsync($"/api/placements/{placement}/sessions", new { date = "2026-11-28", start = "09:00", end = "12:00" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var session = (await added.Json()).GetProperty("id").GetString();

        var file = System.Text.Json.Nodes.JsonNode.Parse((await (await officer.GetAsync($"/api/persons/{person}")).Json()).GetRawText())!;
        file["medicalExaminationRequired"] = true;
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"/api/persons/{person}", file)).StatusCode);

        var another = await Conflict(await partner.PostAsJsonAsync($"/api/placements/{placement}/sessions", new { date = "2026-11-28", start = "13:00", end = "15:00" }));
        Assert.Contains("le SPIP doit enregistrer l'aptitude", another.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Conflict(await partner.PostAsJsonAsync($"/api/sessions/{session}/attendance", new { outcome = "present", arrival = "09:00", departure = "12:00" }));

        Assert.Equal(HttpStatusCode.OK, (await RecordFitness(officer, person, "2026-11-27")).StatusCode);
        var attended = await partner.PostAsJsonAsync($"/api/sessions/{session}/attendance", new { outcome = "present", arrival = "09:00", departure = "12:00" });
        Assert.True(attended.StatusCode == HttpStatusCode.OK, await attended.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task ThePersonPage_AsksForTheFitness_NamesABadDateOnItsField_ThenReadsApte()
    {
        var (_, person, _, _) = await ProposedPlacement(post: p => p["nightWork"] = true);
        var page = await PageForms.SignedIn(app, PlacementApp.Officer69);
        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/personnes/{person}"));
        Assert.Contains("Visite médicale à prévoir avant le début du travail (travail de nuit).", html, StringComparison.Ordinal);
        Assert.Contains("Enregistrer l'aptitude", html, StringComparison.Ordinal);

        async Task<HttpResponseMessage> Submit(string date)
        {
            var token = System.Text.RegularExpressions.Regex.Match(await page.GetStringAsync($"/personnes/{person}"),
                "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"").Groups[1].Value;
            return await PageForms.Post(page, $"/personnes/{person}?handler=MedicalFitness",
                new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Fitness.ExaminedOn"] = date });
        }

        var future = await Submit("2026-12-01");
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        var shown = WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync());
        Assert.Contains("id=\"visite-du-erreur\">La visite médicale ne peut pas être datée dans le futur.", shown, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Submit("2026-11-20")).StatusCode);
        var after = WebUtility.HtmlDecode(await page.GetStringAsync($"/personnes/{person}"));
        Assert.Contains("Apte — visite du 20 novembre 2026", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer l'aptitude", after, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ThePersonAwareSearch_SaysAMedicalExaminationIsToCome_OnANightWorkPost()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 1, p => p["nightWork"] = true);
        var person = await Scenarios.Person(app, post);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        await app.SearchReady();
        var answer = await (await officer.GetAsync($"/api/persons/{person}/suitable-posts?limit=200")).Json();
        var found = answer.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("post").GetProperty("id").GetString() == post);
        Assert.Contains(found.GetProperty("explanation").EnumerateArray(), e => e.GetString()!.Contains("visite médicale à prévoir", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task ARun_SaysAMedicalExaminationIsToCome_OnTheProposalsThatNeedOne()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 1, p => p["careSetting"] = true);
        var person = await Scenarios.Person(app, post);
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var runId = await Runs.Start(coordinator, new { departements = new[] { "69" }, timeLimitSeconds = 20 });
        Assert.Equal("succeeded", (await Runs.WaitFinished(coordinator, runId, 180)).GetProperty("state").GetString());
        var proposals = (await (await coordinator.GetAsync($"/api/assignment-runs/{runId}/proposals")).Json()).EnumerateArray().ToList();
        static bool Noted(JsonElement p) => p.GetProperty("explanation").EnumerateArray().Any(e => e.GetString()!.Contains("visite médicale à prévoir", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(proposals, Noted);
        Assert.All(proposals.Where(p => p.GetProperty("postId").GetString() == post), p => Assert.True(Noted(p), p.GetRawText()));
    }
}
