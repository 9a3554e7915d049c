using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Features.AssignmentRuns;
using Placement.Matching.Features.DeadlineWatch;

namespace Placement.Matching.Tests;

/// <summary>Weeks until the deadline: one count (<see cref="SentenceTerm.WeeksLeft"/>), read by the deadline watch, the caseload and the score.</summary>
public class WeeksUntilTheDeadlineTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static SentenceTerm DueIn(int days, params DateRange[] suspensions) => new(Today.AddDays(-30), Today.AddDays(days), suspensions);

    [Theory]
    [InlineData(14, 2.0, 2)]
    [InlineData(10, 10 / 7.0, 1)]
    [InlineData(6, 6 / 7.0, 0)]
    [InlineData(0, 0.0, 0)]
    [InlineData(-1, -1 / 7.0, -1)]
    public void WeeksLeft_AreTheDaysToTheDeadlineOverSeven_AndWholeWeeksRoundDown(int days, double weeks, int whole)
    {
        var term = DueIn(days);
        Assert.Equal(weeks, term.WeeksLeft(Today), 12);
        Assert.Equal(whole, term.WholeWeeksLeft(Today));
    }

    [Fact]
    public void WeeksLeft_CountToTheEffectiveDeadline_PushedBackBySuspensions()
    {
        var term = DueIn(7, new DateRange(Today.AddDays(-20), Today.AddDays(-14))); // 7 days suspended
        Assert.Equal(2, term.WholeWeeksLeft(Today));
    }

    [Fact]
    public void RuleEleven_CountsTheSameWeeks_OverTheWindowItReads() =>
        Assert.Equal(DueIn(21).WeeksLeft(Today), EligibilityRules.Weeks(Today, Today.AddDays(21), Today.AddDays(-100), Today.AddDays(100)));
}

/// <summary>The deadline watch's reasons, as they read today (a refactoring keeps them word for word).</summary>
public class DeadlineRiskTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Lyon = new(45.75, 4.85);

    private static Person PersonDueIn(int days, double remaining) => new(Guid.NewGuid(), new PersonProfile("Camille", "Martin", "69",
        new Contact("Agent CPIP", "cpip@justice.fr", null), new DateOnly(1990, 1, 1), new Address(null, "69123", "69", Lyon), new Mobility(10, true, false),
        new HoursBalance(100, 100 - remaining), new SentenceTerm(Today.AddDays(-60), Today.AddDays(days), []),
        WeeklySchedule.Parse("mon 08:00-18:00; tue 08:00-18:00; wed 08:00-18:00"), [], PhysicalDemand.High, false, JudicialRestrictions.None), Now);

    private static Post MondayMornings() => new(Guid.NewGuid(), Guid.NewGuid(), new PostDetails("Entretien des espaces verts", "Entretenir les massifs.",
        "espaces-verts", [], new Address(null, "69123", "69", Lyon), 2, 10, WeeklySchedule.Parse("mon 09:00-12:00"),
        new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)), new Contact("Tuteur", null, "04 00 00 00 00"),
        new PostConditions(false, false, false, false, PhysicalDemand.Low, false, false, false, false)), Now);

    private static IReadOnlyList<string> Reasons(Person person, Post? confirmedOn = null)
    {
        var placements = new List<TigPlacement>();
        var posts = new Dictionary<Guid, Post>();
        if (confirmedOn is not null)
        {
            var placement = new TigPlacement(Guid.NewGuid(), person.Id, confirmedOn.Id, person.Profile.Hours.Remaining, Now);
            placement.Confirm(Now);
            placements.Add(placement);
            posts[confirmedOn.Id] = confirmedOn;
        }
        return DeadlineRisk.Reasons(person, placements, posts, Today, warningWeeks: 12);
    }

    [Fact]
    public void WithoutAConfirmedPlacement_ThePersonIsAtRisk_InsideTheWarningWeeks() =>
        Assert.Equal(["aucun placement confirmé à 5 semaines de l'échéance (06/01/2027)"], Reasons(PersonDueIn(36, 41.5)));

    [Fact]
    public void AConfirmedPlacementTooSlowForTheWeeksLeft_IsARisk_WithTheWholeWeeksInItsText() =>
        // 3 h a week for 5 days: 41.5 h cannot be done; the text counts whole weeks, 0 (as the person page shows it today).
        Assert.Equal(["41,5 h restantes pour 0 semaines à 3 h/semaine : rythme insuffisant"], Reasons(PersonDueIn(5, 41.5), MondayMornings()));

    [Fact]
    public void AConfirmedPlacementFastEnough_IsNoRisk() =>
        Assert.Empty(Reasons(PersonDueIn(70, 30), MondayMornings())); // 3 h × 10 weeks = 30 h

    [Fact]
    public void AJobLeavingLessOfTheWeek_SlowsTheRhythm_AsRuleSixteenReadsIt()
    {
        // The same 3 h a week, but a 45 h job leaves 2 h of the 47: 2 h × 10 weeks < 30 h.
        var person = PersonDueIn(70, 30);
        person.Update(person.Profile with { WeeklyWorkHours = 45 }, Now);
        Assert.Equal(["30 h restantes pour 10 semaines à 2 h/semaine : rythme insuffisant"], Reasons(person, MondayMornings()));
    }
}

/// <summary>The one record of run defaults: which default wins, and the two named overrides.</summary>
public class RunDefaultsTests
{
    [Fact]
    public void TheStandardDefaults_AreThirtySeconds_AndKeepingPendingProposals() =>
        Assert.Equal(new RunDefaults(TimeLimitSeconds: 30, KeepProposed: true), RunDefaults.Standard);

    [Fact]
    public void TheApi_DeviatesOnlyByNotKeepingPendingProposals() =>
        Assert.Equal(RunDefaults.Standard with { KeepProposed = false }, RunDefaults.Api);

    [Fact]
    public void Schedules_DeviateOnlyBySixtySeconds() =>
        Assert.Equal(RunDefaults.Standard with { TimeLimitSeconds = 60 }, RunDefaults.Scheduled);
}
