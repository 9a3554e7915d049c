using Microsoft.Extensions.DependencyInjection;

namespace Placement.Notifications.Reminders;

/// <summary>
/// Every morning: the reminders a calendar causes (<see cref="CatalogueReminders"/>), in a scope of its own. A plain class:
/// the host schedules it (Hangfire, one run at a time across nodes).
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes)
{
    public const string RecurringJobId = "reminders";
    public const string Cron = "0 5 * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CatalogueReminders>().RunAsync(ct);
    }
}
