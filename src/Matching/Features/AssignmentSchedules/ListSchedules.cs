using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;
using Placement.Matching.Features.AssignmentRuns;

namespace Placement.Matching.Features.AssignmentSchedules;

/// <summary>The recurring runs the coordinator sees (<see cref="MatchingScopes.VisibleSchedules"/>), oldest first.</summary>
public sealed class ListSchedules(IMatchingStore store) : IUseCase
{
    public async Task<List<ScheduleResponse>> HandleAsync(Caller caller, CancellationToken ct)
    {
        var schedules = await store.VisibleSchedules(caller).AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return [.. schedules.Select(ScheduleResponse.From)];
    }
}
