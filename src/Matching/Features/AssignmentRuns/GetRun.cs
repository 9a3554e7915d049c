using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>A run's state, progress and figures, if the coordinator sees it.</summary>
public sealed class GetRun(IMatchingStore store) : IUseCase
{
    public async Task<RunResponse> HandleAsync(Caller caller, Guid id, CancellationToken ct) =>
        RunResponse.From(await FindAsync(store, caller, id, ct));

    /// <summary>The run, tracked, or <see cref="NotFoundException"/> when the caller does not see it.</summary>
    internal static async Task<AssignmentRun> FindAsync(IMatchingStore store, Caller caller, Guid id, CancellationToken ct) =>
        await store.VisibleRuns(caller).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Affectation");
}
