using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Catalogue.Application;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Assignment;

/// <summary>The recurring job of a schedule: creates a run of its scope for today and enqueues it.</summary>
public sealed class ScheduledRunJob(IServiceScopeFactory scopes, IAssignmentJobs jobs, ServiceCalendar calendar)
{
    public async Task RunAsync(Guid scheduleId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        var schedule = await store.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scheduleId, ct);
        if (schedule is null) return;
        var now = calendar.UtcNow;
        var run = new AssignmentRun(Guid.NewGuid(), schedule.Departements, null, calendar.DayOf(now), schedule.TimeLimitSeconds,
            schedule.KeepProposed, $"planification {schedule.Cron}", schedule.Id, now);
        store.AssignmentRuns.Add(run);
        await store.SaveChangesAsync(ct);
        jobs.EnqueueRun(run.Id);
    }
}
