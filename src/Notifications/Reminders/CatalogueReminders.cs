using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;

using Placement.Kernel.Notifications;

namespace Placement.Notifications.Reminders;

/// <summary>
/// The events a calendar causes rather than a change (issue 14): a habilitation ending in three months, then in one month;
/// each week, the posts waiting for validation for more than seven days. Each reminder carries a key
/// (<see cref="NotificationEvent.Key"/>) so that it is written once however often, and on however many nodes, this runs.
/// </summary>
public sealed class CatalogueReminders(ICatalogueStore store, ServiceCalendar calendar)
{
    /// <summary>A post is overdue for validation after this long in the queue.</summary>
    public static readonly TimeSpan ValidationWait = TimeSpan.FromDays(7);

    /// <summary>Writes the reminders due today; returns how many it wrote.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = calendar.UtcNow;
        var due = new List<NotificationEvent>();
        due.AddRange(await HabilitationsAsync(now, ct));
        if (await PostsAwaitingValidationAsync(now, ct) is { } digest) due.Add(digest);
        if (due.Count == 0) return 0;
        var keys = due.Select(e => e.Key!).ToList();
        var written = (await store.NotificationEvents.AsNoTracking().Where(e => e.Key != null && keys.Contains(e.Key)).Select(e => e.Key!).ToListAsync(ct)).ToHashSet();
        var fresh = due.Where(e => !written.Contains(e.Key!)).ToList();
        store.NotificationEvents.AddRange(fresh);
        await store.SaveChangesAsync(ct);
        return fresh.Count;
    }

    /// <summary>
    /// Months before the end of a granted habilitation when its host body is told: three, then one. A body that crosses
    /// both at once (its end entered late) is told of the nearer one only.
    /// </summary>
    public static int? MonthsBefore(DateOnly end, DateOnly today) =>
        today > end ? null : today >= end.AddMonths(-1) ? 1 : today >= end.AddMonths(-3) ? 3 : null;

    private async Task<IEnumerable<NotificationEvent>> HabilitationsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = calendar.DayOf(now);
        var bodies = await store.HostBodies.AsNoTracking().ToListAsync(ct); // the habilitation lives in the details' document
        return bodies
            .Where(h => h.Details.Habilitation is { Status: HabilitationStatus.Habilitated, Period: not null })
            .Select(h => (Body: h, End: h.Details.Habilitation.Period!.End))
            .Select(x => (x.Body, x.End, Months: MonthsBefore(x.End, today)))
            .Where(x => x.Months is not null)
            .Select(x => new NotificationEvent(NotificationKind.HabilitationExpiring, now, hostBodyId: x.Body.Id,
                detail: x.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                key: $"habilitation:{x.Body.Id:N}:{x.End:yyyyMMdd}:{x.Months}"));
    }

    /// <summary>The week's digest, once per ISO week of the service's calendar, when a post has waited for validation for more than seven days.</summary>
    private async Task<NotificationEvent?> PostsAwaitingValidationAsync(DateTimeOffset now, CancellationToken ct)
    {
        var since = now - ValidationWait;
        if (!await store.Posts.AnyAsync(p => p.Status == PostStatus.PendingValidation && p.StatusChangedAt < since, ct)) return null;
        var day = calendar.ToLocal(now);
        return new NotificationEvent(NotificationKind.PostsAwaitingValidation, now,
            key: $"validation:{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
    }
}
