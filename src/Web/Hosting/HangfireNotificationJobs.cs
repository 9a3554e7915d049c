using Hangfire;
using Placement.Notifications.Dispatch;
using Placement.Notifications.Reminders;

namespace Placement.Web.Hosting;

/// <summary>
/// The notification job as Hangfire runs it (every minute): one run at a time across nodes, and no automatic retry — the
/// job retries each e-mail itself (<see cref="NotificationJob"/>).
/// </summary>
public sealed class HangfireNotificationJob(NotificationJob job)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)] // its own retries, per e-mail
    public Task RunAsync(CancellationToken ct) => job.RunAsync(ct);
}

/// <summary>The reminders of the calendar as Hangfire runs them (every morning): one run at a time across nodes (<see cref="ReminderJob"/>).</summary>
public sealed class HangfireReminderJob(ReminderJob job)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunAsync(CancellationToken ct) => job.RunAsync(ct);
}
