using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.AssignmentRuns;

namespace Placement.Matching.Features.AssignmentSchedules;

/// <summary>
/// The recurring job of a schedule: creates the run of its scope for the cron occurrence it stands for, and enqueues it.
/// Idempotent: Hangfire delivers at least once, and a retry or a duplicate of the same occurrence finds that run again
/// (a unique key on schedule and occurrence settles two deliveries at once) and only enqueues it again while it is queued
/// — the run's own job tolerates a duplicate.
/// </summary>
public sealed class ScheduledRunJob(IServiceScopeFactory scopes, IAssignmentJobs jobs, ServiceCalendar calendar)
{
    public async Task RunAsync(Guid scheduleId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        var schedule = await store.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scheduleId, ct);
        if (schedule is null) return;
        var now = calendar.UtcNow;
        var occurrence = CronExpressionAttribute.Latest(schedule.Cron, now) ?? now;
        var run = await OfOccurrenceAsync(store, scheduleId, occurrence, ct);
        if (run is null)
        {
            run = new AssignmentRun(Guid.NewGuid(), schedule.Departements, null, calendar.DayOf(now), schedule.TimeLimitSeconds,
                schedule.KeepProposed, $"planification {schedule.Cron}", schedule.Id, now, occurrence);
            store.AssignmentRuns.Add(run);
            try
            {
                await store.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another delivery of this occurrence wrote its run first; if not, the failure is real.
                store.ChangeTrackerClear();
                run = await OfOccurrenceAsync(store, scheduleId, occurrence, ct);
                if (run is null) throw;
            }
        }
        if (run.State == RunState.Queued) jobs.EnqueueRun(run.Id);
    }

    private static Task<AssignmentRun?> OfOccurrenceAsync(IMatchingStore store, Guid scheduleId, DateTimeOffset occurrence, CancellationToken ct) =>
        store.AssignmentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.ScheduleId == scheduleId && r.Occurrence == occurrence, ct);
}
