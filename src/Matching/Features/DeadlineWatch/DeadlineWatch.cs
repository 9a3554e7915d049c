using Microsoft.EntityFrameworkCore;
using Placement.Kernel.Notifications;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.DeadlineWatch;

/// <summary>
/// The deadline watch: flags the persons at risk (<see cref="DeadlineRisk"/>, with <see cref="WarningWeeks"/>)
/// and keeps that list for their officers. A person entering the list (flagged now, not at the last watch) is told to
/// their referent officer: the event is written in the same transaction as the list (issue 14).
/// </summary>
public sealed class DeadlineWatch(IMatchingStore store, ServiceCalendar calendar)
{
    public int WarningWeeks { get; init; } = 12;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = calendar.UtcNow;
        var today = calendar.DayOf(now);
        var persons = await store.Persons.AsNoTracking().ToListAsync(ct);
        var (placements, posts) = await DeadlineRisk.ActiveAsync(store, null, ct);
        var flagged = new List<AtRiskPerson>();
        foreach (var person in persons)
        {
            var reasons = DeadlineRisk.Reasons(person, placements[person.Id], posts, today, WarningWeeks);
            if (reasons.Count > 0) flagged.Add(new AtRiskPerson(person.Id, person.Departement, reasons, now));
        }
        await using var transaction = await store.Database.BeginTransactionAsync(ct);
        var before = (await store.AtRisk.AsNoTracking().Select(a => a.PersonId).ToListAsync(ct)).ToHashSet();
        await store.AtRisk.ExecuteDeleteAsync(ct);
        store.AtRisk.AddRange(flagged);
        foreach (var entering in flagged.Where(f => !before.Contains(f.PersonId)))
            store.NotificationEvents.Add(new NotificationEvent(NotificationKind.DeadlineWatchEntered, now, personId: entering.PersonId,
                detail: string.Join(" ; ", entering.Reasons)));
        await store.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return flagged.Count;
    }
}
