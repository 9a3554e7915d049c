namespace Placement.Catalogue.Domain;

/// <summary>
/// A period of whole days, both ends inclusive, never backwards (<c>Start ≤ End</c>). Used for the
/// opening period of a post, a habilitation and a suspension of the sentence.
/// </summary>
public sealed record DateRange
{
    public DateRange(DateOnly start, DateOnly end, string field = "end")
    {
        Ensure.That(end >= start, field, "La date de fin doit être postérieure ou égale à la date de début.");
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }

    /// <summary>Number of days covered, counting both ends.</summary>
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}
