using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.DeadlineWatch;

/// <summary>
/// The one rule of « at risk of missing the deadline », in French reasons: no confirmed placement while the
/// deadline is closer than the warning weeks, or remaining hours that the confirmed placement's weekly hours
/// cannot reach before the deadline (rule 11's test, <see cref="EligibilityRules.CompletesInTime"/>, over the weeks
/// left: <see cref="SentenceTerm.WeeksLeft"/>). The nightly watch stores it; the caseload computes it live.
/// </summary>
public static class DeadlineRisk
{
    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    public static IReadOnlyList<string> Reasons(Person person, IEnumerable<TigPlacement> activePlacements, IReadOnlyDictionary<Guid, Post> posts, DateOnly today, int warningWeeks)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(activePlacements);
        ArgumentNullException.ThrowIfNull(posts);
        var remaining = person.Profile.Hours.Remaining;
        if (remaining <= 0 || !person.IsUnderMeasure) return [];
        var deadline = person.Profile.Term.EffectiveDeadline;
        // Past the deadline, no rhythm can help (« 41,5 h restantes pour 0 semaines » said nothing): the officer must act.
        if (person.Profile.DeadlinePassed(today))
            return [string.Create(French, $"échéance dépassée depuis {today.DayNumber - deadline.DayNumber} {Plural.Of(today.DayNumber - deadline.DayNumber, "jour", "jours")} ({deadline:dd/MM/yyyy}) avec {remaining:0.#} h restantes")];
        var weeksLeft = person.Profile.Term.WholeWeeksLeft(today);
        var reasons = new List<string>();
        var confirmed = activePlacements.Where(p => p.Status is PlacementStatus.Confirmed or PlacementStatus.InProgress).ToList();
        if (confirmed.Count == 0 && weeksLeft < warningWeeks)
            reasons.Add(string.Create(French, $"aucun placement confirmé à {weeksLeft} semaines de l'échéance ({deadline:dd/MM/yyyy})"));
        foreach (var placement in confirmed)
        {
            var post = posts[placement.PostId];
            var minor = person.Profile.IsMinorOn(today);
            // Rule 11's W, within what the person's job leaves of the week (rule 16).
            var weekly = Math.Max(0, Math.Min(EligibilityRules.WeeklyHours(person.Profile.Availability, post.Details.Schedule, post.Details.MaxWeeklyHoursPerPerson, minor),
                EligibilityRules.WorkingTimeLeft(person.Profile.WeeklyWorkHours, minor)));
            if (!EligibilityRules.CompletesInTime(weekly, Math.Max(0, person.Profile.Term.WeeksLeft(today)), remaining))
                reasons.Add(string.Create(French, $"{remaining:0.#} h restantes pour {Math.Max(0, weeksLeft)} semaines à {weekly:0.#} h/semaine : rythme insuffisant"));
        }
        return reasons;
    }

    /// <summary>The active placements of <paramref name="personIds"/> and their posts, as <see cref="Reasons"/> reads them.</summary>
    public static async Task<(ILookup<Guid, TigPlacement> Placements, Dictionary<Guid, Post> Posts)> ActiveAsync(IMatchingStore store, IReadOnlyCollection<Guid>? personIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var query = store.Placements.AsNoTracking().Active();
        if (personIds is not null) query = query.Where(p => personIds.Contains(p.PersonId));
        var placements = await query.ToListAsync(ct);
        var postIds = placements.Select(p => p.PostId).Distinct().ToList();
        var posts = await store.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return (placements.ToLookup(p => p.PersonId), posts);
    }
}
