using System.Collections;

namespace Placement.Catalogue.Domain;

/// <summary>
/// A weekly pattern of time windows, normalised: sorted by day (Monday first) then start, with
/// overlapping or touching windows of the same day merged. Two schedules covering the same time are equal.
/// </summary>
public sealed class WeeklySchedule : IEquatable<WeeklySchedule>, IReadOnlyList<TimeWindow>
{
    private readonly TimeWindow[] _windows;
    private readonly TimeWindow[][] _byDay;
    private readonly int[] _weekMinutes;

    public WeeklySchedule(IEnumerable<TimeWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        // Plain arrays: an instance of the matching format builds one schedule per post and per person.
        var sorted = windows.ToArray();
        Array.Sort(sorted, static (a, b) => MondayFirst(a.Day) != MondayFirst(b.Day) ? MondayFirst(a.Day) - MondayFirst(b.Day) : a.Start.CompareTo(b.Start));
        var merged = new List<TimeWindow>(sorted.Length);
        foreach (var w in sorted)
        {
            if (merged.Count > 0 && merged[^1].Day == w.Day && w.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new TimeWindow(last.Day, last.Start, w.End > last.End ? w.End : last.End);
            }
            else merged.Add(w);
        }
        _windows = [.. merged];
        _byDay = new TimeWindow[7][];
        _weekMinutes = new int[2 * _windows.Length];
        var at = 0;
        for (var d = 0; d < 7; d++)
        {
            var day = Array.FindAll(_windows, w => (int)w.Day == d);
            _byDay[d] = day;
            foreach (var w in day)
            {
                _weekMinutes[at++] = MinuteOfWeek(w.Day, w.Start);
                _weekMinutes[at++] = MinuteOfWeek(w.Day, w.End);
            }
        }
    }

    /// <summary>
    /// The windows as minutes of the week from Sunday 00:00, start and end of each in turn, in time order — disjoint, none
    /// crossing midnight: what rule 11 intersects (<c>EligibilityRules.WeeklyHours</c>).
    /// </summary>
    public ReadOnlySpan<int> WeekMinutes => _weekMinutes;

    public const int MinutesPerDay = 24 * 60;

    private static int MinuteOfWeek(DayOfWeek day, TimeOnly time) => (int)day * MinutesPerDay + time.Hour * 60 + time.Minute;

    public static WeeklySchedule Empty { get; } = new([]);

    public int Count => _windows.Length;
    public TimeWindow this[int index] => _windows[index];

    /// <summary>Sum of all windows, in hours per week.</summary>
    public double TotalHours => _windows.Sum(w => w.Hours);

    /// <summary>The windows of one day, sorted by start.</summary>
    public IReadOnlyList<TimeWindow> On(DayOfWeek day) => _byDay[(int)day];

    /// <summary>Parses the compact form written by <see cref="ToString"/>: <c>mon 09:00-12:00; sat 08:00-17:00</c>.</summary>
    public static WeeklySchedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var windows = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part =>
            {
                var pieces = part.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
                Ensure.That(pieces.Length == 3, "schedule", $"Créneau illisible : « {part} ».");
                return TimeWindow.Parse(pieces[0], pieces[1], pieces[2]);
            });
        return new WeeklySchedule(windows);
    }

    public override string ToString() => string.Join("; ", _windows.Select(w => w.ToString()));

    public bool Equals(WeeklySchedule? other) => other is not null && _windows.SequenceEqual(other._windows);
    public override bool Equals(object? obj) => Equals(obj as WeeklySchedule);
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    public IEnumerator<TimeWindow> GetEnumerator() => ((IEnumerable<TimeWindow>)_windows).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int MondayFirst(DayOfWeek d) => ((int)d + 6) % 7;
}
