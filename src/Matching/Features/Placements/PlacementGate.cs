using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Placements;

/// <summary>
/// Serialises the creation of placements on one post, inside the transaction that checks its capacity and inserts the
/// placement. With the database's unique index on a person's active placement, two coordinators accepting at the same
/// time can never overbook a post nor give a person two active placements.
/// </summary>
public interface IPlacementGate
{
    /// <summary>Held until disposed; called inside the placement's transaction.</summary>
    Task<IDisposable> EnterAsync(IMatchingStore store, Guid postId, CancellationToken ct);
}

/// <summary>The gate of one process (SQLite: one node): a semaphore for every post.</summary>
public sealed class PlacementGate : IPlacementGate, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(IMatchingStore store, Guid postId, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
