using Placement.Catalogue.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

/// <summary>
/// Rule 16, <c>workingTime</c> (R.623-16): a person's job and TIG together stay within the legal weekly working time plus 12 hours —
/// 47 h for an adult, 35 h for a minor. With C = limit − job hours and N rule 11's weeks, the post is excluded when C ≤ 0 or
/// C × N &lt; hoursRemaining; the pair's weekly hours are then min(W, C). The defaults of <see cref="Make"/>: W = 6 h a week
/// (Monday and Tuesday 09–12), N = 52 weeks exactly.
/// </summary>
public class WorkingTimeRuleTests
{
    private static MatchPerson Worker(double? job, double hours, Func<MatchPerson, MatchPerson>? with = null) =>
        Make.Person("p1", p => (with is null ? p : with(p)) with { WeeklyWorkHours = job, HoursRemaining = hours });

    private static readonly DateOnly Seventeen = Make.Today.AddYears(-17);

    [Fact]
    public void Evaluate_BreaksWorkingTimeOnly_WhenTheHoursTheJobLeavesDoNotFinishBeforeTheDeadline()
    {
        // 45 h job: C = 2 h, 2 × 52 = 104 < 200, while W × N = 312 would.
        var evaluation = EligibilityRules.Evaluate(Worker(45, 200), Make.Post(), Make.Today);

        Assert.Equal(Rule.WorkingTime, evaluation.Broken);
    }

    [Fact]
    public void Evaluate_IsEligible_WhenExactly47MinusTheJobHoursAWeekFinishTheHours()
    {
        // C = 47 − 45 = 2 h, N = 52: exactly 104 h.
        var evaluation = EligibilityRules.Evaluate(Worker(45, 104), Make.Post(), Make.Today);

        Assert.Equal(Rule.None, evaluation.Broken);
        Assert.Equal(52, evaluation.Weeks, 9);
    }

    [Theory]
    [InlineData(104.01)]
    [InlineData(105)]
    public void Evaluate_BreaksWorkingTime_WhenCTimesNIsJustShort(double hours)
    {
        Assert.Equal(Rule.WorkingTime, EligibilityRules.Evaluate(Worker(45, hours), Make.Post(), Make.Today).Broken);
    }

    [Theory]
    [InlineData(47)]
    [InlineData(50)]
    [InlineData(168)]
    public void Evaluate_BreaksWorkingTime_WhenTheJobAloneReachesTheLimit(double job)
    {
        // C ≤ 0: not even an hour of TIG, however far the deadline.
        Assert.Equal(Rule.WorkingTime, EligibilityRules.Evaluate(Worker(job, 1), Make.Post(), Make.Today).Broken);
    }

    [Fact]
    public void Evaluate_GivesMinOfWAndCAsWeeklyHours_WhenTheJobLeavesLessThanThePost()
    {
        // W = 6, C = 3: the pair gives 3 h a week, and the score's schedule margin is counted on 3 × 52 = 156 h.
        var person = Worker(44, 100);
        var evaluation = EligibilityRules.Evaluate(person, Make.Post(), Make.Today);

        Assert.True(evaluation.IsEligible);
        Assert.Equal(3, evaluation.WeeklyHours, 9);
        Assert.Equal(156, evaluation.AchievableHours, 9);
        Assert.Contains("3 h/semaine possibles", QualityScore.Parts(person, Make.Post(), evaluation, Make.Today).Single(p => p.Name == "schedule").Explanation);
    }

    [Fact]
    public void Evaluate_KeepsW_WhenTheJobLeavesMoreThanThePost()
    {
        // 20 h job: C = 27 ≥ W = 6.
        Assert.Equal(6, EligibilityRules.Evaluate(Worker(20, 60), Make.Post(), Make.Today).WeeklyHours, 9);
    }

    [Fact]
    public void Evaluate_IsExactlyTodaysRules_WhenThePersonHasNoJob()
    {
        var withoutJob = EligibilityRules.Evaluate(Worker(null, 60), Make.Post(), Make.Today);

        Assert.Equal(new Evaluation(Rule.None, withoutJob.DistanceKm, 6, 52), withoutJob);
        Assert.Equal(Rule.Schedule, EligibilityRules.Evaluate(Worker(null, 400), Make.Post(), Make.Today).Broken);
    }

    [Fact]
    public void Evaluate_BreaksBothRules_WhenNeitherThePostNorTheJobLeavesEnoughHours()
    {
        // W × N = 312 < 400 and C × N = 104 < 400.
        Assert.Equal(Rule.Schedule | Rule.WorkingTime, EligibilityRules.Evaluate(Worker(45, 400), Make.Post(), Make.Today).Broken);
    }

    [Fact]
    public void Evaluate_HoldsAMinorTo35HoursJobAndTigTogether()
    {
        // A minor with a 30 h job: C = 5, 5 × 52 = 260 ≥ 200; with a 32 h job C = 3, 156 < 200 — an adult with 32 h keeps C = 15.
        var minor = Worker(30, 200, p => p with { BirthDate = Seventeen });
        var evaluation = EligibilityRules.Evaluate(minor, Make.Post(), Make.Today);

        Assert.True(evaluation.IsEligible);
        Assert.Equal(5, evaluation.WeeklyHours, 9);
        Assert.Equal(Rule.WorkingTime, EligibilityRules.Evaluate(Worker(32, 200, p => p with { BirthDate = Seventeen }), Make.Post(), Make.Today).Broken);
        Assert.Equal(Rule.None, EligibilityRules.Evaluate(Worker(32, 200), Make.Post(), Make.Today).Broken);
    }

    [Fact]
    public void Evaluate_ReadsTheWeeksOfEachPost_WhenAPostClosesEarly()
    {
        // The post closes after 26 weeks: C = 4 gives 104 < 150; the same job on the default post gives 208.
        var early = Make.Post(with: q => q with { OpenUntil = Make.Today.AddDays(26 * 7) });

        Assert.Equal(Rule.WorkingTime, EligibilityRules.Evaluate(Worker(43, 150), early, Make.Today).Broken);
        Assert.Equal(Rule.None, EligibilityRules.Evaluate(Worker(43, 150), Make.Post(), Make.Today).Broken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(41)]
    [InlineData(42.5)]
    [InlineData(44)]
    [InlineData(45)]
    [InlineData(46.9)]
    public void Rules11And16Together_AreExactly_MinOfWAndCTimesNFinishingTheHours(double job)
    {
        foreach (var hours in new[] { 1.0, 50, 100, 104, 150, 200, 260, 312, 313 })
        {
            var evaluation = EligibilityRules.Evaluate(Worker(job, hours), Make.Post(), Make.Today);
            var capped = Math.Min(6, 47 - job);
            Assert.Equal(capped * 52 >= hours - 1e-9, (evaluation.Broken & (Rule.Schedule | Rule.WorkingTime)) == Rule.None);
        }
    }

    [Fact]
    public void WorkingTime_IsNamedAndLabelled_AndListedAfterSchedule()
    {
        Assert.Equal("workingTime", RuleNames.Name(Rule.WorkingTime));
        Assert.Contains("temps de travail", RuleNames.Label(Rule.WorkingTime), StringComparison.Ordinal);
        Assert.Equal(Array.IndexOf(RuleNames.All, Rule.Schedule) + 1, Array.IndexOf(RuleNames.All, Rule.WorkingTime));
        Assert.Equal(RuleNames.All.Length, RuleNames.All.Distinct().Count());
        Assert.Equal(RuleNames.All.Aggregate(Rule.None, (a, r) => a | r), Enum.GetValues<Rule>().Aggregate(Rule.None, (a, r) => a | r));
    }

    [Fact]
    public void Solve_LeavesAPersonWithA45HourJobUnplaced_WithWorkingTimeCountedOverEveryPost()
    {
        // Three posts, one far away (Marseille): the job excludes all three, distance one.
        var posts = new[]
        {
            Make.Post("q1"), Make.Post("q2", "org-2"),
            Make.Post("q3", "org-3", q => q with { Location = new GeoPoint(43.3, 5.4) }),
        };
        var result = new AssignmentSolver().Solve(Make.Instance([Worker(45, 200), Make.Person("p2")], posts));

        var unassigned = Assert.Single(result.Unassigned);
        Assert.Equal("p1", unassigned.PersonId);
        Assert.Equal(UnassignedReasons.NoEligiblePost, unassigned.Reason);
        Assert.Equal(new Dictionary<string, int> { ["distance"] = 1, ["workingTime"] = 3 }, unassigned.BlockingRules);
        Assert.Equal("p2", Assert.Single(result.Assignments).PersonId);
    }

    [Fact]
    public void Solve_ReportsTheWeeklyHoursTheJobLeaves_WhenAPersonWithAJobIsPlaced()
    {
        var result = new AssignmentSolver().Solve(Make.Instance([Worker(44, 100)], [Make.Post()]));

        var assignment = Assert.Single(result.Assignments);
        Assert.Equal(3, assignment.WeeklyHours, 9);
        Assert.Contains(assignment.Explanation, line => line.StartsWith("3 h/semaine possibles", StringComparison.Ordinal));
    }

    [Fact]
    public void Solve_PlacesAMinorWithAJob_OnlyWhere35HoursTogetherFinishTheHours()
    {
        // Minor, 30 h job (C = 5): 200 h fit in 52 weeks on the open-ended post, not on the one closing after 26 weeks (130 h).
        var minor = Worker(30, 200, p => p with { BirthDate = Seventeen });
        var early = Make.Post("q2", "org-2", q => q with { OpenUntil = Make.Today.AddDays(26 * 7) });

        var placed = new AssignmentSolver().Solve(Make.Instance([minor], [Make.Post("q1"), early]));
        Assert.Equal("q1", Assert.Single(placed.Assignments).PostId);
        var unplaced = new AssignmentSolver().Solve(Make.Instance([minor], [early]));
        Assert.Equal(new Dictionary<string, int> { ["schedule"] = 1, ["workingTime"] = 1 }, Assert.Single(unplaced.Unassigned).BlockingRules);
    }

    [Fact]
    public void PersonSide_WorksOutWhatTheJobLeaves_OnceForThePerson()
    {
        var adult = new PersonSide(Worker(40, 60), Make.Today, cache: null);
        var minor = new PersonSide(Worker(30, 60, p => p with { BirthDate = Seventeen }), Make.Today, cache: null);
        var none = new PersonSide(Worker(null, 60), Make.Today, cache: null);

        Assert.Equal(7, adult.WorkingTimeLeft, 9);
        Assert.Equal(5, minor.WorkingTimeLeft, 9);
        Assert.False(none.HasJob);
        Assert.True(none.WithinWorkingTime(-3));
        Assert.Equal(6, none.CapByWorkingTime(6), 9);
        Assert.Equal(0, new PersonSide(Worker(60, 60), Make.Today, cache: null).CapByWorkingTime(6), 9);
    }
}
