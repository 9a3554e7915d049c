namespace Placement.Matching.Placements;

/// <summary>
/// Serialises the creation of placements in this process. With the transaction around the capacity check
/// and the insert, and the database's unique index on a person's active placement, two coordinators
/// accepting at the same time can never overbook a post nor give a person two active placements.
/// </summary>
public sealed class PlacementGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
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
