using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>The runs the coordinator sees (<see cref="MatchingScopes.VisibleRuns"/>), newest first, the 200 latest.</summary>
public sealed class ListRuns(IMatchingStore store) : IUseCase
{
    public const int Max = 200;

    public async Task<List<RunResponse>> HandleAsync(Caller caller, CancellationToken ct)
    {
        var runs = await store.VisibleRuns(caller).AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(Max).ToListAsync(ct);
        return [.. runs.Select(RunResponse.From)];
    }
}
