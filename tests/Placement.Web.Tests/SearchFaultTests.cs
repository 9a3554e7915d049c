using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Placement.Web.Tests;

/// <summary>
/// Search never passes off a missing index as « nothing matches »: while the index is being filled at start,
/// and while the engine is unreachable or catching up, searches answer 503 in French and readiness says not
/// ready; writes keep working; the index catches up on its own when the engine returns.
/// </summary>
public sealed class SearchFaultTests
{
    private static async Task<string> APerson(HttpClient officer) =>
        (await (await officer.GetAsync("/api/persons?pageSize=1")).Json()).GetProperty("items")[0].GetProperty("id").GetString()!;

    [Fact]
    public async Task WhileTheIndexIsFilledAtStart_SearchesAnswer503InFrench_AndTheServiceIsNotReady()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var app = new FlakyIndexApp { HoldRebuild = hold };
        var officer = await app.ClientBeforeReady(PlacementApp.Officer69);
        var person = await APerson(officer);

        var search = await officer.GetAsync("/api/posts/search?q=jardin");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
        var problem = await search.Json();
        Assert.Equal("Recherche indisponible.", problem.GetProperty("title").GetString());
        Assert.Contains("en cours de construction", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await officer.GetAsync($"/api/persons/{person}/suitable-posts")).StatusCode);
        var ready = await officer.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        // The pages say it too, on the page itself (not an error page), with the same status.
        var page = await officer.GetAsync("/catalogue?Input.Q=jardin");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("en cours de construction", html, StringComparison.Ordinal);
        Assert.Contains("Catalogue des postes de TIG", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Aucun poste trouvé", html, StringComparison.Ordinal);

        hold.SetResult();
        await app.SearchReady();
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/health/ready")).StatusCode);
        Assert.True((await (await officer.GetAsync("/api/posts/search?q=jardin")).Json()).GetProperty("total").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/persons/{person}/suitable-posts")).StatusCode);
    }

    [Fact]
    public async Task WhileTheEngineIsUnreachable_SearchesAnswer503_WritesWork_AndTheIndexCatchesUpWhenItReturns()
    {
        using var app = new FlakyIndexApp();
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var hostBodyId = await CatalogueApiTests.CreateHostBody(coordinator, "Association des Pentes");
        await app.SearchReady();

        app.Index.Unreachable = true;
        var down = await officer.GetAsync("/api/posts/search?q=jardin");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("Connection refused", (await down.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await officer.GetAsync($"/api/persons/{await APerson(officer)}/suitable-posts")).StatusCode);

        // Writes keep working: the change waits in the outbox.
        var post = CatalogueApiTests.Post(hostBodyId);
        post["title"] = "Restauration de vitraux";
        var created = await coordinator.PostAsJsonAsync("/api/posts", post);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/posts/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/posts/{id}/publish", null)).StatusCode);
        var readiness = app.Services.GetRequiredService<Placement.Catalogue.Search.SearchReadiness>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (readiness.Behind < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, "the failed changes were never counted as waiting");
            await Task.Delay(100);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await officer.GetAsync("/health/ready")).StatusCode);

        // The engine returns: the waiting changes are sent at once (no waiting for their back-off: the clock does not move).
        app.Index.Unreachable = false;
        var back = await OutboxTests.WaitForStatus(officer, "/api/posts/search?q=vitraux", HttpStatusCode.OK);
        Assert.Equal(id, (await back.Json()).GetProperty("items")[0].GetProperty("post").GetProperty("id").GetString());
        await OutboxTests.WaitForStatus(officer, "/health/ready", HttpStatusCode.OK);
    }
}
