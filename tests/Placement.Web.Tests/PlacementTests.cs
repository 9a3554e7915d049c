using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Placement.Matching.Persistence;
using Placement.Matching.Features.DeadlineWatch;
using Placement.Matching.Features.Placements;

namespace Placement.Web.Tests;

/// <summary>Placements: capacity under concurrency, the lifecycle and its illegal moves, hours, what partners see, the deadline watch.</summary>
[Collection(ApiCollection.Name)]
public class PlacementTests(PlacementApp app)
{
    private Task<string> PartnerPost(int capacity) => Scenarios.PartnerPost(app, capacity);

    private Task<string> Person(string postId, double hours = 40) => Scenarios.Person(app, postId, hours);

    /// <summary>One placement attempt in a scope of its own, as a concurrent request would make it.</summary>
    private async Task<bool> TryPlace(Guid personId, Guid postId)
    {
        using var scope = app.Services.CreateScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<PlacementWorkflow>().PlaceAsync(personId, postId, "test", null, CancellationToken.None);
            return true;
        }
        catch (PlacementConflictException)
        {
            return false;
        }
    }

    [SkippableFact]
    public async Task ManyParallelAccepts_OnAPostWithOneFreePlace_MakeExactlyOnePlacement()
    {
        var postId = Guid.Parse(await PartnerPost(capacity: 1));
        var persons = new List<Guid>();
        for (var i = 0; i < 12; i++) persons.Add(Guid.Parse(await Person(postId.ToString())));

        var outcomes = await Task.WhenAll(persons.Select(personId => TryPlace(personId, postId)));
        Assert.Equal(1, outcomes.Count(x => x));
        using var check = app.Services.CreateScope();
        var store = check.ServiceProvider.GetRequiredService<IMatchingStore>();
        Assert.Equal(1, await store.Placements.CountAsync(p => p.PostId == postId));
    }

    [SkippableFact]
    public async Task APerson_NeverHoldsTwoActivePlacements()
    {
        var first = Guid.Parse(await PartnerPost(capacity: 2));
        var second = Guid.Parse(await PartnerPost(capacity: 2));
        var person = Guid.Parse(await Person(first.ToString()));
        var outcomes = await Task.WhenAll(new[] { first, second, first, second }.Select(post => TryPlace(person, post)));
        Assert.Equal(1, outcomes.Count(x => x));
    }

    [SkippableFact]
    public async Task ThePlacementLifecycle_OverTheApi_WithHoursUntilCompletion()
    {
        var postId = await PartnerPost(capacity: 2);
        var personId = await Person(postId, hours: 20);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var partner = await app.ClientFor(PlacementApp.Partner);

        var created = await officer.PostAsJsonAsync("/api/placements", new { personId, postId });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Json()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync("/api/placements", new { personId, postId })).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{id}/hours", new { note = "Feuille d'heures papier", date = "2026-11-21", hours = 4 })).StatusCode);
        Assert.Equal("confirmed", (await (await partner.PostAsync($"/api/placements/{id}/confirm", null)).Json()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await partner.PostAsync($"/api/placements/{id}/confirm", null)).StatusCode);
        // The host records attendance on its sessions; hours without a session are the SPIP's, with their reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/placements/{id}/hours", new { date = "2026-11-21", hours = 4, note = "x" })).StatusCode);
        Assert.Equal(["note"], await (await officer.PostAsJsonAsync($"/api/placements/{id}/hours", new { date = "2026-11-21", hours = 4 })).ErrorFields());
        Assert.Equal(["date"], await (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{id}/hours", new { note = "Feuille d'heures papier", date = "2026-12-25", hours = 4 })).ErrorFields());
        Assert.Equal(["hours"], await (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{id}/hours", new { note = "Feuille d'heures papier", date = "2026-11-21", hours = 12 })).ErrorFields());

        var progress = await (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{id}/hours", new { date = "2026-11-21", hours = 8, note = "Très bien" })).Json();
        Assert.Equal(("in-progress", 8.0), (progress.GetProperty("status").GetString(), progress.GetProperty("hoursLogged").GetDouble()));
        Assert.Equal(12, (await (await officer.GetAsync($"/api/persons/{personId}")).Json()).GetProperty("hoursRemaining").GetDouble());
        await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{id}/hours", new { note = "Feuille d'heures papier", date = "2026-11-22", hours = 8 });
        var done = await (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{id}/hours", new { note = "Feuille d'heures papier", date = "2026-11-23", hours = 4 })).Json();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(0, (await (await officer.GetAsync($"/api/persons/{personId}")).Json()).GetProperty("hoursRemaining").GetDouble());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/placements/{id}/cancel", new { reason = "trop tard" })).StatusCode);
    }

    [SkippableFact]
    public async Task ThePartnerDeclines_TheOfficerCancels_AndOthersCannot()
    {
        var postId = await PartnerPost(capacity: 2);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var partner = await app.ClientFor(PlacementApp.Partner);
        var declined = (await (await officer.PostAsJsonAsync("/api/placements", new { personId = await Person(postId), postId })).Json()).GetProperty("id").GetString();
        Assert.Equal(["reason"], await (await partner.PostAsJsonAsync($"/api/placements/{declined}/decline", new { reason = "" })).ErrorFields());
        var d = await (await partner.PostAsJsonAsync($"/api/placements/{declined}/decline", new { reason = "Pas de tuteur en décembre" })).Json();
        Assert.Equal(("declined", "Pas de tuteur en décembre"), (d.GetProperty("status").GetString(), d.GetProperty("reason").GetString()));

        var cancelled = (await (await officer.PostAsJsonAsync("/api/placements", new { personId = await Person(postId), postId })).Json()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/placements/{cancelled}/cancel", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor(PlacementApp.Officer38)).PostAsJsonAsync($"/api/placements/{cancelled}/cancel", new { reason = "x" })).StatusCode);
        Assert.Equal("cancelled", (await (await officer.PostAsJsonAsync($"/api/placements/{cancelled}/cancel", new { reason = "Déménagement" })).Json()).GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Partners_SeeTheirPlacements_WithoutJudicialData()
    {
        var postId = await PartnerPost(capacity: 1);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        await officer.PostAsJsonAsync("/api/placements", new { personId = await Person(postId), postId });
        var seen = await (await (await app.ClientFor(PlacementApp.Partner)).GetAsync("/api/placements")).Json();
        var mine = seen.EnumerateArray().Single(p => p.GetProperty("postId").GetString() == postId);
        Assert.Equal("Karim", mine.GetProperty("personFirstName").GetString());
        Assert.Equal("B.", mine.GetProperty("personInitial").GetString());
        Assert.Equal("cpip69@demo.placement", mine.GetProperty("officer").GetProperty("email").GetString());
        Assert.Equal(1, mine.GetProperty("personAvailability").GetArrayLength());
        var fields = mine.EnumerateObject().Select(p => p.Name).ToList();
        foreach (var judicial in new[] { "lastName", "birthDate", "restrictions", "hoursOrdered", "deadline", "sentenceDate", "home", "personId" })
            Assert.DoesNotContain(judicial, fields);
    }

    [SkippableFact]
    public async Task TheDeadlineWatch_FlagsPersonsAtRisk_ForTheirOfficers()
    {
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            // Fourteen months later, many persons are close to their deadline without a confirmed placement.
            var later = ParisCalendar.At(new DateTimeOffset(2028, 2, 1, 6, 0, 0, TimeSpan.Zero));
            Assert.True(await new DeadlineWatch(store, later) { WarningWeeks = 12 }.RunAsync() > 20);
        }
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var flagged = await (await officer.GetAsync("/api/persons/at-risk")).Json();
        Assert.True(flagged.GetArrayLength() > 5);
        Assert.All(flagged.EnumerateArray(), p => Assert.Equal("69", p.GetProperty("departement").GetString()));
        var reasons = flagged.EnumerateArray().SelectMany(p => p.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)).ToList();
        Assert.Contains(reasons, r => r.Contains("aucun placement confirmé", StringComparison.Ordinal) || r.Contains("échéance dépassée", StringComparison.Ordinal));
        var deadlines = flagged.EnumerateArray().Select(p => p.GetProperty("effectiveDeadline").GetString()).ToList();
        Assert.Equal(deadlines.Order(StringComparer.Ordinal), deadlines);

        using (var scope = app.Services.CreateScope())
        {
            // Today (the fixture's clock, 2026-11-28) fewer are at risk: the list is replaced, not appended.
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            var today = await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunAsync();
            Assert.Equal(today, await store.AtRisk.CountAsync());
            Assert.True(today < flagged.GetArrayLength() * 12);
        }
    }

    [SkippableFact]
    public async Task TheDeadlineWatch_FlagsAPaceTooSlowForTheRemainingHours()
    {
        var postId = await PartnerPost(capacity: 1);
        var personId = await Person(postId, hours: 200);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var partner = await app.ClientFor(PlacementApp.Partner);
        var id = (await (await officer.PostAsJsonAsync("/api/placements", new { personId, postId })).Json()).GetProperty("id").GetString();
        await partner.PostAsync($"/api/placements/{id}/confirm", null);
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        // Saturday 08:00–17:00 is 9 h a week; 200 h need 23 weeks: a year and a half before the deadline it is too slow.
        await new DeadlineWatch(store, ParisCalendar.At(new DateTimeOffset(2027, 12, 1, 6, 0, 0, TimeSpan.Zero))).RunAsync();
        var flag = await store.AtRisk.SingleAsync(a => a.PersonId == Guid.Parse(personId));
        Assert.Contains(flag.Reasons, r => r.Contains("rythme insuffisant", StringComparison.Ordinal));
    }
}

/// <summary>Hours carry who signed them (the post's tutor unless another is named) and which account entered them.</summary>
[Collection(ApiCollection.Name)]
public class HoursSignatureTests(PlacementApp app)
{
    [SkippableFact]
    public async Task LoggedHours_RecordTheTutor_AndTheAccountThatEnteredThem()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 1);
        var person = await Scenarios.Person(app, post, hours: 20);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var partner = await app.ClientFor(PlacementApp.Partner);
        var id = (await (await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post })).Json()).GetProperty("id").GetString();
        await partner.PostAsync($"/api/placements/{id}/confirm", null);

        var named = await (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{id}/hours", new { note = "Feuille d'heures papier", date = "2026-11-21", hours = 3, tutor = "Mme Claire Tutrice" })).Json();
        var byDefault = await (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{id}/hours", new { note = "Feuille d'heures papier", date = "2026-11-22", hours = 2 })).Json();

        var first = named.GetProperty("hours")[0];
        Assert.Equal("Mme Claire Tutrice", first.GetProperty("tutor").GetString());
        Assert.Equal(PlacementApp.Officer69, first.GetProperty("enteredBy").GetString());
        var postTutor = (await (await partner.GetAsync($"/api/posts/{post}")).Json()).GetProperty("tutor").GetProperty("name").GetString();
        Assert.Equal(postTutor, byDefault.GetProperty("hours")[1].GetProperty("tutor").GetString());
    }

    /// <summary>Found by the model-based test (seed 21781576): rule 15 answered 400 on « hoursTarget », a field the request does not have.</summary>
    [SkippableFact]
    public async Task PlacingAPersonWhoseHoursAreAllDone_Is409NothingLeftToDo_AndWritesNothing()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 2);
        var person = await Scenarios.Person(app, post, hours: 20);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var placement = (await (await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post })).Json()).GetProperty("id").GetString();
        var partner = await app.ClientFor(PlacementApp.Partner);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/placements/{placement}/confirm", null)).StatusCode);
        var today = app.Services.GetRequiredService<Placement.Kernel.ServiceCalendar>().Today;
        foreach (var day in new[] { today.AddDays(-1), today }) // at most 10 h a day
            Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{placement}/hours", new { note = "Feuille d'heures papier", date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), hours = 10 })).StatusCode);

        var again = await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("toutes ses heures", (await again.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
