using System.Globalization;

namespace Placement.Catalogue.Domain;

/// <summary>
/// A time slot on one day of the week. <see cref="Start"/> is inclusive, <see cref="End"/> exclusive,
/// <c>End &gt; Start</c>, and the slot never crosses midnight (the latest end is 23:59).
/// </summary>
public sealed record TimeWindow
{
    private static readonly string[] DayCodes = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public TimeWindow(DayOfWeek day, TimeOnly start, TimeOnly end)
    {
        Ensure.That(Enum.IsDefined(day), "day", "Jour inconnu.");
        Ensure.That(end > start, "end", "L'heure de fin doit être postérieure à l'heure de début, le même jour.");
        Day = day;
        Start = start;
        End = end;
    }

    public DayOfWeek Day { get; }
    public TimeOnly Start { get; }
    public TimeOnly End { get; }

    public double Hours => (End - Start).TotalHours;

    /// <summary>Day code of the matching format: mon tue wed thu fri sat sun.</summary>
    public static string DayCode(DayOfWeek day) => DayCodes[(int)day];

    public static DayOfWeek ParseDay(string? code, string field = "day")
    {
        var index = Array.IndexOf(DayCodes, code?.Trim().ToLowerInvariant());
        Ensure.That(index >= 0, field, "Jour inconnu : attendu mon, tue, wed, thu, fri, sat ou sun.");
        return (DayOfWeek)index;
    }

    /// <summary>
    /// <c>HH:MM</c>, 00:00 to 23:59, two digits each — read by hand: an instance holds hundreds of thousands of them, and
    /// <see cref="TimeOnly.TryParseExact(string, string, out TimeOnly)"/> reads the system clock at every call.
    /// </summary>
    public static TimeOnly ParseTime(string? text, string field)
    {
        static int Digit(char c) => c is >= '0' and <= '9' ? c - '0' : -100;
        var valid = text is { Length: 5 } && text[2] == ':';
        var hour = valid ? Digit(text![0]) * 10 + Digit(text[1]) : -1;
        var minute = valid ? Digit(text![3]) * 10 + Digit(text[4]) : -1;
        Ensure.That(hour is >= 0 and <= 23 && minute is >= 0 and <= 59, field, "Heure invalide : format attendu HH:MM.");
        return new TimeOnly(hour, minute);
    }

    public static TimeWindow Parse(string? day, string? start, string? end) =>
        new(ParseDay(day), ParseTime(start, "start"), ParseTime(end, "end"));

    public override string ToString() =>
        $"{DayCode(Day)} {Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
