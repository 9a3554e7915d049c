namespace Placement.Kernel;

/// <summary>
/// The service's calendar: « today » is the day in its time zone (<see cref="CalendarOptions.TimeZone"/>, Paris by
/// default) whatever the server's zone, and times, stored in UTC, are shown on its clocks. What needs the day or a local
/// time takes this rather than the <see cref="TimeProvider"/>, whose time <see cref="UtcNow"/> is.
/// </summary>
public sealed class ServiceCalendar(TimeProvider clock, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone ?? throw new ArgumentNullException(nameof(zone));

    /// <summary>Now, in UTC: what is stored.</summary>
    public DateTimeOffset UtcNow => clock.GetUtcNow();

    /// <summary>Today's date in the service's zone.</summary>
    public DateOnly Today => DayOf(UtcNow);

    /// <summary>The date of <paramref name="at"/> in the service's zone.</summary>
    public DateOnly DayOf(DateTimeOffset at)
    {
        var local = ToLocal(at);
        return new DateOnly(local.Year, local.Month, local.Day);
    }

    /// <summary>What the service's clocks read at <paramref name="at"/>, for display.</summary>
    public DateTime ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    /// <summary>When <paramref name="day"/> begins on the service's clocks (midnight there), in UTC.</summary>
    public DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary>The first instant after <paramref name="after"/> when the service's clocks read <paramref name="time"/>.</summary>
    public DateTimeOffset Next(TimeOnly time, DateTimeOffset after)
    {
        var day = DayOf(after);
        var at = At(day, time);
        return at > after ? at : At(day.AddDays(1), time);
    }

    /// <summary>Whole weeks from today to <paramref name="date"/> (see <see cref="WeeksBetween"/>).</summary>
    public int WeeksUntil(DateOnly date) => WeeksBetween(Today, date);

    /// <summary>Whole weeks from <paramref name="from"/> to <paramref name="to"/>, rounded down: 0 this week, negative once past.</summary>
    public static int WeeksBetween(DateOnly from, DateOnly to) => (int)Math.Floor(Weeks(from, to));

    /// <summary>
    /// Weeks from <paramref name="from"/> to <paramref name="to"/>: their days apart / 7, a fraction, negative once past — the one
    /// count of weeks between two days (until a deadline: <c>SentenceTerm.WeeksLeft</c>; rule 11's N; the score's urgency).
    /// </summary>
    public static double Weeks(DateOnly from, DateOnly to) => Weeks(from.DayNumber, to.DayNumber);

    /// <inheritdoc cref="Weeks(DateOnly, DateOnly)"/>
    public static double Weeks(int fromDayNumber, int toDayNumber) => (toDayNumber - fromDayNumber) / 7.0;

    private DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
