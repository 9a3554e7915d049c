using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Search;

/// <summary>
/// Applies the search outbox to the index, in order, in batches; a failed batch stays pending and is
/// retried with exponential back-off, so the index catches up with the database whatever happens.
/// At start it makes sure the index exists, and fills an empty index from the database (retried until
/// it succeeds). It tells <see cref="SearchReadiness"/> when the index holds the catalogue; when the
/// engine comes back after a failure, the waiting changes are retried at once rather than after their back-off.
/// </summary>
public sealed class SearchIndexer(
    IServiceScopeFactory scopes, IPostSearchIndex index, PostDocuments documents, SearchIndexSignal signal, ISearchOutboxLease lease,
    SearchReadiness readiness, TimeProvider clock, ILogger<SearchIndexer> logger) : BackgroundService
{
    public const int BatchSize = 500;

    private volatile bool _engineDown;

    /// <summary>The index has been checked at start and, when it was empty, filled from the database: search answers fully.</summary>
    public bool Filled => readiness.Filled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!readiness.Filled)
        {
            try
            {
                await index.EnsureReadyAsync(stoppingToken);
                if (await index.CountAsync(stoppingToken) == 0) await RebuildAsync(null, stoppingToken);
                readiness.MarkFilled();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Index de recherche indisponible au démarrage ; nouvelle tentative dans 2 secondes.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessBatchAsync(stoppingToken)) { }
                // Changes made due again (the engine is back) are sent at once; otherwise wait for a change or a second.
                if (!await MeasureBacklogAsync(stoppingToken)) await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Indexation : erreur inattendue.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Applies one batch of due outbox entries. Returns whether a full batch was applied (more may be waiting).</summary>
    public async Task<bool> ProcessBatchAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ICatalogueStore>();
        await using var claim = await lease.TryClaimAsync(store, ct);
        if (claim is null) return false; // another node drains; the next signal or second tries again
        var now = clock.GetUtcNow();
        var entries = await store.SearchOutbox.Where(e => e.NextAttemptAt <= now).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(ct);
        if (entries.Count == 0) return false;

        var postIds = entries.Where(e => e.PostId is not null).Select(e => e.PostId!.Value).ToHashSet();
        var hostIds = entries.Where(e => e.HostBodyId is not null).Select(e => e.HostBodyId!.Value).ToList();
        if (hostIds.Count > 0)
            postIds.UnionWith(await store.Posts.Where(p => hostIds.Contains(p.HostBodyId)).Select(p => p.Id).ToListAsync(ct));
        var posts = await store.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToListAsync(ct);
        var hostBodyIds = posts.Select(p => p.HostBodyId).Distinct().ToList();
        var hostBodies = await store.HostBodies.AsNoTracking().Where(h => hostBodyIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);

        var searchable = posts.Where(p => documents.IsSearchable(p, hostBodies[p.HostBodyId])).ToList();
        var toIndex = searchable.Select(p => documents.ToDocument(p, hostBodies[p.HostBodyId])).ToList();
        var toRemove = postIds.Except(searchable.Select(p => p.Id)).ToList();
        try
        {
            if (toIndex.Count > 0) await index.IndexAsync(toIndex, ct);
            if (toRemove.Count > 0) await index.RemoveAsync(toRemove, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var entry in entries) entry.Failed(e.Message, clock.GetUtcNow());
            await store.SaveChangesAsync(CancellationToken.None);
            await claim.CompleteAsync(CancellationToken.None);
            _engineDown = !await ReachableAsync(ct);
            logger.LogWarning(e, "Indexation de {Count} changements reportée (tentative {Attempt}).", entries.Count, entries.Max(x => x.Attempts));
            return false;
        }
        store.SearchOutbox.RemoveRange(entries);
        await store.SaveChangesAsync(CancellationToken.None);
        await claim.CompleteAsync(CancellationToken.None);
        return entries.Count == BatchSize;
    }

    /// <summary>
    /// Counts the changes that failed and still wait (the index is behind the catalogue meanwhile); when the
    /// engine was unreachable and answers again, makes them due now — and says so.
    /// </summary>
    private async Task<bool> MeasureBacklogAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ICatalogueStore>();
        var failed = await store.SearchOutbox.CountAsync(e => e.Attempts > 0, ct);
        if (failed > 0 && _engineDown && await ReachableAsync(ct))
        {
            _engineDown = false;
            var now = clock.GetUtcNow();
            await store.SearchOutbox.Where(e => e.Attempts > 0).ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, now), ct);
            readiness.SetBehind(failed);
            return true;
        }
        readiness.SetBehind(failed);
        return false;
    }

    private async Task<bool> ReachableAsync(CancellationToken ct)
    {
        try
        {
            await index.CountAsync(ct);
            return true;
        }
        catch (Exception e) when (e is SearchUnavailableException or IOException)
        {
            return false;
        }
    }

    /// <summary>Rebuilds the whole index from the database, then drops the outbox entries it covered.</summary>
    public async Task<int> RebuildAsync(IProgress<int>? progress, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ICatalogueStore>();
        var covered = await store.SearchOutbox.Select(e => (long?)e.Id).MaxAsync(ct) ?? 0;
        var count = await index.RebuildAsync(documents.AllSearchable(store, ct), progress, ct);
        await store.SearchOutbox.Where(e => e.Id <= covered).ExecuteDeleteAsync(ct);
        logger.LogInformation("Index de recherche ({Engine}) reconstruit : {Count} postes.", index.Engine, count);
        return count;
    }
}
