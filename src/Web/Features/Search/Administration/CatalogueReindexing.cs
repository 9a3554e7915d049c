using Placement.Catalogue.Features.Search;

namespace Placement.Web.Features.Search.Administration;

/// <summary>
/// A rebuild of the search index started from the administration page (<see cref="RebuildSearchIndex"/>, the handler of
/// <c>POST /api/search/reindex</c> and of the CLI verb), run in the background of this node so that the page can show its
/// progress. One at a time per node; the index is switched only when the rebuild completes.
/// </summary>
public sealed class CatalogueReindexing(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<CatalogueReindexing> logger)
{
    public sealed record State(bool Running, int Indexed, int Total, string? Engine, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error)
    {
        public double Percent => Total == 0 ? (Running ? 0 : 100) : Math.Min(100, 100.0 * Indexed / Total);
    }

    private readonly Lock _gate = new();
    private State _state = new(false, 0, 0, null, null, null, null);

    public State Current
    {
        get
        {
            lock (_gate) return _state;
        }
    }

    /// <summary>Starts a rebuild unless one is running; an administrator only (the handler's count checks it before anything starts).</summary>
    public async Task<State> StartAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Current.Running) return Current;
        int total;
        using (var scope = scopes.CreateScope())
            total = await scope.ServiceProvider.GetRequiredService<RebuildSearchIndex>().CountAsync(caller, ct);
        lock (_gate)
        {
            if (_state.Running) return _state;
            _state = new State(true, 0, total, null, clock.GetUtcNow(), null, null);
        }
        _ = Task.Run(() => RunAsync(caller), CancellationToken.None);
        return Current;
    }

    private async Task RunAsync(Caller caller)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var handler = scope.ServiceProvider.GetRequiredService<RebuildSearchIndex>();
            // Progress<T> posts its reports to the thread pool: one may arrive after the result. Only a running rebuild takes
            // a report, and the count never goes back.
            var progress = new Progress<int>(n => Update(s => s.Running ? s with { Indexed = Math.Max(s.Indexed, n) } : s));
            var result = await handler.HandleAsync(caller, progress, lifetime.ApplicationStopping);
            Update(s => s with { Running = false, Indexed = result.Indexed, Engine = result.Engine, FinishedAt = clock.GetUtcNow() });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Reconstruction de l'index de recherche en échec.");
            Update(s => s with { Running = false, FinishedAt = clock.GetUtcNow(), Error = "La reconstruction a échoué ; l'index précédent reste en service. Détails dans le journal du service." });
        }
    }

    private void Update(Func<State, State> change)
    {
        lock (_gate) _state = change(_state);
    }
}
