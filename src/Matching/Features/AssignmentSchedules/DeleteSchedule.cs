using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;
using Placement.Matching.Features.AssignmentRuns;

namespace Placement.Matching.Features.AssignmentSchedules;

/// <summary>Deletes a schedule the coordinator sees, and its recurring job.</summary>
public sealed class DeleteSchedule(IMatchingStore store, IAssignmentJobs jobs) : IUseCase
{
    public async Task HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var schedule = await store.VisibleSchedules(caller).FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Planification");
        store.Schedules.Remove(schedule);
        await store.SaveChangesAsync(ct);
        jobs.RemoveSchedule(schedule);
    }
}
