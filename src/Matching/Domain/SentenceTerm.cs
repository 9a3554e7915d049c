using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

/// <summary>
/// The sentence's clock: decided on <see cref="SentenceDate"/>, to be completed by <see cref="Deadline"/>
/// (at most 18 months later), pushed back by each suspension (both ends inclusive).
/// </summary>
public sealed record SentenceTerm
{
    public const int MaxMonths = 18;

    public SentenceTerm(DateOnly sentenceDate, DateOnly deadline, IEnumerable<DateRange> suspensions)
    {
        Ensure.That(deadline >= sentenceDate, "deadline", "L'échéance ne peut pas précéder la date de la décision.");
        Ensure.That(deadline <= sentenceDate.AddMonths(MaxMonths), "deadline", $"L'échéance ne peut pas dépasser {MaxMonths} mois après la décision.");
        var list = suspensions.OrderBy(s => s.Start).ToList();
        for (var i = 1; i < list.Count; i++)
            Ensure.That(list[i].Start > list[i - 1].End, $"suspensions[{i}]", "Les périodes de suspension ne se chevauchent pas.");
        Ensure.That(list.All(s => s.Start >= sentenceDate), "suspensions", "Une suspension commence après la décision.");
        SentenceDate = sentenceDate;
        Deadline = deadline;
        Suspensions = list;
    }

    public DateOnly SentenceDate { get; }
    public DateOnly Deadline { get; }
    public IReadOnlyList<DateRange> Suspensions { get; }

    /// <summary>The deadline pushed back by the days of every suspension.</summary>
    public DateOnly EffectiveDeadline => Deadline.AddDays(Suspensions.Sum(s => s.Days));

    /// <summary>Weeks from <paramref name="today"/> until the <see cref="EffectiveDeadline"/>: a fraction, negative once past.</summary>
    public double WeeksLeft(DateOnly today) => ServiceCalendar.Weeks(today, EffectiveDeadline);

    /// <summary>Whole weeks until the <see cref="EffectiveDeadline"/>, rounded down: 0 in its last week, negative once past.</summary>
    public int WholeWeeksLeft(DateOnly today) => ServiceCalendar.WeeksBetween(today, EffectiveDeadline);

    /// <summary>The same clock with one more suspension (it must not overlap another).</summary>
    public SentenceTerm WithSuspension(DateRange suspension) => new(SentenceDate, Deadline, [.. Suspensions, suspension]);

    public bool Equals(SentenceTerm? other) => other is not null && SentenceDate == other.SentenceDate && Deadline == other.Deadline && Suspensions.SequenceEqual(other.Suspensions);
    public override int GetHashCode() => HashCode.Combine(SentenceDate, Deadline, Suspensions.Count);
}
