using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>Stops a run: a queued one never starts; a running one keeps the best proposals found so far.</summary>
public sealed class CancelRun(IMatchingStore store) : IUseCase
{
    public async Task<RunResponse> HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var run = await GetRun.FindAsync(store, caller, id, ct);
        run.RequestCancel();
        try
        {
            await store.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The job moved on meanwhile: ask again on what it wrote (a finished run answers 409).
            store.ChangeTrackerClear();
            run = await store.AssignmentRuns.FirstAsync(r => r.Id == id, ct);
            run.RequestCancel();
            await store.SaveChangesAsync(ct);
        }
        return RunResponse.From(run);
    }
}
