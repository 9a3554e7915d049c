using System.Net;
using System.Text.Json;

namespace Placement.Web.Tests;

/// <summary>The caseload and the person's file: what the officer's pages show, through the API that shares their use cases.</summary>
[Collection(ApiCollection.Name)]
public class CaseloadTests(PlacementApp app)
{
    [SkippableFact]
    public async Task TheCaseload_HoldsMyPersonsOnly_DeadlinesPassedFirst_ThenAtRisk_ThenByDeadline()
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var page = await (await officer.GetAsync("/api/persons/caseload?pageSize=100")).Json();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count > 50);
        Assert.All(items, i => Assert.Equal("69", i.GetProperty("departement").GetString()));
        var open = items.Where(i => i.GetProperty("situation").GetString() != "completed").ToList();
        var atRisk = open.Select(i => i.GetProperty("risks").GetArrayLength() > 0).ToList();
        Assert.Equal(atRisk.OrderByDescending(x => x), atRisk);
        var calm = open.Where(i => i.GetProperty("risks").GetArrayLength() == 0).Select(i => i.GetProperty("effectiveDeadline").GetString()!).ToList();
        Assert.Equal(calm.Order(StringComparer.Ordinal), calm);
        var counts = page.GetProperty("counts");
        Assert.Equal(page.GetProperty("total").GetInt32(),
            new[] { "deadline-passed", "awaiting", "proposed", "in-progress", "completed", "not-carried-out" }.Sum(s => counts.GetProperty(s).GetInt32()));
        // « Échéance dépassée » comes first of all.
        var passed = items.Select(i => i.GetProperty("situation").GetString() == "deadline-passed").ToList();
        Assert.Equal(passed.OrderByDescending(x => x), passed);
    }

    [SkippableFact]
    public async Task AtRisk_IsComputedLive_WithTheDeadlineWatchsRule()
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var page = await (await officer.GetAsync("/api/persons/caseload?filter=at-risk&pageSize=100")).Json();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(i.GetProperty("risks").GetArrayLength() > 0));
        var file = await (await officer.GetAsync($"/api/persons/{items[0].GetProperty("id").GetString()}/file")).Json();
        Assert.Equal(items[0].GetProperty("risks").EnumerateArray().Select(r => r.GetString()), file.GetProperty("risks").EnumerateArray().Select(r => r.GetString()));
    }

    [SkippableFact]
    public async Task SearchingByName_IgnoresCaseAndAccents()
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var first = (await (await officer.GetAsync("/api/persons/caseload?pageSize=1")).Json()).GetProperty("items")[0];
        var last = first.GetProperty("lastName").GetString()!;
        var found = await (await officer.GetAsync($"/api/persons/caseload?q={Uri.EscapeDataString(last.ToLowerInvariant())}")).Json();
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == first.GetProperty("id").GetString());
    }

    [SkippableFact]
    public async Task AnUnknownFilter_NamesTheField() =>
        Assert.Equal(["filter"], await (await (await app.ClientFor(PlacementApp.Officer69)).GetAsync("/api/persons/caseload?filter=tous")).ErrorFields());

    [SkippableFact]
    public async Task ThePersonsFile_ListsTheirPlacements_AndIsOutOfScopeForAnotherSpip()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 1);
        var person = await Scenarios.Person(app, post);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post })).StatusCode);
        var file = await (await officer.GetAsync($"/api/persons/{person}/file")).Json();
        var placement = Assert.Single(file.GetProperty("placements").EnumerateArray());
        Assert.Equal("proposed", placement.GetProperty("status").GetString());
        Assert.Equal(post, placement.GetProperty("postId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor(PlacementApp.Officer38)).GetAsync($"/api/persons/{person}/file")).StatusCode);
    }
}
