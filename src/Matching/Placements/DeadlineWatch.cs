using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Placements;

/// <summary>
/// The deadline watch: flags the persons at risk — no confirmed placement while the deadline is closer
/// than <see cref="WarningWeeks"/>, or remaining hours that the current placement's weekly hours cannot
/// reach before the deadline — and keeps that list for their officers.
/// </summary>
public sealed class DeadlineWatch(IMatchingStore store, TimeProvider clock)
{
    public int WarningWeeks { get; init; } = 12;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var persons = await store.Persons.AsNoTracking().ToListAsync(ct);
        var placements = await store.Placements.AsNoTracking().Active().ToListAsync(ct);
        var postIds = placements.Select(p => p.PostId).Distinct().ToList();
        var posts = await store.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var byPerson = placements.ToLookup(p => p.PersonId);
        var flagged = new List<AtRiskPerson>();
        foreach (var person in persons)
        {
            var remaining = person.Profile.Hours.Remaining;
            if (remaining <= 0) continue;
            var deadline = person.Profile.Term.EffectiveDeadline;
            var weeksLeft = (deadline.DayNumber - today.DayNumber) / 7.0;
            var reasons = new List<string>();
            var active = byPerson[person.Id].ToList();
            var confirmed = active.Where(p => p.Status is PlacementStatus.Confirmed or PlacementStatus.InProgress).ToList();
            if (confirmed.Count == 0 && weeksLeft < WarningWeeks)
                reasons.Add(weeksLeft < 0
                    ? $"échéance dépassée ({deadline:dd/MM/yyyy}) avec {remaining:0.#} h restantes"
                    : $"aucun placement confirmé à {Math.Floor(weeksLeft):0} semaines de l'échéance ({deadline:dd/MM/yyyy})");
            foreach (var placement in confirmed)
            {
                var post = posts[placement.PostId];
                var weekly = EligibilityRules.WeeklyHours(person.Profile.Availability, post.Details.Schedule, post.Details.MaxWeeklyHoursPerPerson, person.Profile.IsMinorOn(today));
                if (weekly * Math.Max(0, weeksLeft) < remaining - 1e-9)
                    reasons.Add($"{remaining:0.#} h restantes pour {Math.Max(0, weeksLeft):0.#} semaines à {weekly:0.#} h/semaine : rythme insuffisant");
            }
            if (reasons.Count > 0) flagged.Add(new AtRiskPerson(person.Id, person.Departement, reasons, now));
        }
        await using var transaction = await store.Database.BeginTransactionAsync(ct);
        await store.AtRisk.ExecuteDeleteAsync(ct);
        store.AtRisk.AddRange(flagged);
        await store.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return flagged.Count;
    }
}
