using Placement.Catalogue.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

/// <summary>
/// The session planner, as specified: from <c>From</c> (never before the post opens) to the deadline or the post's
/// closing, whichever is first, both inclusive; each day, the windows where the post's schedule meets the person's
/// availability, one session each, in time order, cut to the hours asked; the post's weekly cap (Monday–Sunday, the
/// sessions already taken included); an adult's day at most 10 h; a minor only within 06:00–22:00, 8 h a day, 35 h a week;
/// no session under an hour unless it finishes the hours; no session on a day already taken nor on a public holiday.
/// Every expected value below is worked out by hand from the calendar (January 2027: Monday 4, Monday 11; Easter 2027:
/// Sunday 28 March).
/// </summary>
public class SessionPlannerTests
{
    private static readonly DateOnly Mon4Jan = new(2027, 1, 4);
    private static readonly DateOnly Sun10Jan = new(2027, 1, 10);

    private const string Weekdays = "mon tue wed thu fri";
    private const string AllWeek = "mon tue wed thu fri sat sun";

    /// <summary>The same window on each of the given days: <c>Days("mon tue", "09:00-17:00")</c>.</summary>
    private static WeeklySchedule Days(string days, string window) =>
        WeeklySchedule.Parse(string.Join("; ", days.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => $"{d} {window}")));

    private static readonly DateOnly Adult = new(1990, 6, 15);

    private static SessionPlan Plan(
        WeeklySchedule post, WeeklySchedule availability, DateOnly from, DateOnly deadline, double hours,
        double weeklyCap = 48, DateRange? open = null, DateOnly? birthDate = null, string departement = "75",
        IReadOnlyList<WorkSlot>? taken = null, double? job = null) =>
        SessionPlanner.Plan(new PlanningRequest(
            post, weeklyCap, open ?? new DateRange(new(2020, 1, 1), new(2040, 12, 31)), availability,
            birthDate ?? Adult, departement, from, deadline, hours, taken ?? []) { WeeklyWorkHours = job });

    private static WorkSlot Slot(int year, int month, int day, string start, string end) =>
        new(new DateOnly(year, month, day), TimeOnly.Parse(start), TimeOnly.Parse(end));

    private static void AssertSlots(SessionPlan plan, params WorkSlot[] expected) => Assert.Equal(expected, plan.Slots);

    // ---- schedule ∩ availability -------------------------------------------------------------------------------------

    [Fact]
    public void ASession_IsWhereThePostsScheduleMeetsThePersonsAvailability()
    {
        // Post: Monday 09–17. Person: Monday 13–19 and Tuesday 09–12 (the post is closed on Tuesdays).
        var plan = Plan(WeeklySchedule.Parse("mon 09:00-17:00"), WeeklySchedule.Parse("mon 13:00-19:00; tue 09:00-12:00"),
            Mon4Jan, Sun10Jan, hours: 10);

        AssertSlots(plan, Slot(2027, 1, 4, "13:00", "17:00"));
        Assert.Equal(6, plan.Shortfall, 6);
    }

    [Fact]
    public void TwoOverlapsInADay_AreTwoSessions_InTimeOrder()
    {
        // Post: Monday 08–12 and 13–18. Person: Monday 10–15 → 10–12 and 13–15.
        var plan = Plan(WeeklySchedule.Parse("mon 13:00-18:00; mon 08:00-12:00"), WeeklySchedule.Parse("mon 10:00-15:00"),
            Mon4Jan, Sun10Jan, hours: 4);

        AssertSlots(plan, Slot(2027, 1, 4, "10:00", "12:00"), Slot(2027, 1, 4, "13:00", "15:00"));
        Assert.Equal(0, plan.Shortfall, 6);
    }

    [Fact]
    public void NoOverlapAtAll_LeavesEverythingAsShortfall()
    {
        var plan = Plan(WeeklySchedule.Parse("mon 09:00-12:00; wed 09:00-12:00"), WeeklySchedule.Parse("tue 09:00-12:00; mon 14:00-18:00"),
            Mon4Jan, new(2027, 1, 31), hours: 20);

        Assert.Empty(plan.Slots);
        Assert.Equal(20, plan.Shortfall, 6);
    }

    [Fact]
    public void TheLastSession_IsCutToFinishExactlyTheHoursAsked_AndNothingMoreIsPlanned()
    {
        // 10 h on weekdays 09–17: Monday 8 h, Tuesday the 2 h left; nothing after.
        var plan = Plan(Days(Weekdays, "09:00-17:00"), Days(Weekdays, "08:00-18:00"), Mon4Jan, Sun10Jan, hours: 10);

        AssertSlots(plan, Slot(2027, 1, 4, "09:00", "17:00"), Slot(2027, 1, 5, "09:00", "11:00"));
        Assert.Equal(10, plan.PlannedHours, 6);
        Assert.Equal(0, plan.Shortfall, 6);
    }

    // ---- weekly cap, Monday to Sunday ------------------------------------------------------------------------------

    [Fact]
    public void ThePostsWeeklyCap_IsNeverExceeded_AndStartsAgainOnMonday()
    {
        // Cap 12 h; weekdays 09–17: Monday 8 h + Tuesday 4 h each week, two weeks (4–17 January) → 24 h of 30.
        var plan = Plan(Days(Weekdays, "09:00-17:00"), Days(Weekdays, "09:00-17:00"), Mon4Jan, new(2027, 1, 17), hours: 30, weeklyCap: 12);

        AssertSlots(plan,
            Slot(2027, 1, 4, "09:00", "17:00"), Slot(2027, 1, 5, "09:00", "13:00"),
            Slot(2027, 1, 11, "09:00", "17:00"), Slot(2027, 1, 12, "09:00", "13:00"));
        Assert.Equal(6, plan.Shortfall, 6);
    }

    [Fact]
    public void TheWeeklyCap_CountsTheSessionsAlreadyTakenThatWeek_SundayClosingTheWeek()
    {
        // Cap 12 h; a session taken on Sunday 10 January (8 h) belongs to the week of Monday 4: only 4 h are left there,
        // on Monday 4; Sunday is taken; Monday 11 opens a new week.
        var taken = new[] { Slot(2027, 1, 10, "09:00", "17:00") };
        var plan = Plan(Days(AllWeek, "09:00-17:00"), Days(AllWeek, "09:00-17:00"), Mon4Jan, new(2027, 1, 11), hours: 20,
            weeklyCap: 12, taken: taken);

        AssertSlots(plan, Slot(2027, 1, 4, "09:00", "13:00"), Slot(2027, 1, 11, "09:00", "17:00"));
        Assert.Equal(8, plan.Shortfall, 6);
    }

    [Fact]
    public void ASessionTakenTheSundayBefore_DoesNotCountTowardsTheNextWeek()
    {
        // Sunday 3 January is in the week of Monday 28 December: the week of Monday 4 has its whole 12 h.
        var taken = new[] { Slot(2027, 1, 3, "09:00", "17:00") };
        var plan = Plan(Days(Weekdays, "09:00-17:00"), Days(Weekdays, "09:00-17:00"), Mon4Jan, Sun10Jan, hours: 12,
            weeklyCap: 12, taken: taken);

        AssertSlots(plan, Slot(2027, 1, 4, "09:00", "17:00"), Slot(2027, 1, 5, "09:00", "13:00"));
        Assert.Equal(0, plan.Shortfall, 6);
    }

    [Fact]
    public void ADayThatAlreadyHasASession_IsSkipped()
    {
        var taken = new[] { Slot(2027, 1, 4, "09:00", "10:00") };
        var plan = Plan(Days(Weekdays, "09:00-17:00"), Days(Weekdays, "09:00-17:00"), Mon4Jan, Sun10Jan, hours: 5, taken: taken);

        AssertSlots(plan, Slot(2027, 1, 5, "09:00", "14:00"));
        Assert.Equal(0, plan.Shortfall, 6);
    }

    // ---- open dates, From, deadline --------------------------------------------------------------------------------

    [Fact]
    public void NothingIsPlanned_OutsideThePostsOpenDates()
    {
        // Open Wednesday 6 – Friday 8 January only; asked from Monday 4 with a deadline at the end of the month.
        var plan = Plan(Days(Weekdays, "09:00-17:00"), Days(Weekdays, "09:00-17:00"), Mon4Jan, new(2027, 1, 31), hours: 40,
            open: new DateRange(new(2027, 1, 6), new(2027, 1, 8)));

        AssertSlots(plan, Slot(2027, 1, 6, "09:00", "17:00"), Slot(2027, 1, 7, "09:00", "17:00"), Slot(2027, 1, 8, "09:00", "17:00"));
        Assert.Equal(16, plan.Shortfall, 6);
    }

    [Fact]
    public void PlanningStartsOnFrom_Inclusive_AndEndsOnTheDeadline_Inclusive()
    {
        // From Tuesday 5 to Thursday 7: three days of 8 h, Monday 4 and Friday 8 left out.
        var plan = Plan(Days(Weekdays, "09:00-17:00"), Days(Weekdays, "09:00-17:00"), new(2027, 1, 5), new(2027, 1, 7), hours: 30);

        AssertSlots(plan, Slot(2027, 1, 5, "09:00", "17:00"), Slot(2027, 1, 6, "09:00", "17:00"), Slot(2027, 1, 7, "09:00", "17:00"));
        Assert.Equal(6, plan.Shortfall, 6);
    }

    [Fact]
    public void ADeadlineBeforeFrom_PlansNothing_AndAllTheHoursAreShortfall()
    {
        var plan = Plan(Days(Weekdays, "09:00-17:00"), Days(Weekdays, "09:00-17:00"), new(2027, 1, 11), Sun10Jan, hours: 12.5);

        Assert.Empty(plan.Slots);
        Assert.Equal(12.5, plan.Shortfall, 6);
    }

    // ---- an adult's day, the shortest session -----------------------------------------------------------------------

    [Fact]
    public void AnAdult_IsNeverPlannedMoreThan10HoursADay()
    {
        // Monday 07–20 (13 h) only: 07–17, and 2 h short.
        var plan = Plan(WeeklySchedule.Parse("mon 07:00-20:00"), WeeklySchedule.Parse("mon 06:00-21:00"), Mon4Jan, Sun10Jan, hours: 12);

        AssertSlots(plan, Slot(2027, 1, 4, "07:00", "17:00"));
        Assert.Equal(2, plan.Shortfall, 6);
    }

    [Fact]
    public void TheTenHoursOfAnAdultsDay_AreCountedOverAllTheDaysSessions()
    {
        // Monday 06–12 and 13–20: 6 h, then 4 h (13–17) to reach 10 h.
        var plan = Plan(WeeklySchedule.Parse("mon 06:00-12:00; mon 13:00-20:00"), WeeklySchedule.Parse("mon 05:00-22:00"),
            Mon4Jan, Sun10Jan, hours: 15);

        AssertSlots(plan, Slot(2027, 1, 4, "06:00", "12:00"), Slot(2027, 1, 4, "13:00", "17:00"));
        Assert.Equal(5, plan.Shortfall, 6);
    }

    [Fact]
    public void AWindowShorterThanAnHour_IsNotPlanned_UnlessItFinishesTheHours()
    {
        // Monday 09:00–09:45 is 45 min and 5 h are left: skipped; 10:00–15:00 follows.
        var plan = Plan(WeeklySchedule.Parse("mon 09:00-09:45; mon 10:00-18:00"), WeeklySchedule.Parse("mon 08:00-18:00"),
            Mon4Jan, Sun10Jan, hours: 5);

        AssertSlots(plan, Slot(2027, 1, 4, "10:00", "15:00"));
    }

    [Fact]
    public void ASessionCutUnderAnHourByTheWeeklyCap_IsNotPlanned()
    {
        // Cap 8.5 h: Monday 8 h, then only 30 min are left in the week for Tuesday — and 12 h remain: no Tuesday session.
        var plan = Plan(Days(Weekdays, "09:00-17:00"), Days(Weekdays, "09:00-17:00"), Mon4Jan, Sun10Jan, hours: 20, weeklyCap: 8.5);

        AssertSlots(plan, Slot(2027, 1, 4, "09:00", "17:00"));
        Assert.Equal(12, plan.Shortfall, 6);
    }

    [Fact]
    public void TheLastSession_MayBeShorterThanAnHour_WhenItFinishesTheHours()
    {
        // 8.5 h: Monday 8 h, Tuesday the last 30 min.
        var plan = Plan(Days(Weekdays, "09:00-17:00"), Days(Weekdays, "09:00-17:00"), Mon4Jan, Sun10Jan, hours: 8.5);

        AssertSlots(plan, Slot(2027, 1, 4, "09:00", "17:00"), Slot(2027, 1, 5, "09:00", "09:30"));
        Assert.Equal(0, plan.Shortfall, 6);
    }

    // ---- minors --------------------------------------------------------------------------------------------------

    private static readonly DateOnly Sixteen = new(2010, 5, 1); // 16 in January 2027

    [Fact]
    public void AMinor_IsNeverPlannedBefore6OrAfter22()
    {
        // Saturday 9 January, post and person 04–07 and 21–23:30: a minor gets 06–07 and 21–22 only.
        var both = WeeklySchedule.Parse("sat 04:00-07:00; sat 21:00-23:30");
        var plan = Plan(both, both, Mon4Jan, Sun10Jan, hours: 5, birthDate: Sixteen);

        AssertSlots(plan, Slot(2027, 1, 9, "06:00", "07:00"), Slot(2027, 1, 9, "21:00", "22:00"));
        Assert.Equal(3, plan.Shortfall, 6);
    }

    [Fact]
    public void AnAdult_MayBePlannedBefore6AndAfter22_WithTheSameSchedule()
    {
        var both = WeeklySchedule.Parse("sat 04:00-07:00; sat 21:00-23:30");
        var plan = Plan(both, both, Mon4Jan, Sun10Jan, hours: 5.5);

        AssertSlots(plan, Slot(2027, 1, 9, "04:00", "07:00"), Slot(2027, 1, 9, "21:00", "23:30"));
        Assert.Equal(0, plan.Shortfall, 6);
    }

    [Fact]
    public void AMinor_IsNeverPlannedMoreThan8HoursADay()
    {
        // Saturday 08–20 (12 h): a minor 08–16.
        var both = WeeklySchedule.Parse("sat 08:00-20:00");
        var plan = Plan(both, both, Mon4Jan, Sun10Jan, hours: 10, birthDate: Sixteen);

        AssertSlots(plan, Slot(2027, 1, 9, "08:00", "16:00"));
        Assert.Equal(2, plan.Shortfall, 6);
    }

    [Fact]
    public void AMinor_IsNeverPlannedMoreThan35HoursAWeek_EvenWhenThePostAllowsMore()
    {
        // 08–16 every day, post cap 40 h: Monday–Thursday 32 h, Friday 3 h (08–11), then the week is full.
        var both = Days(AllWeek, "08:00-16:00");
        var plan = Plan(both, both, Mon4Jan, Sun10Jan, hours: 50, weeklyCap: 40, birthDate: Sixteen);

        AssertSlots(plan,
            Slot(2027, 1, 4, "08:00", "16:00"), Slot(2027, 1, 5, "08:00", "16:00"), Slot(2027, 1, 6, "08:00", "16:00"),
            Slot(2027, 1, 7, "08:00", "16:00"), Slot(2027, 1, 8, "08:00", "11:00"));
        Assert.Equal(15, plan.Shortfall, 6);
    }

    [Fact]
    public void AMinor_IsHeldToAPostsCapBelow35()
    {
        var both = Days(AllWeek, "08:00-16:00");
        var plan = Plan(both, both, Mon4Jan, Sun10Jan, hours: 50, weeklyCap: 20, birthDate: Sixteen);

        Assert.Equal(20, plan.PlannedHours, 6);
        Assert.Equal(30, plan.Shortfall, 6);
    }

    [Fact]
    public void APersonTurning18DuringThePlan_GetsAdultLimitsFromTheirBirthday()
    {
        // Born 6 January 2009: a minor on Monday 4 and Tuesday 5 (06–14, 8 h), an adult from Wednesday 6 (05–15, 10 h).
        var both = Days(Weekdays, "05:00-19:00");
        var plan = Plan(both, both, Mon4Jan, Sun10Jan, hours: 40, weeklyCap: 60, birthDate: new(2009, 1, 6));

        AssertSlots(plan,
            Slot(2027, 1, 4, "06:00", "14:00"), Slot(2027, 1, 5, "06:00", "14:00"),
            Slot(2027, 1, 6, "05:00", "15:00"), Slot(2027, 1, 7, "05:00", "15:00"), Slot(2027, 1, 8, "05:00", "09:00"));
        Assert.Equal(0, plan.Shortfall, 6);
    }

    [Fact]
    public void APersonBornOn29February_IsStillAMinorOn28February_AndAnAdultOn1March_InACommonYear()
    {
        // Born 29 February 2012; 2030 is a common year: Thursday 28 February a minor (06–14), Friday 1 March an adult (05–15).
        var both = Days(AllWeek, "05:00-19:00");
        var plan = Plan(both, both, new(2030, 2, 28), new(2030, 3, 1), hours: 20, birthDate: new(2012, 2, 29));

        AssertSlots(plan, Slot(2030, 2, 28, "06:00", "14:00"), Slot(2030, 3, 1, "05:00", "15:00"));
        Assert.Equal(2, plan.Shortfall, 6);
    }

    // ---- public holidays ----------------------------------------------------------------------------------------

    [Fact]
    public void NoSessionIsPlanned_OnAscensionNorOn8May()
    {
        // Week of Monday 3 May 2027: Ascension is Thursday 6 May (Easter 28 March + 39), Saturday 8 May is Victory day.
        var both = Days(AllWeek, "09:00-12:00");
        var plan = Plan(both, both, new(2027, 5, 3), new(2027, 5, 9), hours: 100);

        Assert.Equal(new DateOnly[] { new(2027, 5, 3), new(2027, 5, 4), new(2027, 5, 5), new(2027, 5, 7), new(2027, 5, 9) },
            plan.Slots.Select(s => s.Date));
        Assert.Equal(85, plan.Shortfall, 6);
    }

    [Fact]
    public void GoodFriday_IsSkippedInMoselle_ButWorkedInParis_AndEasterMondayIsSkippedInBoth()
    {
        // Thursday 25 – Tuesday 30 March 2027, weekdays: Good Friday 26, Easter Monday 29.
        var both = Days(Weekdays, "09:00-12:00");
        var paris = Plan(both, both, new(2027, 3, 25), new(2027, 3, 30), hours: 100, departement: "75");
        var moselle = Plan(both, both, new(2027, 3, 25), new(2027, 3, 30), hours: 100, departement: "57");

        Assert.Equal(new DateOnly[] { new(2027, 3, 25), new(2027, 3, 26), new(2027, 3, 30) }, paris.Slots.Select(s => s.Date));
        Assert.Equal(new DateOnly[] { new(2027, 3, 25), new(2027, 3, 30) }, moselle.Slots.Select(s => s.Date));
    }

    [Fact]
    public void TheAbolitionOfSlaveryDay_IsSkippedInLaReunion_Only()
    {
        // Mondays 20 and 27 December 2027: 20 December is the day in La Réunion (974).
        var both = WeeklySchedule.Parse("mon 09:00-12:00");
        var reunion = Plan(both, both, new(2027, 12, 20), new(2027, 12, 27), hours: 100, departement: "974");
        var paris = Plan(both, both, new(2027, 12, 20), new(2027, 12, 27), hours: 100, departement: "75");

        Assert.Equal(new DateOnly[] { new(2027, 12, 27) }, reunion.Slots.Select(s => s.Date));
        Assert.Equal(new DateOnly[] { new(2027, 12, 20), new(2027, 12, 27) }, paris.Slots.Select(s => s.Date));
    }

    [Fact]
    public void AHolidaySkipped_IsMadeUpOnTheNextOpenDay()
    {
        // Wednesday 14 July 2027 is skipped; 6 h on Wednesdays and Thursdays 09–12 from Monday 12 → Thursday 15, Wednesday 21.
        var both = WeeklySchedule.Parse("wed 09:00-12:00; thu 09:00-12:00");
        var plan = Plan(both, both, new(2027, 7, 12), new(2027, 7, 31), hours: 6);

        AssertSlots(plan, Slot(2027, 7, 15, "09:00", "12:00"), Slot(2027, 7, 21, "09:00", "12:00"));
    }

    // ---- a job: R.623-16, job and TIG together within 47 h a week (35 h for a minor) -------------------------------------

    [Fact]
    public void Plan_CapsTheTigAt7HoursAWeek_WhenAnAdultWorks40HoursAtTheirJob()
    {
        // Weekdays 09–17, post cap 48 h: 47 − 40 = 7 h a week — Monday 09–16 each week, two weeks (4–17 January).
        var both = Days(Weekdays, "09:00-17:00");
        var plan = Plan(both, both, Mon4Jan, new(2027, 1, 17), hours: 30, job: 40);

        AssertSlots(plan, Slot(2027, 1, 4, "09:00", "16:00"), Slot(2027, 1, 11, "09:00", "16:00"));
        Assert.Equal(16, plan.Shortfall, 6);
    }

    [Fact]
    public void Plan_CapsTheTigAt5HoursAWeek_WhenAMinorWorks30HoursAtTheirJob()
    {
        // 35 − 30 = 5 h a week for a minor, whatever the post's cap and the 8 h of their day.
        var both = Days(AllWeek, "08:00-16:00");
        var plan = Plan(both, both, Mon4Jan, Sun10Jan, hours: 50, weeklyCap: 40, birthDate: Sixteen, job: 30);

        AssertSlots(plan, Slot(2027, 1, 4, "08:00", "13:00"));
        Assert.Equal(45, plan.Shortfall, 6);
    }

    [Fact]
    public void Plan_IsUnchanged_WhenThePersonHasNoJob()
    {
        var both = Days(Weekdays, "09:00-17:00");
        var without = Plan(both, both, Mon4Jan, new(2027, 1, 17), hours: 30, weeklyCap: 12);
        var withNull = Plan(both, both, Mon4Jan, new(2027, 1, 17), hours: 30, weeklyCap: 12, job: null);

        Assert.Equal(without.Slots, withNull.Slots);
        Assert.Equal(24, withNull.PlannedHours, 6);
    }

    [Fact]
    public void Plan_KeepsThePostsCap_WhenItIsBelowWhatTheJobLeaves()
    {
        // Post cap 12 h, job 20 h (27 h left): the post's 12 h a week.
        var both = Days(Weekdays, "09:00-17:00");
        var plan = Plan(both, both, Mon4Jan, Sun10Jan, hours: 30, weeklyCap: 12, job: 20);

        Assert.Equal(12, plan.PlannedHours, 6);
    }

    [Fact]
    public void Plan_PlansNothing_WhenTheJobAloneReachesTheLimit()
    {
        // 50 h of job: 47 − 50 < 0, no TIG hour that week nor any other.
        var both = Days(Weekdays, "09:00-17:00");
        var plan = Plan(both, both, Mon4Jan, new(2027, 1, 17), hours: 10, job: 50);

        Assert.Empty(plan.Slots);
        Assert.Equal(10, plan.Shortfall, 6);
    }

    [Fact]
    public void Plan_CountsTheSessionsAlreadyTaken_AgainstWhatTheJobLeaves()
    {
        // Job 42 h (5 h left); 3 h already held on Monday 4: Tuesday 5 gets 2 h, then the week is full; Monday 11 the next 5 h.
        var both = Days(Weekdays, "09:00-17:00");
        var plan = Plan(both, both, Mon4Jan, new(2027, 1, 17), hours: 7, job: 42, taken: [Slot(2027, 1, 4, "09:00", "12:00")]);

        AssertSlots(plan, Slot(2027, 1, 5, "09:00", "11:00"), Slot(2027, 1, 11, "09:00", "14:00"));
    }
}
