using Hangfire;
using Placement.Catalogue.Notifications;

namespace Placement.Web.Notifications;

/// <summary>Every morning (Hangfire): the reminders a calendar causes (<see cref="CatalogueReminders"/>), in a scope of its own.</summary>
public sealed class ReminderJob(IServiceScopeFactory scopes)
{
    public const string RecurringJobId = "reminders";
    public const string Cron = "0 5 * * *";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CatalogueReminders>().RunAsync(ct);
    }
}
