using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Web.Tests;

/// <summary>
/// One scope rule per resource: what a caller's list shows is exactly what they may open, and what the list
/// leaves out (someone else's) they cannot open either.
/// </summary>
[Collection(ApiCollection.Name)]
public class ListGetAgreementTests(PlacementApp app)
{
    private static IEnumerable<string> Ids(JsonElement body) =>
        (body.ValueKind == JsonValueKind.Array ? body : body.GetProperty("items")).EnumerateArray().Select(i => i.GetProperty("id").GetString()!);

    /// <summary>Every listed id opens (200); every id of <paramref name="others"/> missing from the list does not.</summary>
    private async Task Agree(string caller, string list, string resource, IEnumerable<string> others, params HttpStatusCode[] refused)
    {
        var client = await app.ClientFor(caller);
        var listed = Ids(await (await client.GetAsync(list)).Json()).ToHashSet();
        Assert.NotEmpty(listed);
        foreach (var id in listed.Take(25))
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{resource}/{id}")).StatusCode);
        var hidden = others.Where(o => !listed.Contains(o)).Take(10).ToList();
        Assert.NotEmpty(hidden);
        foreach (var id in hidden)
            Assert.Contains((await client.GetAsync($"{resource}/{id}")).StatusCode, refused);
    }

    private async Task<List<string>> All(string caller, string list) =>
        [.. Ids(await (await (await app.ClientFor(caller)).GetAsync(list)).Json())];

    [SkippableTheory]
    [InlineData(PlacementApp.Officer69)]
    [InlineData(PlacementApp.Officer38)]
    public async Task Persons_AnOfficerOpensWhatTheyList_AndNothingElse(string officer)
    {
        var everyone = (await All(PlacementApp.Officer69, "/api/persons?pageSize=100")).Concat(await All(PlacementApp.Officer38, "/api/persons?pageSize=100"));
        await Agree(officer, "/api/persons?pageSize=100", "/api/persons", everyone, HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task HostBodiesAndPosts_APartnerOpensWhatItLists_AndNoOtherOnes()
    {
        var hostBodies = await All(PlacementApp.Admin, "/api/host-bodies?pageSize=50&departement=69");
        await Agree(PlacementApp.Partner, "/api/host-bodies", "/api/host-bodies", hostBodies, HttpStatusCode.Forbidden);
        await Scenarios.PartnerPost(app, capacity: 1);
        var posts = await All(PlacementApp.Admin, "/api/posts?pageSize=50&departement=69");
        await Agree(PlacementApp.Partner, "/api/posts?pageSize=100", "/api/posts", posts, HttpStatusCode.Forbidden);
    }

    [SkippableFact]
    public async Task Placements_OfficersAndPartnersOpenWhatTheyList_AndNothingElse()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 2);
        var person = await Scenarios.Person(app, post);
        Assert.Equal(HttpStatusCode.Created, (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync("/api/placements", new { personId = person, postId = post })).StatusCode);
        var all = await All(PlacementApp.Coordinator, "/api/placements");
        await Agree(PlacementApp.Officer69, "/api/placements", "/api/placements", all, HttpStatusCode.NotFound);
        await Agree(PlacementApp.Officer38, "/api/placements", "/api/placements", all, HttpStatusCode.NotFound);
        await Agree(PlacementApp.Partner, "/api/placements", "/api/placements", all, HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task RunsAndSchedules_ACoordinatorOpensThoseWhollyInTheirDepartements_AndListsNoOther()
    {
        var now = app.Clock.GetUtcNow();
        var inside = new AssignmentRun(Guid.NewGuid(), ["69", "38"], null, new DateOnly(2026, 11, 28), 10, false, "test", null, now);
        var straddling = new AssignmentRun(Guid.NewGuid(), ["69", "75"], null, new DateOnly(2026, 11, 28), 10, false, "test", null, now);
        var outside = new AssignmentRun(Guid.NewGuid(), ["75"], null, new DateOnly(2026, 11, 28), 10, false, "test", null, now);
        var schedules = new[] { new[] { "69" }, ["69", "75"], ["13"] }.Select(d => new AssignmentSchedule(Guid.NewGuid(), d, "0 7 * * 1", 30, true, "test", now)).ToList();
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            store.AssignmentRuns.AddRange(inside, straddling, outside);
            store.Schedules.AddRange(schedules);
            await store.SaveChangesAsync();
        }
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var runs = Ids(await (await coordinator.GetAsync("/api/assignment-runs")).Json()).ToHashSet();
        Assert.Contains(inside.Id.ToString(), runs);
        Assert.DoesNotContain(straddling.Id.ToString(), runs);
        Assert.DoesNotContain(outside.Id.ToString(), runs);
        await Agree(PlacementApp.Coordinator, "/api/assignment-runs", "/api/assignment-runs", [straddling.Id.ToString(), outside.Id.ToString()], HttpStatusCode.NotFound);

        var listed = Ids(await (await coordinator.GetAsync("/api/assignment-schedules")).Json()).ToHashSet();
        Assert.Equal([true, false, false], schedules.Select(s => listed.Contains(s.Id.ToString())));
        // Schedules have no get: deleting is the action that must agree with the list.
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.DeleteAsync($"/api/assignment-schedules/{schedules[1].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/assignment-schedules/{schedules[0].Id}")).StatusCode);
    }
}
