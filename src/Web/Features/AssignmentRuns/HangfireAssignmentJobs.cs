using Hangfire;
using Microsoft.Extensions.Options;
using Placement.Matching.Domain;
using Placement.Matching.Features.AssignmentRuns;
using Placement.Matching.Features.AssignmentSchedules;
using Placement.Matching.Features.DeadlineWatch;
using Placement.Web.Hosting;

namespace Placement.Web.Features.AssignmentRuns;

/// <summary>
/// The one place where jobs meet Hangfire: the assignment run (solver queue), the recurring run of each
/// schedule (solver queue) and the daily deadline watch (default queue). Job arguments are ids.
/// </summary>
internal sealed class HangfireAssignmentJobs(IBackgroundJobClient client, IRecurringJobManager recurring, IOptions<JobsOptions> options) : IAssignmentJobs
{
    public string EnqueueRun(Guid runId) =>
        client.Enqueue<AssignmentRunJob>(JobsOptions.SolverQueue, j => j.ExecuteAsync(runId, CancellationToken.None));

    public void RegisterSchedule(AssignmentSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var id = schedule.Id;
        recurring.AddOrUpdate<ScheduledRunJob>(schedule.RecurringJobId, JobsOptions.SolverQueue, j => j.RunAsync(id, CancellationToken.None), schedule.Cron);
    }

    public void RemoveSchedule(AssignmentSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        recurring.RemoveIfExists(schedule.RecurringJobId);
    }

    public void RegisterDeadlineWatch() =>
        recurring.AddOrUpdate<DeadlineWatchJob>(DeadlineWatchJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), options.Value.DeadlineWatchCron);

    /// <summary>Every minute: the waiting events turned into notifications, the e-mails due sent.</summary>
    public void RegisterNotifications() =>
        recurring.AddOrUpdate<Placement.Web.Hosting.HangfireNotificationJob>(Placement.Notifications.Dispatch.NotificationJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Placement.Notifications.Dispatch.NotificationJob.Cron);

    /// <summary>Every morning: the reminders of the calendar (habilitations ending, the weekly digest of posts waiting).</summary>
    public void RegisterReminders() =>
        recurring.AddOrUpdate<Placement.Web.Hosting.HangfireReminderJob>(Placement.Notifications.Reminders.ReminderJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Placement.Notifications.Reminders.ReminderJob.Cron);

    /// <summary>The daily trim of the audit trail to its retention.</summary>
    public void RegisterAuditRetention() =>
        recurring.AddOrUpdate<Placement.Matching.Features.Audit.AuditRetentionJob>(Placement.Matching.Features.Audit.AuditRetentionJob.RecurringJobId, j => j.RunAsync(CancellationToken.None), Placement.Matching.Features.Audit.AuditRetentionJob.Cron);
}
