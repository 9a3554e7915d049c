using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

/// <summary>What the engine tells an officer is true: counts over every post, rule 15, finite scores, the protective 29 February.</summary>
public class ExplanationTruthTests
{
    private static readonly AssignmentSolver Solver = new();

    [Fact]
    public void BlockingRules_CountEveryPostOfTheInstance_NotOnlyThoseWithinReach()
    {
        // Every post fails the schedule (Sundays only); most are also far away. The officer must see « schedule » on all of them.
        var person = Make.Person("p", p => p with { Availability = WeeklySchedule.Parse("sat 08:00-12:00") });
        var posts = Enumerable.Range(0, 12).Select(i => Make.Post($"q{i}", with: q => q with
        {
            Schedule = WeeklySchedule.Parse("sun 09:00-12:00"),
            Location = i < 3 ? q.Location : new GeoPoint(43.3 + i * 0.01, 5.4),
        })).ToList();
        var unassigned = Assert.Single(Solver.Solve(Make.Instance([person], posts)).Unassigned);
        Assert.Equal(UnassignedReasons.NoEligiblePost, unassigned.Reason);
        Assert.Equal(new Dictionary<string, int> { ["distance"] = 9, ["schedule"] = 12 }, unassigned.BlockingRules);
    }

    [Fact]
    public void BlockingRules_EqualABruteForceCount_OnGeneratedPersons()
    {
        var random = new Random(7);
        var posts = Enumerable.Range(0, 60).Select(i => Make.Post($"q{i}", $"org-{i % 7}", q => q with
        {
            Location = new GeoPoint(45.6 + random.NextDouble() * 0.5, 4.6 + random.NextDouble() * 0.6),
            AcceptsMinors = random.Next(2) == 0,
            RequiresDrivingLicence = random.Next(3) == 0,
            NearPublicTransport = random.Next(2) == 0,
            PhysicalDemand = (PhysicalDemand)random.Next(3),
            Schedule = WeeklySchedule.Parse(random.Next(2) == 0 ? "mon 09:00-12:00" : "sun 09:00-10:00"),
        })).ToList();
        var persons = Enumerable.Range(0, 40).Select(i => Make.Person($"p{i}", p => p with
        {
            Location = new GeoPoint(45.6 + random.NextDouble() * 0.5, 4.6 + random.NextDouble() * 0.6),
            MaxTravelKm = random.Next(1, 8),
            HasDrivingLicence = random.Next(2) == 0,
            PublicTransportOnly = random.Next(2) == 0,
            MaxPhysicalDemand = (PhysicalDemand)random.Next(3),
            HoursRemaining = random.Next(10, 400),
        })).ToList();
        var result = Solver.Solve(Make.Instance(persons, posts));
        var checkedSome = 0;
        foreach (var u in result.Unassigned.Where(u => u.Reason == UnassignedReasons.NoEligiblePost))
        {
            var person = persons.Single(p => p.Id == u.PersonId);
            var expected = new Dictionary<string, int>();
            foreach (var post in posts)
                foreach (var rule in RuleNames.Each(Make.Broken(person, post)))
                    expected[RuleNames.Name(rule)] = expected.GetValueOrDefault(RuleNames.Name(rule)) + 1;
            Assert.Equal(expected.OrderBy(e => e.Key), u.BlockingRules!.OrderBy(e => e.Key));
            checkedSome++;
        }
        Assert.True(checkedSome >= 5, $"only {checkedSome} persons without an eligible post");
    }

    [Fact]
    public void APersonWithNoHoursRemaining_IsNeverPlaced_UnlessPinned_AndIsReportedAsCompleted()
    {
        var done = Make.Person("done", p => p with { HoursRemaining = 0 });
        var alsoDone = Make.Person("pinned-done", p => p with { HoursRemaining = 0 });
        var result = Solver.Solve(Make.Instance([done, alsoDone, Make.Person("busy")], [Make.Post("q1", with: q => q with { Capacity = 3 })],
            [new PinnedPair("pinned-done", "q1")]));
        Assert.Equal(UnassignedReasons.Completed, Assert.Single(result.Unassigned).Reason);
        Assert.Equal("done", result.Unassigned[0].PersonId);
        Assert.Equal(["busy", "pinned-done"], result.Assignments.Select(a => a.PersonId).Order());
    }

    [Fact]
    public void APersonWithNoHoursRemaining_NeverTakesAPlaceFromSomeoneWhoNeedsIt()
    {
        var result = Solver.Solve(Make.Instance([Make.Person("done", p => p with { HoursRemaining = 0 }), Make.Person("needs")], [Make.Post("q1")]));
        Assert.Equal("needs", Assert.Single(result.Assignments).PersonId);
    }

    [Fact]
    public void APostAtTheDoorOfAPersonWhoMayNotTravel_ScoresFiniteAndFull()
    {
        var person = Make.Person("p", p => p with { MaxTravelKm = 0 });
        var post = Make.Post("q", with: q => q with { Location = Make.Lyon });
        var evaluation = EligibilityRules.Evaluate(person, post, Make.Today);
        Assert.True(evaluation.IsEligible);
        var parts = QualityScore.Parts(person, post, evaluation, Make.Today);
        Assert.All(parts, p => Assert.True(double.IsFinite(p.Points)));
        Assert.Equal(35, parts.Single(p => p.Name == "distance").Points);
        var assignment = Assert.Single(Solver.Solve(Make.Instance([person], [post])).Assignments);
        Assert.InRange(assignment.Score, 35, 100);
    }

    [Theory]
    [InlineData("2008-02-29", "2026-02-28", true)]   // common year: majority on 1 March, a day longer a minor
    [InlineData("2008-02-29", "2026-03-01", false)]
    [InlineData("2006-02-28", "2024-02-28", false)]
    [InlineData("2006-02-28", "2024-02-27", true)]
    [InlineData("2010-02-29", "2028-02-29", false)] // (not a date: ignored below)
    public void The18thBirthdayOfSomeoneBornOn29February_IsThe1stOfMarchInACommonYear(string born, string on, bool minor)
    {
        if (!DateOnly.TryParse(born, System.Globalization.CultureInfo.InvariantCulture, out var birth)) return;
        Assert.Equal(minor, Age.IsMinorOn(birth, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ADistanceJustOverTheLimitByRounding_IsWithinIt()
    {
        var person = Make.Person();
        var post = Make.Post();
        var exact = person.Location.DistanceKmTo(post.Location);
        Assert.False(Make.Broken(person with { MaxTravelKm = exact - 5e-7 }, post).HasFlag(Rule.Distance));
        Assert.True(Make.Broken(person with { MaxTravelKm = exact - 5e-6 }, post).HasFlag(Rule.Distance));
    }

    [Fact]
    public void DistancesAndCandidates_WrapAtTheAntimeridian()
    {
        // Wallis-et-Futuna: a person at 179.999° E and a post at 179.999° W are 200 m apart.
        var person = Make.Person("p", p => p with { Location = new GeoPoint(-13.28, 179.999), MaxTravelKm = 1 });
        var post = Make.Post("q", with: q => q with { Location = new GeoPoint(-13.28, -179.999) });
        Assert.InRange(person.Location.DistanceKmTo(post.Location), 0.2, 0.25);
        Assert.Single(Solver.Solve(Make.Instance([person], [post])).Assignments);
    }
}

/// <summary>Exclusion zones as officers draw them: unions of neighbouring communes, boundaries exact to the centimetre, both sides of ±180°.</summary>
public class ExclusionZoneGeometryTests
{
    [Fact]
    public void AMultiPolygonWhosePartsTouchOrOverlap_IsTheirUnion()
    {
        var touching = Make.Geometry.CreateMultiPolygon([Make.Square(4.80, 45.70, 4.85, 45.75), Make.Square(4.85, 45.70, 4.90, 45.75)]);
        var overlapping = Make.Geometry.CreateMultiPolygon([Make.Square(4.80, 45.70, 4.86, 45.75), Make.Square(4.84, 45.70, 4.90, 45.75)]);
        foreach (var zone in new[] { touching, overlapping })
        {
            Assert.False(zone.IsValid);
            var zones = new ExclusionZones([zone]);
            Assert.True(zones.Contains(new GeoPoint(45.72, 4.85)));
            Assert.True(zones.Contains(new GeoPoint(45.72, 4.89)));
            Assert.False(zones.Contains(new GeoPoint(45.72, 4.91)));
        }
    }

    [Fact]
    public void ARingThatCrossesItself_IsStillRefused()
    {
        var bowtie = Make.Geometry.CreatePolygon([new(4.80, 45.70), new(4.90, 45.80), new(4.90, 45.70), new(4.80, 45.80), new(4.80, 45.70)]);
        var e = Assert.Throws<DomainRuleException>(() => new ExclusionZones([bowtie]));
        Assert.Equal("restrictions.exclusionZones[0]", e.Field);
    }

    [Fact]
    public void PointsOnADiagonalEdge_AreAllOnTheBoundary_WhateverTheBinaryRounding()
    {
        var triangle = Make.Geometry.CreatePolygon([new(4.80, 45.70), new(4.90, 45.70), new(4.90, 45.80), new(4.80, 45.70)]);
        var zones = new ExclusionZones([triangle]);
        for (var i = 1; i < 100; i++)
        {
            var t = i / 100.0;
            Assert.True(zones.Contains(new GeoPoint(45.70 + 0.1 * t, 4.80 + 0.1 * t)), $"point {i} of the diagonal");
        }
        Assert.False(zones.Contains(new GeoPoint(45.75 + 2e-7, 4.75)));
    }

    [Fact]
    public void AZoneTouchingTheAntimeridian_ContainsThePointWrittenOnTheOtherSide()
    {
        var zone = Make.Square(179.5, -14.0, 180, -13.0);
        Assert.True(new ExclusionZones([zone]).Contains(new GeoPoint(-13.5, -180)));
        Assert.False(new ExclusionZones([zone]).Contains(new GeoPoint(-13.5, -179.9)));
    }
}
