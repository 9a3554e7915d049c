using Placement.Catalogue.Domain;
using Placement.Matching.Domain;

namespace Placement.Matching.Engine;

/// <summary>A session's day and hours, on the service's clocks.</summary>
public readonly record struct WorkSlot(DateOnly Date, TimeOnly Start, TimeOnly End)
{
    public double Hours => (End - Start).TotalHours;
}

/// <summary>What the planner proposes: the sessions, in time order, and the hours that do not fit before the deadline.</summary>
public sealed record SessionPlan(IReadOnlyList<WorkSlot> Slots, double Shortfall)
{
    public double PlannedHours => Slots.Sum(s => s.Hours);
}

/// <summary>
/// What the sessions of a placement are planned from: the post's schedule, weekly cap and open dates, the person's
/// availability and birth date (minors), the département where the work is done (its public holidays), the deadline, the hours to plan from
/// <see cref="From"/>, and the sessions already held or planned (they count towards the week's cap, and their day is taken).
/// </summary>
public sealed record PlanningRequest(
    WeeklySchedule PostSchedule, double MaxWeeklyHoursPerPerson, DateRange OpenPeriod, WeeklySchedule Availability,
    DateOnly BirthDate, string Departement, DateOnly From, DateOnly Deadline, double Hours, IReadOnlyList<WorkSlot> Taken)
{
    /// <summary>
    /// Hours a week of the person's job, when they have one: job and TIG together stay within the legal limit (R.623-16) — the TIG
    /// minutes planned in a Monday–Sunday week are at most (47, or 35 for a minor that day) − this, never negative. Null: no job.
    /// </summary>
    public double? WeeklyWorkHours { get; init; }
}

/// <summary>
/// Plans the sessions of a placement, day by day from the first open day: on each day, the windows where the post's
/// schedule meets the person's availability (rule 11's daily overlap), within the post's weekly cap per person; for a minor,
/// only between 06:00 and 22:00, at most 8 h a day and 35 h a week (the limits rule 11 reads); with a job
/// (<see cref="PlanningRequest.WeeklyWorkHours"/>), at most what it leaves of 47 h a week — 35 h for a minor that day — job and
/// TIG together (R.623-16, rule 16); never on a public holiday
/// nor on a day that already has a session; a session lasts at least an hour unless it finishes the hours. It stops at the
/// hours to plan, or at the deadline or the post's closing, whichever is first — what is left is the shortfall.
/// </summary>
public static class SessionPlanner
{
    /// <summary>The shortest session planned, unless it is the last one (it finishes the hours).</summary>
    public const int MinSessionMinutes = 60;

    /// <summary>An adult's day: at most a 10-hour session (code du travail L.3121-18).</summary>
    public const int MaxDailyMinutes = 10 * 60;

    public static SessionPlan Plan(PlanningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var remaining = (int)Math.Ceiling(Math.Round(request.Hours * 60, 6));
        var slots = new List<WorkSlot>();
        var first = request.From > request.OpenPeriod.Start ? request.From : request.OpenPeriod.Start;
        var last = request.Deadline < request.OpenPeriod.End ? request.Deadline : request.OpenPeriod.End;
        var takenDays = request.Taken.Select(t => t.Date).ToHashSet();
        var weekMinutes = new Dictionary<DateOnly, int>();
        foreach (var t in request.Taken) Add(weekMinutes, WeekOf(t.Date), (int)Math.Round(t.Hours * 60));

        for (var day = first; day <= last && remaining > 0; day = day.AddDays(1))
        {
            if (takenDays.Contains(day) || PublicHolidays.IsHoliday(day, request.Departement)) continue;
            var minor = Age.IsMinorOn(request.BirthDate, day);
            var weekly = minor ? Math.Min(request.MaxWeeklyHoursPerPerson, EligibilityRules.MinorMaxWeeklyHours) : request.MaxWeeklyHoursPerPerson;
            // R.623-16: what the job leaves of the week (rule 16's C on that day), never below 0.
            if (request.WeeklyWorkHours is { } job) weekly = Math.Min(weekly, Math.Max(0, EligibilityRules.MaxWeeklyWorkingHours(minor) - job));
            var weekCap = (int)Math.Floor(Math.Round(60 * weekly, 6));
            var week = WeekOf(day);
            var dayLeft = minor ? EligibilityRules.MinorMaxDailyMinutes : MaxDailyMinutes;
            foreach (var (start, end) in Windows(request.PostSchedule, request.Availability, day.DayOfWeek, minor))
            {
                var length = Math.Min(Math.Min(end - start, dayLeft), Math.Min(weekCap - weekMinutes.GetValueOrDefault(week), remaining));
                if (length <= 0 || (length < MinSessionMinutes && length < remaining)) continue;
                slots.Add(new WorkSlot(day, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start + length))));
                remaining -= length;
                dayLeft -= length;
                Add(weekMinutes, week, length);
                if (remaining <= 0) break;
            }
        }
        return new SessionPlan(slots, Math.Max(0, remaining) / 60.0);
    }

    /// <summary>The windows of one day where the schedule meets the availability, in minutes of the day; a minor's within 06:00–22:00.</summary>
    public static IEnumerable<(int Start, int End)> Windows(WeeklySchedule schedule, WeeklySchedule availability, DayOfWeek day, bool minor)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(availability);
        foreach (var w in schedule.On(day))
            foreach (var a in availability.On(day))
            {
                var start = Math.Max(Minutes(w.Start), Minutes(a.Start));
                var end = Math.Min(Minutes(w.End), Minutes(a.End));
                if (minor)
                {
                    start = Math.Max(start, EligibilityRules.MinorDayStart);
                    end = Math.Min(end, EligibilityRules.MinorDayEnd);
                }
                if (end > start) yield return (start, end);
            }
    }

    /// <summary>The Monday of the week of <paramref name="day"/>: the weekly cap is counted Monday to Sunday.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static int Minutes(TimeOnly t) => t.Hour * 60 + t.Minute;

    private static void Add(Dictionary<DateOnly, int> weeks, DateOnly week, int minutes) => weeks[week] = weeks.GetValueOrDefault(week) + minutes;
}
