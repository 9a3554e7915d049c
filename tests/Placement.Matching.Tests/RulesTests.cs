using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

/// <summary>Hard rules 1–11 of matching.md, each with its edge cases.</summary>
public class RulesTests
{
    [Fact]
    public void TheDefaultPair_IsEligible() => Assert.Equal(Rule.None, Make.Broken(Make.Person(), Make.Post()));

    // Rule 1 — minors
    [Fact]
    public void Minors_OnlyOnPostsOpenToMinors()
    {
        var minor = Make.Person(with: p => p with { BirthDate = Make.Today.AddYears(-17) });
        Assert.Equal(Rule.None, Make.Broken(minor, Make.Post()));
        Assert.Equal(Rule.Minors, Make.Broken(minor, Make.Post(with: q => q with { AcceptsMinors = false })));
    }

    [Fact]
    public void Minors_NeverOnNightWork() =>
        Assert.True(Make.Broken(Make.Person(with: p => p with { BirthDate = Make.Today.AddYears(-17) }), Make.Post(with: q => q with { NightWork = true })).HasFlag(Rule.Minors));

    [Fact]
    public void EighteenOnTheReferenceDate_IsAnAdult()
    {
        var birthday = Make.Person(with: p => p with { BirthDate = Make.Today.AddYears(-18) });
        Assert.Equal(Rule.None, Make.Broken(birthday, Make.Post(with: q => q with { AcceptsMinors = false })));
        var dayBefore = Make.Person(with: p => p with { BirthDate = Make.Today.AddYears(-18).AddDays(1) });
        Assert.Equal(Rule.Minors, Make.Broken(dayBefore, Make.Post(with: q => q with { AcceptsMinors = false })));
    }

    // Rules 2, 3, 4, 7, 8, 9, 10 — flags
    [Fact]
    public void NoContactWithMinors_ExcludesPostsWithMinors() =>
        Assert.Equal(Rule.ContactWithMinors, Make.Broken(Make.Person(with: p => p with { NoContactWithMinors = true }), Make.Post(with: q => q with { ContactWithMinors = true })));

    [Fact]
    public void NoContactWithVulnerablePublic_ExcludesSuchPosts() =>
        Assert.Equal(Rule.VulnerablePublic, Make.Broken(Make.Person(with: p => p with { NoContactWithVulnerablePublic = true }), Make.Post(with: q => q with { VulnerablePublic = true })));

    [Fact]
    public void AnExcludedPartner_IsExcluded() =>
        Assert.Equal(Rule.ExcludedPartner, Make.Broken(Make.Person(with: p => p with { ExcludedPartnerIds = Make.Set("org-1") }), Make.Post(partner: "org-1")));

    [Fact]
    public void ALicenceIsNeeded_WhenThePostRequiresIt() =>
        Assert.Equal(Rule.DrivingLicence, Make.Broken(Make.Person(with: p => p with { HasDrivingLicence = false }), Make.Post(with: q => q with { RequiresDrivingLicence = true })));

    [Fact]
    public void PublicTransportOnly_NeedsAPostNearPublicTransport() =>
        Assert.Equal(Rule.PublicTransport, Make.Broken(Make.Person(with: p => p with { PublicTransportOnly = true }), Make.Post(with: q => q with { NearPublicTransport = false })));

    [Theory]
    [InlineData(PhysicalDemand.Low, PhysicalDemand.Medium, true)]
    [InlineData(PhysicalDemand.Medium, PhysicalDemand.Medium, false)]
    [InlineData(PhysicalDemand.Medium, PhysicalDemand.High, true)]
    [InlineData(PhysicalDemand.High, PhysicalDemand.Low, false)]
    public void PhysicalDemand_NotAboveWhatThePersonCanDo(PhysicalDemand max, PhysicalDemand demand, bool broken) =>
        Assert.Equal(broken, Make.Broken(Make.Person(with: p => p with { MaxPhysicalDemand = max }), Make.Post(with: q => q with { PhysicalDemand = demand })) == Rule.PhysicalDemand);

    [Fact]
    public void AWheelchairUser_NeedsAnAccessiblePost() =>
        Assert.Equal(Rule.Wheelchair, Make.Broken(Make.Person(with: p => p with { NeedsWheelchairAccess = true }), Make.Post(with: q => q with { WheelchairAccessible = false })));

    // Rule 5 — exclusion zones
    [Fact]
    public void APostInsideAZone_IsExcluded() =>
        Assert.Equal(Rule.ExclusionZone, Make.Broken(ZonedPerson(Make.Square(4.84, 45.76, 4.86, 45.78)), Make.Post()));

    [Fact]
    public void APostOnTheZoneBoundary_CountsAsInside() =>
        Assert.Equal(Rule.ExclusionZone, Make.Broken(ZonedPerson(Make.Square(4.84, 45.768, 4.86, 45.78)), Make.Post()));

    [Fact]
    public void APostInAHoleOfTheZone_IsNotExcluded() =>
        Assert.Equal(Rule.None, Make.Broken(ZonedPerson(Make.Square(4.80, 45.74, 4.90, 45.80, Make.Ring(4.845, 45.765, 4.855, 45.771))), Make.Post()));

    [Fact]
    public void EveryPolygonOfAMultiPolygon_Excludes()
    {
        var zone = Make.Geometry.CreateMultiPolygon([Make.Square(5.0, 45.0, 5.1, 45.1), Make.Square(4.84, 45.76, 4.86, 45.78)]);
        Assert.Equal(Rule.ExclusionZone, Make.Broken(ZonedPerson(zone), Make.Post()));
    }

    private static MatchPerson ZonedPerson(NetTopologySuite.Geometries.Geometry zone) =>
        Make.Person(with: p => p with { ExclusionZones = new ExclusionZones([zone]) });

    // Rule 6 — distance
    [Fact]
    public void Distance_AtTheLimit_IsAllowed_BeyondItsToleranceIsNot()
    {
        var post = Make.Post();
        var d = Make.Lyon.DistanceKmTo(post.Location);
        Assert.Equal(Rule.None, Make.Broken(Make.Person(with: p => p with { MaxTravelKm = d }), post));
        Assert.Equal(Rule.Distance, Make.Broken(Make.Person(with: p => p with { MaxTravelKm = d - 1e-5 }), post));
    }

    // Rule 11 — schedule and deadline
    [Fact]
    public void WeeklyHours_AreTheOverlapOfAvailabilityAndSchedule_CappedByThePost()
    {
        var availability = WeeklySchedule.Parse("mon 10:00-18:00; tue 08:00-10:30");
        var schedule = WeeklySchedule.Parse("mon 09:00-12:00; mon 14:00-16:00; tue 09:00-12:00; wed 09:00-12:00");
        Assert.Equal(2 + 2 + 1.5, EligibilityRules.WeeklyHours(availability, schedule, 35, minor: false));
        Assert.Equal(4, EligibilityRules.WeeklyHours(availability, schedule, 4, minor: false));
    }

    [Fact]
    public void ForAMinor_EveningHoursAfter22AreRemoved()
    {
        var availability = WeeklySchedule.Parse("fri 17:00-23:59");
        var schedule = WeeklySchedule.Parse("fri 18:00-23:30");
        Assert.Equal(4, EligibilityRules.WeeklyHours(availability, schedule, 35, minor: true));
        Assert.Equal(5.5, EligibilityRules.WeeklyHours(availability, schedule, 35, minor: false));
        Assert.Equal(1, EligibilityRules.WeeklyHours(WeeklySchedule.Parse("sat 05:00-07:00"), WeeklySchedule.Parse("sat 00:00-23:00"), 35, minor: true));
    }

    [Fact]
    public void ForAMinor_EachDayIsCappedAt8Hours_AndTheWeekAt35()
    {
        var long5 = WeeklySchedule.Parse("mon 07:00-20:00; tue 07:00-20:00; wed 07:00-20:00; thu 07:00-20:00; fri 07:00-20:00");
        Assert.Equal(35, EligibilityRules.WeeklyHours(long5, long5, 100, minor: true));
        Assert.Equal(65, EligibilityRules.WeeklyHours(long5, long5, 100, minor: false));
        var oneDay = WeeklySchedule.Parse("mon 07:00-20:00");
        Assert.Equal(8, EligibilityRules.WeeklyHours(oneDay, oneDay, 100, minor: true));
    }

    [Fact]
    public void AMinorWithOnlyEveningAvailability_CannotTakeALateEveningPost()
    {
        var minor = Make.Person(with: p => p with { BirthDate = Make.Today.AddYears(-17), Availability = WeeklySchedule.Parse("fri 22:00-23:59") });
        var evening = Make.Post(with: q => q with { Schedule = WeeklySchedule.Parse("fri 20:00-23:30") });
        Assert.Equal(Rule.Schedule, Make.Broken(minor, evening));
    }

    [Fact]
    public void Completion_AtExactlyTheDeadline_IsAllowed_OneMoreHourIsNot()
    {
        // 3 h a week (mon 09:00–12:00) for exactly 8 weeks = 24 h.
        var post = Make.Post(with: q => q with { Schedule = WeeklySchedule.Parse("mon 09:00-12:00") });
        var eightWeeks = Make.Today.AddDays(56);
        Assert.Equal(Rule.None, Make.Broken(Make.Person(with: p => p with { Deadline = eightWeeks, HoursRemaining = 24 }), post));
        Assert.Equal(Rule.Schedule, Make.Broken(Make.Person(with: p => p with { Deadline = eightWeeks, HoursRemaining = 24.5 }), post));
        Assert.Equal(Rule.Schedule, Make.Broken(Make.Person(with: p => p with { Deadline = eightWeeks.AddDays(-1), HoursRemaining = 24 }), post));
    }

    [Fact]
    public void Weeks_RunFromTheLaterStartToTheEarlierEnd()
    {
        Assert.Equal(4, EligibilityRules.Weeks(Make.Today, Make.Today.AddDays(100), Make.Today.AddDays(-10), Make.Today.AddDays(28)));
        Assert.Equal(2, EligibilityRules.Weeks(Make.Today, Make.Today.AddDays(28), Make.Today.AddDays(14), Make.Today.AddDays(100)));
        Assert.True(EligibilityRules.Weeks(Make.Today, Make.Today.AddDays(28), Make.Today.AddDays(-100), Make.Today.AddDays(-1)) < 0);
    }

    [Fact]
    public void NoCommonHours_BreaksTheScheduleRule_EvenForZeroHoursLeft()
    {
        var person = Make.Person(with: p => p with { Availability = WeeklySchedule.Parse("sun 08:00-12:00"), HoursRemaining = 0 });
        Assert.Equal(Rule.Schedule, Make.Broken(person, Make.Post()));
    }

    [Fact]
    public void Evaluate_ListsEveryBrokenRule()
    {
        var person = Make.Person(with: p => p with { MaxTravelKm = 0.5, HasDrivingLicence = false, NoContactWithMinors = true });
        var post = Make.Post(with: q => q with { RequiresDrivingLicence = true, ContactWithMinors = true });
        Assert.Equal(Rule.Distance | Rule.DrivingLicence | Rule.ContactWithMinors, Make.Broken(person, post));
        Assert.Equal(["contactWithMinors", "distance", "drivingLicence"], RuleNames.Each(Make.Broken(person, post)).Select(RuleNames.Name));
    }
}

public class QualityScoreTests
{
    [Fact]
    public void Score_IsTheSumOfItsDocumentedParts_Between0And100()
    {
        var person = Make.Person();
        var post = Make.Post();
        var evaluation = EligibilityRules.Evaluate(person, post, Make.Today);
        var parts = QualityScore.Parts(person, post, evaluation, Make.Today);
        Assert.Equal(["distance", "skills", "schedule", "urgency"], parts.Select(p => p.Name));
        Assert.Equal(100, parts.Sum(p => p.Max));
        Assert.All(parts, p => Assert.InRange(p.Points, 0, p.Max));
        Assert.Equal(35 * (1 - evaluation.DistanceKm / 15), parts[0].Points, 9);
        Assert.Equal(25, parts[1].Points);
        Assert.Equal("compétence commune : jardinage", parts[1].Explanation);
        Assert.Contains("km (limite 15 km)", parts[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void NearerPosts_AndCloserDeadlines_ScoreHigher()
    {
        var near = Make.Post();
        var far = Make.Post(with: q => q with { Location = new GeoPoint(45.85, 4.85) });
        var person = Make.Person();
        Assert.True(Score(person, near) > Score(person, far));
        var urgent = Make.Person(with: p => p with { Deadline = Make.Today.AddDays(20 * 7) });
        Assert.True(Score(urgent, near) > Score(person, near));
    }

    private static int Score(MatchPerson person, MatchPost post) =>
        QualityScore.Of(person, post, EligibilityRules.Evaluate(person, post, Make.Today), Make.Today);
}
