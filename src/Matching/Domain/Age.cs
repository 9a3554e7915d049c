namespace Placement.Matching.Domain;

/// <summary>Majority, as rule 1 reads it.</summary>
public static class Age
{
    /// <summary>
    /// Younger than 18 on <paramref name="date"/>. The 18th birthday of a person born on 29 February is 1 March in a
    /// common year (the protective reading of matching.md: a day longer a minor), not 28 February.
    /// </summary>
    public static bool IsMinorOn(DateOnly birthDate, DateOnly date)
    {
        var year = birthDate.Year + 18;
        var majority = birthDate is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? new DateOnly(year, 3, 1) : birthDate.AddYears(18);
        return date < majority;
    }
}
