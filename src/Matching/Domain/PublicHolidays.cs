namespace Placement.Matching.Domain;

/// <summary>
/// The French public holidays (jours fériés) of a département: no session is planned on them. The eleven national days
/// (code du travail L.3133-1), Good Friday and 26 December in Alsace-Moselle (57, 67, 68), and the day of the abolition of
/// slavery in the overseas départements that observe it.
/// </summary>
public static class PublicHolidays
{
    public static bool IsHoliday(DateOnly date, string departement) => Of(date.Year, departement).Contains(date);

    public static IReadOnlySet<DateOnly> Of(int year, string departement)
    {
        var easter = Easter(year);
        var days = new HashSet<DateOnly>
        {
            new(year, 1, 1), easter.AddDays(1), new(year, 5, 1), new(year, 5, 8), easter.AddDays(39), easter.AddDays(50),
            new(year, 7, 14), new(year, 8, 15), new(year, 11, 1), new(year, 11, 11), new(year, 12, 25),
        };
        if (departement is "57" or "67" or "68")
        {
            days.Add(easter.AddDays(-2));
            days.Add(new DateOnly(year, 12, 26));
        }
        if (Abolition(departement) is var (month, day) && month > 0) days.Add(new DateOnly(year, month, day));
        return days;
    }

    private static (int Month, int Day) Abolition(string departement) => departement switch
    {
        "971" => (5, 27),
        "972" => (5, 22),
        "973" => (6, 10),
        "974" => (12, 20),
        "976" => (4, 27),
        _ => (0, 0),
    };

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
