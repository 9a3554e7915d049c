using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Kernel.Notifications;
using Placement.Matching.Persistence;

namespace Placement.Web.Tests;

/// <summary>
/// Carrying out the measure over the API: sessions planned at confirmation, attendance credited once whatever the retries,
/// repeated unexcused absences opening an incident, an incident suspending the work and the officer resuming it, hours
/// without a session for the SPIP only, and the actions on a measure whose deadline has passed. The clock reads Saturday
/// 28 November 2026; the scenario's person is free on Saturdays 08:00–17:00, the post open Monday to Saturday 08:00–18:00.
/// </summary>
[Collection(ApiCollection.Name)]
public class CarryingOutTests(PlacementApp app)
{
    private async Task<(string Placement, string Person, HttpClient Officer, HttpClient Partner)> ConfirmedPlacement(double hours)
    {
        var (placement, person) = await Scenarios.ConfirmedPlacement(app, hours);
        return (placement, person, await app.ClientFor(PlacementApp.Officer69), await app.ClientFor(PlacementApp.Partner));
    }

    private static async Task<string> AddToday(HttpClient client, string placement, string start, string end)
    {
        var response = await client.PostAsJsonAsync($"/api/placements/{placement}/sessions", new { date = "2026-11-28", start, end });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    private static IEnumerable<JsonElement> Sessions(JsonElement plan) => plan.GetProperty("sessions").EnumerateArray();

    [SkippableFact]
    public async Task Confirming_PlansSaturdaySessionsFromTomorrow_UntilTheHoursAreCovered()
    {
        var (placement, _, officer, partner) = await ConfirmedPlacement(hours: 20);
        var plan = await (await partner.GetAsync($"/api/placements/{placement}/sessions")).Json();
        var planned = Sessions(plan).Select(s => (s.GetProperty("date").GetString(), s.GetProperty("start").GetString(), s.GetProperty("end").GetString())).ToList();
        // 9 h + 9 h + 2 h on the Saturdays after today, within the availability (08:00–17:00), the post's cap (20 h a week).
        Assert.Equal([("2026-12-05", "08:00", "17:00"), ("2026-12-12", "08:00", "17:00"), ("2026-12-19", "08:00", "10:00")], planned);
        Assert.Equal((20.0, 0.0), (plan.GetProperty("hoursPlanned").GetDouble(), plan.GetProperty("shortfall").GetDouble()));
        Assert.Equal("Karim", plan.GetProperty("personFirstName").GetString());
        Assert.Equal("B.", plan.GetProperty("personInitial").GetString());
        Assert.DoesNotContain("Benali", (await (await partner.GetAsync($"/api/placements/{placement}/sessions")).Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/placements/{placement}/sessions")).StatusCode);
    }

    [SkippableFact]
    public async Task Attendance_CreditsTimeWorkedLessBreaks_OnceWhateverTheRetries_AndACorrectionReplacesIt()
    {
        var (placement, person, officer, partner) = await ConfirmedPlacement(hours: 20);
        var session = await AddToday(partner, placement, "09:00", "13:00");
        var present = new { outcome = "present", arrival = "09:05", departure = "13:00", breakMinutes = 15, comment = "Bon travail" };
        var first = await partner.PostAsJsonAsync($"/api/sessions/{session}/attendance", present);
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        Assert.Equal(3.6667, (await first.Json()).GetProperty("attendance").GetProperty("hoursCredited").GetDouble(), 3);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsJsonAsync($"/api/sessions/{session}/attendance", present)).StatusCode); // a retry

        var after = await (await officer.GetAsync($"/api/placements/{placement}")).Json();
        // 16.33 h left: the last session (2 h on 19 December) is no longer needed, the two of 9 h cover them.
        Assert.Equal(18, (await (await partner.GetAsync($"/api/placements/{placement}/sessions")).Json()).GetProperty("hoursPlanned").GetDouble());
        Assert.Equal(("in-progress", 3.6667), (after.GetProperty("status").GetString(), Math.Round(after.GetProperty("hoursLogged").GetDouble(), 4)));
        Assert.Equal(20 - 3.6667, (await (await officer.GetAsync($"/api/persons/{person}")).Json()).GetProperty("hoursRemaining").GetDouble(), 3);

        var corrected = new { outcome = "left-early", arrival = "09:05", departure = "12:00", breakMinutes = 15 };
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsJsonAsync($"/api/sessions/{session}/attendance", corrected)).StatusCode);
        Assert.Equal(20 - 2.6667, (await (await officer.GetAsync($"/api/persons/{person}")).Json()).GetProperty("hoursRemaining").GetDouble(), 3);
        var plan = await (await partner.GetAsync($"/api/placements/{placement}/sessions")).Json();
        Assert.Equal(0, plan.GetProperty("shortfall").GetDouble());
        Assert.Equal(18, plan.GetProperty("hoursPlanned").GetDouble());
        Assert.Equal("cancelled", Sessions(plan).Single(s => s.GetProperty("date").GetString() == "2026-12-19").GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Attendance_BadReports_NameTheirField_AndAComingSessionIsNotRecorded()
    {
        var (placement, _, _, partner) = await ConfirmedPlacement(hours: 20);
        var today = await AddToday(partner, placement, "14:00", "16:00");
        Assert.Equal(["outcome"], await (await partner.PostAsJsonAsync($"/api/sessions/{today}/attendance", new { outcome = "asleep" })).ErrorFields());
        Assert.Equal(["arrival"], await (await partner.PostAsJsonAsync($"/api/sessions/{today}/attendance", new { outcome = "present", departure = "16:00" })).ErrorFields());
        Assert.Equal(["breakMinutes"], await (await partner.PostAsJsonAsync($"/api/sessions/{today}/attendance",
            new { outcome = "present", arrival = "14:00", departure = "15:00", breakMinutes = 60 })).ErrorFields());
        Assert.Equal(["reason"], await (await partner.PostAsJsonAsync($"/api/sessions/{today}/attendance", new { outcome = "excused-absence" })).ErrorFields());
        var coming = Sessions(await (await partner.GetAsync($"/api/placements/{placement}/sessions")).Json()).First(s => s.GetProperty("date").GetString() == "2026-12-05");
        Assert.Equal(["outcome"], await (await partner.PostAsJsonAsync($"/api/sessions/{coming.GetProperty("id").GetString()}/attendance",
            new { outcome = "unexcused-absence" })).ErrorFields());
    }

    [SkippableFact]
    public async Task TwoUnexcusedAbsences_OpenAnIncidentByThemselves_ForTheReferentOfficer()
    {
        var (placement, _, officer, partner) = await ConfirmedPlacement(hours: 20);
        foreach (var (start, end) in new[] { ("14:00", "15:00"), ("15:00", "16:00") })
        {
            var session = await AddToday(partner, placement, start, end);
            Assert.Equal(HttpStatusCode.OK, (await partner.PostAsJsonAsync($"/api/sessions/{session}/attendance", new { outcome = "unexcused-absence" })).StatusCode);
        }
        var open = (await (await officer.GetAsync("/api/incidents?status=open")).Json()).EnumerateArray()
            .Where(i => i.GetProperty("placementId").GetString() == placement).ToList();
        var incident = Assert.Single(open);
        Assert.True(incident.GetProperty("automatic").GetBoolean());
        Assert.Equal("absence", incident.GetProperty("kind").GetString());
        Assert.Contains("2 absences injustifiées", incident.GetProperty("description").GetString());
        // The host did not write it: it does not see it.
        Assert.DoesNotContain((await (await partner.GetAsync("/api/incidents")).Json()).EnumerateArray(), i => i.GetProperty("placementId").GetString() == placement);
    }

    [SkippableFact]
    public async Task AnIncidentWithSuspension_CancelsTheComingSessions_AndTheOfficersResumptionPlansThemAgain()
    {
        var (placement, _, officer, partner) = await ConfirmedPlacement(hours: 20);
        var reported = await partner.PostAsJsonAsync($"/api/placements/{placement}/incidents",
            new { kind = "behaviour", description = "Insultes envers un agent.", suspend = true });
        Assert.True(reported.StatusCode == HttpStatusCode.Created, await reported.Content.ReadAsStringAsync());
        var incident = (await reported.Json()).GetProperty("id").GetString();
        // A retry of the same report is the same incident.
        var again = await (await partner.PostAsJsonAsync($"/api/placements/{placement}/incidents",
            new { kind = "behaviour", description = "Insultes envers un agent.", suspend = true })).Json();
        Assert.Equal(incident, again.GetProperty("id").GetString());

        var plan = await (await partner.GetAsync($"/api/placements/{placement}/sessions")).Json();
        Assert.Equal("suspended", plan.GetProperty("status").GetString());
        Assert.All(Sessions(plan), s => Assert.Equal("cancelled", s.GetProperty("status").GetString()));
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            Assert.Equal(1, await store.NotificationEvents.CountAsync(e => e.PlacementId == Guid.Parse(placement) && e.Kind == NotificationKind.IncidentReported));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/incidents/{incident}/decision", new { action = "note", followUp = "resume" })).StatusCode);
        Assert.Equal(["action"], await (await officer.PostAsJsonAsync($"/api/incidents/{incident}/decision", new { action = "scold", followUp = "resume" })).ErrorFields());
        var decided = await officer.PostAsJsonAsync($"/api/incidents/{incident}/decision", new { action = "reminder", followUp = "resume", comment = "Rappel fait par téléphone." });
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        Assert.Equal("closed", (await decided.Json()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/incidents/{incident}/decision", new { action = "note", followUp = "resume" })).StatusCode);

        plan = await (await partner.GetAsync($"/api/placements/{placement}/sessions")).Json();
        Assert.Equal("in-progress", plan.GetProperty("status").GetString());
        Assert.Equal(20, Sessions(plan).Where(s => s.GetProperty("status").GetString() == "planned").Sum(s => s.GetProperty("plannedHours").GetDouble()));
    }

    [SkippableFact]
    public async Task AnAccident_IsDeclaredWithWhatItsDeclarationNeeds()
    {
        var (placement, _, officer, partner) = await ConfirmedPlacement(hours: 20);
        Assert.Equal(["accident"], await (await partner.PostAsJsonAsync($"/api/placements/{placement}/incidents",
            new { kind = "accident", description = "Coupure à la main." })).ErrorFields());
        Assert.Equal(["accident.place"], await (await partner.PostAsJsonAsync($"/api/placements/{placement}/incidents",
            new { kind = "accident", description = "Coupure à la main.", accident = new { occurredAt = "2026-11-28T08:30:00Z", circumstances = "Taille de haie" } })).ErrorFields());
        var ok = await partner.PostAsJsonAsync($"/api/placements/{placement}/incidents", new
        {
            kind = "accident", description = "Coupure à la main.",
            accident = new { occurredAt = "2026-11-28T08:30:00Z", place = "Parc municipal", circumstances = "Taille de haie au sécateur", witnesses = "M. Durand" },
        });
        Assert.True(ok.StatusCode == HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
        var seen = (await (await officer.GetAsync("/api/incidents?status=open")).Json()).EnumerateArray().Single(i => i.GetProperty("placementId").GetString() == placement);
        Assert.Equal("Parc municipal", seen.GetProperty("accident").GetProperty("place").GetString());
    }

    [SkippableFact]
    public async Task HoursWithoutASession_AreTheSpipsOnly_WithAReason()
    {
        var (placement, _, officer, partner) = await ConfirmedPlacement(hours: 20);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/placements/{placement}/hours", new { date = "2026-11-21", hours = 4 })).StatusCode);
        Assert.Equal(["note"], await (await officer.PostAsJsonAsync($"/api/placements/{placement}/hours", new { date = "2026-11-21", hours = 4 })).ErrorFields());
        var logged = await officer.PostAsJsonAsync($"/api/placements/{placement}/hours", new { date = "2026-11-21", hours = 4, note = "Feuille papier reçue" });
        Assert.True(logged.StatusCode == HttpStatusCode.OK, await logged.Content.ReadAsStringAsync());
        Assert.Equal(4, (await logged.Json()).GetProperty("hoursLogged").GetDouble());
    }

    [SkippableFact]
    public async Task ADeadlinePassedWithHoursLeft_IsListedFirst_AndTheOfficerRecordsWhatFollows()
    {
        var postId = await Scenarios.PartnerPost(app, capacity: 3);
        static void Past(Dictionary<string, object?> p)
        {
            p["sentenceDate"] = "2025-05-15";
            p["deadline"] = "2026-11-15";
            p["lastName"] = "Aaaretard";
        }
        var late = await Scenarios.Person(app, postId, hours: 60, edit: Past);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var caseload = await (await officer.GetAsync("/api/persons/caseload?filter=deadline-passed&pageSize=100")).Json();
        var item = caseload.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == late);
        Assert.Equal("deadline-passed", item.GetProperty("situation").GetString());
        Assert.Equal("échéance dépassée depuis 13 jours (15/11/2026) avec 60 h restantes", Assert.Single(item.GetProperty("risks").EnumerateArray()).GetString());

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/persons/{late}/measure-actions", new { kind = "non-execution-reported" })).StatusCode);
        Assert.Equal(["from"], await (await officer.PostAsJsonAsync($"/api/persons/{late}/measure-actions",
            new { kind = "suspension", ground = "detention", from = "2026-11-20", to = "2026-11-27" })).ErrorFields());
        Assert.Equal(["ground"], await (await officer.PostAsJsonAsync($"/api/persons/{late}/measure-actions",
            new { kind = "suspension", from = "2026-10-01", to = "2026-10-31" })).ErrorFields());
        var suspended = await officer.PostAsJsonAsync($"/api/persons/{late}/measure-actions",
            new { kind = "suspension", ground = "detention", from = "2026-10-01", to = "2026-10-31", comment = "Détention provisoire" });
        Assert.True(suspended.StatusCode == HttpStatusCode.OK, await suspended.Content.ReadAsStringAsync());
        var person = await (await officer.GetAsync($"/api/persons/{late}")).Json();
        Assert.Equal("2026-12-16", person.GetProperty("effectiveDeadline").GetString()); // 15 November + 31 days
        Assert.Equal(2, (await (await officer.GetAsync($"/api/persons/{late}/measure-actions")).Json()).GetArrayLength());

        var other = await Scenarios.Person(app, postId, hours: 60, edit: Past);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/persons/{other}/measure-actions", new { kind = "ended-not-carried-out" })).StatusCode);
        var ended = (await (await officer.GetAsync("/api/persons/caseload?filter=not-carried-out&pageSize=100")).Json()).GetProperty("items").EnumerateArray();
        Assert.Contains(ended, i => i.GetProperty("id").GetString() == other);
        var placing = await officer.PostAsJsonAsync("/api/placements", new { personId = other, postId });
        Assert.Equal(HttpStatusCode.Conflict, placing.StatusCode);
    }
}
