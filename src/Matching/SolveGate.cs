using Microsoft.Extensions.Options;
using Placement.Matching.Features.AssignmentRuns;

namespace Placement.Matching;

/// <summary>
/// At most <see cref="JobsOptions.SolverWorkers"/> solves at once on this node, HTTP solves and assignment runs together:
/// one more HTTP solve is refused (429) rather than queued, so that the requests beside them (health, pages) keep their
/// cores; a run waits for its slot (<see cref="EnterAsync"/>).
/// </summary>
public sealed class SolveGate(IOptions<JobsOptions> jobs) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(jobs.Value.SolverWorkers, jobs.Value.SolverWorkers);

    public int Slots { get; } = jobs.Value.SolverWorkers;

    /// <summary>A slot, released when disposed; null when every slot is taken.</summary>
    public IDisposable? TryEnter() => _slots.Wait(0) ? new Slot(_slots) : null;

    /// <summary>A slot once one is free (an assignment run waits its turn), released when disposed.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
