using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Search;

namespace Placement.Web.Tests;

/// <summary>An index that fails on demand, around the real embedded one.</summary>
public sealed class FlakyIndex(IPostSearchIndex inner) : IPostSearchIndex
{
    private volatile bool _broken;
    private volatile bool _unreachable;

    /// <summary>While broken, every write fails (the engine answers, but refuses the changes).</summary>
    public bool Broken { get => _broken; set => _broken = value; }

    /// <summary>While unreachable, every call fails, as with a cluster that went away.</summary>
    public bool Unreachable { get => _unreachable; set => _unreachable = value; }

    /// <summary>When set, a rebuild (the first filling at start) waits for it: a service caught while it starts.</summary>
    public TaskCompletionSource? HoldRebuild { get; set; }

    private void MaybeFail(bool write)
    {
        if (_unreachable) throw new SearchUnavailableException("Elasticsearch (http://es.test:9200), recherche : Connection refused (simulée)");
        if (write && _broken) throw new SearchUnavailableException("panne simulée de l'index");
    }

    public string Engine => inner.Engine;
    public Task EnsureReadyAsync(CancellationToken ct = default) { MaybeFail(false); return inner.EnsureReadyAsync(ct); }
    public Task IndexAsync(IReadOnlyCollection<PostDocument> documents, CancellationToken ct = default) { MaybeFail(true); return inner.IndexAsync(documents, ct); }
    public Task RemoveAsync(IReadOnlyCollection<Guid> postIds, CancellationToken ct = default) { MaybeFail(true); return inner.RemoveAsync(postIds, ct); }
    public async Task<int> RebuildAsync(IAsyncEnumerable<PostDocument> documents, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (HoldRebuild is { } hold) await hold.Task.WaitAsync(ct);
        MaybeFail(true);
        return await inner.RebuildAsync(documents, progress, ct);
    }
    public Task<PostSearchResult> SearchAsync(PostSearchQuery query, CancellationToken ct = default) { MaybeFail(false); return inner.SearchAsync(query, ct); }
    public Task<IReadOnlyList<Guid>> MatchingIdsAsync(PostSearchQuery query, CancellationToken ct = default) { MaybeFail(false); return inner.MatchingIdsAsync(query, ct); }
    public Task<long> CountAsync(CancellationToken ct = default) { MaybeFail(false); return inner.CountAsync(ct); }
}

public sealed class FlakyIndexApp : PlacementApp
{
    /// <summary>Set before the service starts to hold its first filling of the index.</summary>
    public TaskCompletionSource? HoldRebuild { get; init; }

    public FlakyIndex Index => (FlakyIndex)Services.GetRequiredService<IPostSearchIndex>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPostSearchIndex>(sp =>
            new FlakyIndex(new LucenePostSearchIndex(sp.GetRequiredService<IOptions<SearchOptions>>().Value.IndexDirectory!)) { HoldRebuild = HoldRebuild }));
    }
}

/// <summary>The outbox: a failing indexer leaves the change pending; it is applied later; nothing is lost.</summary>
public sealed class OutboxTests : IDisposable
{
    private readonly FlakyIndexApp _app = new();

    [Fact]
    public async Task AFailedIndexing_StaysPending_AndIsAppliedLater()
    {
        await _app.SearchReady();
        var flaky = (FlakyIndex)_app.Services.GetRequiredService<IPostSearchIndex>();
        var coordinator = await _app.ClientFor(PlacementApp.Coordinator);
        var hostBodyId = await CatalogueApiTests.CreateHostBody(coordinator, "Association Outbox");
        await _app.SearchReady();

        flaky.Broken = true;
        var post = CatalogueApiTests.Post(hostBodyId);
        post["title"] = "Réparation de bicyclettes";
        var id = (await (await coordinator.PostAsJsonAsync("/api/posts", post)).Json()).GetProperty("id").GetString();
        await coordinator.PostAsync($"/api/posts/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/posts/{id}/publish", null)).StatusCode);

        // The indexer fails: the changes stay in the outbox with the error, and the post is not searchable yet.
        var pending = await WaitFor(async store => await store.SearchOutbox.Where(e => e.Attempts > 0).ToListAsync(), list => list.Count >= 3);
        Assert.All(pending, e => Assert.Equal("panne simulée de l'index", e.LastError));
        // Meanwhile the index is behind the catalogue: a search says so (503) rather than « nothing matches ».
        var behind = await WaitForStatus(coordinator, "/api/posts/search?q=bicyclettes", HttpStatusCode.ServiceUnavailable);
        Assert.Contains("rattrape", (await behind.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The index is repaired and time passes beyond the back-off: the indexer retries, and nothing is lost.
        // (The back-off is 5 minutes at most: 6 minutes every 3 s, a few times — well within the caller's token's hour.)
        flaky.Broken = false;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var i = 0; (await coordinator.GetAsync("/api/posts/search?q=bicyclettes")) is var r && (r.StatusCode != HttpStatusCode.OK || (await r.Json()).GetProperty("total").GetInt32() == 0); i++)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the pending change was never applied (last answer {(int)r.StatusCode})");
            if (i % 15 == 0 && i < 60) _app.Clock.Advance(TimeSpan.FromMinutes(6));
            await Task.Delay(200);
        }
        await _app.SearchReady();
        var found = await (await coordinator.GetAsync("/api/posts/search?q=bicyclettes")).Json();
        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("post").GetProperty("id").GetString());
    }

    /// <summary>Retries a GET until it answers <paramref name="status"/> (the index's state is read each second).</summary>
    internal static async Task<HttpResponseMessage> WaitForStatus(HttpClient client, string path, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode == status) return response;
            Assert.True(DateTime.UtcNow < deadline, $"{path} still answers {response.StatusCode}, not {status}");
            await Task.Delay(100);
        }
    }

    private async Task<T> WaitFor<T>(Func<ICatalogueStore, Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var scope = _app.Services.CreateScope();
            var value = await read(scope.ServiceProvider.GetRequiredService<ICatalogueStore>());
            if (done(value)) return value;
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }

    public void Dispose() => _app.Dispose();
}
