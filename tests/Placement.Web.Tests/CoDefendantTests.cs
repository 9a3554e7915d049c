using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Assignment;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Web.Tests;

/// <summary>
/// Rule 13 on every way into a placement: two persons who must not meet (listed in either one's
/// no-contact list) are never placed with the same host body — whatever their départements.
/// </summary>
[Collection(ApiCollection.Name)]
public class CoDefendantTests(PlacementApp app)
{
    /// <summary>A published post of the partner's host body, and a person of the Rhône placed on it.</summary>
    private async Task<(string Post, string Placed)> APlacedPerson()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 4);
        var placed = await Scenarios.Person(app, post);
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
        var listed = await Scenarios.Person(app, post);
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

    /// <summary>The reproduction: A's list is completed after creation (the usual case), then A is placed.</summary>
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
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/placements", new { personId = a, postId = post })).StatusCode);
        await app.SearchReady();

        Assert.DoesNotContain(post, await SuitablePostIds(officer, b));
        var refused = await officer.PostAsJsonAsync("/api/placements", new { personId = b, postId = post });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(["coDefendant"], (await refused.Json()).GetProperty("rules").EnumerateArray().Select(r => r.GetString()!).ToArray());
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<IMatchingStore>().Placements.AnyAsync(p => p.PersonId == Guid.Parse(b)));
    }
}
