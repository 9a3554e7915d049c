using System.Net;
using System.Text.Json;

namespace Placement.Web.Tests;

/// <summary>
/// « Today » is the day in Paris (issue 24): between midnight and 1 a.m. in winter (2 a.m. in summer) the UTC date is
/// still yesterday's, and the service must not follow it. Each test has its own service, started at 23:45 in Paris (its
/// clock only goes forward, and the sign-in tokens last an hour).
/// </summary>
public sealed class ParisDayTests
{
    /// <summary>Midnight in Paris between 28 and 29 November 2026 (winter, UTC+1): 23:00 on the 28th in UTC.</summary>
    private static readonly DateTimeOffset MidnightInParis = new(2026, 11, 28, 23, 0, 0, TimeSpan.Zero);

    private static PlacementApp AppAtQuarterToMidnight()
    {
        var app = new PlacementApp();
        app.Clock.SetUtcNow(MidnightInParis.AddMinutes(-15));
        return app;
    }

    [SkippableFact]
    public async Task HoursDatedTodayInParis_AreAccepted_AtHalfPastMidnight()
    {
        using var app = AppAtQuarterToMidnight();
        var post = await Scenarios.PartnerPost(app, capacity: 1);
        var person = await Scenarios.Person(app, post, hours: 20);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var partner = await app.ClientFor(PlacementApp.Partner);
        var id = (await (await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post })).Json()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/placements/{id}/confirm", null)).StatusCode);

        app.Clock.SetUtcNow(MidnightInParis.AddMinutes(30)); // 00:30 on the 29th in Paris, still the 28th in UTC
        var logged = await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{id}/hours", new { note = "Feuille d'heures papier", date = "2026-11-29", hours = 3 });
        Assert.True(logged.StatusCode == HttpStatusCode.OK, await logged.Content.ReadAsStringAsync());
        Assert.Equal(3, (await logged.Json()).GetProperty("hoursLogged").GetDouble());
        Assert.Equal(["date"], await (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{id}/hours", new { note = "Feuille d'heures papier", date = "2026-11-30", hours = 3 })).ErrorFields());
    }

    [SkippableFact]
    public async Task APersonTurningEighteen_IsAnAdultForSuitablePosts_FromMidnightInParis()
    {
        using var app = AppAtQuarterToMidnight();
        var post = await Scenarios.PartnerPost(app, capacity: 1); // not open to minors
        var person = await Scenarios.Person(app, post, birthDate: "2008-11-29");
        var officer = await app.ClientFor(PlacementApp.Officer69);
        await app.SearchReady();

        var eve = await SuitablePosts(officer, person); // 23:45 in Paris, the eve of the birthday: a minor
        Assert.DoesNotContain(post, Ids(eve));
        Assert.True(eve.GetProperty("excludedByRule").GetProperty("minors").GetInt32() >= 1);

        app.Clock.SetUtcNow(MidnightInParis.AddMinutes(30)); // 00:30 in Paris: 18 years old, though still the 28th in UTC
        Assert.Contains(post, Ids(await SuitablePosts(officer, person)));
    }

    private static async Task<JsonElement> SuitablePosts(HttpClient officer, string person) =>
        await (await officer.GetAsync($"/api/persons/{person}/suitable-posts?limit=200")).Json();

    private static IEnumerable<string> Ids(JsonElement answer) =>
        answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("post").GetProperty("id").GetString()!);
}
