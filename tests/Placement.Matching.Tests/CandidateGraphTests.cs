using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

/// <summary>
/// Candidate generation's fast path (cheap rules first, stopping at the first broken one, only the posts in reach) finds
/// exactly the pairs that the full evaluation of every rule finds over every person × every post, with the same figures.
/// </summary>
public class CandidateGraphTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    public void TheCandidates_AreExactlyThePairsEveryRuleAccepts_OverEveryPersonAndPost(int seed, bool jobs)
    {
        var (persons, posts) = Generate(seed, jobs);
        var instance = Make.Instance(persons, posts);

        var graph = CandidateGraph.Build(instance);
        var found = graph.ByPerson.SelectMany(a => a).ToDictionary(a => (a.Person, a.Post));
        var expected = 0;
        var onlyWorkingTime = 0;
        for (var p = 0; p < persons.Count; p++)
            for (var q = 0; q < posts.Count; q++)
            {
                var evaluation = EligibilityRules.Evaluate(persons[p], posts[q], Make.Today);
                if (evaluation.Broken == Rule.WorkingTime) onlyWorkingTime++;
                var eligible = evaluation.IsEligible && persons[p].HoursRemaining > 0;
                Assert.True(eligible == found.ContainsKey((p, q)), $"{persons[p].Id} × {posts[q].Id}: {evaluation.Broken}");
                if (!eligible) continue;
                expected++;
                var arc = found[(p, q)];
                Assert.Equal(evaluation.DistanceKm, arc.DistanceKm, 9);
                Assert.Equal(evaluation.WeeklyHours, arc.WeeklyHours, 9);
                Assert.Equal(QualityScore.Of(persons[p], posts[q], evaluation, Make.Today), arc.Score);
            }
        Assert.True(expected > 50, $"only {expected} eligible pairs: the instance proves little");
        Assert.True(!jobs || onlyWorkingTime >= 10, $"only {onlyWorkingTime} pairs excluded by rule 16 alone: the jobs prove little");
        Assert.Equal(expected, graph.PairCount);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    public void BlockingRules_OfAPersonWithoutAnEligiblePost_CountWhatEveryRuleExcludes_OverEveryPost(int seed, bool jobs)
    {
        var (persons, posts) = Generate(seed, jobs);
        var graph = CandidateGraph.Build(Make.Instance(persons, posts));
        var counted = 0;
        for (var p = 0; p < persons.Count; p++)
        {
            if (graph.ByPerson[p].Length > 0 || persons[p].HoursRemaining <= 0)
            {
                Assert.Null(graph.Blocking[p]);
                continue;
            }
            var expected = new Dictionary<Rule, int>();
            foreach (var post in posts)
                foreach (var rule in RuleNames.Each(EligibilityRules.Evaluate(persons[p], post, Make.Today).Broken))
                    expected[rule] = expected.GetValueOrDefault(rule) + 1;
            Assert.Equal(expected.OrderBy(e => e.Key), graph.Blocking[p]!.OrderBy(e => e.Key));
            counted++;
        }
        Assert.True(counted > 10, $"only {counted} persons without an eligible post: the instance proves little");
        Assert.True(!jobs || Enumerable.Range(0, persons.Count).Any(p => graph.Blocking[p]?.ContainsKey(Rule.WorkingTime) == true),
            "no person's blocking counts name rule 16: the jobs prove little");
    }

    /// <summary>
    /// Persons and posts around Lyon with every rule's inputs drawn at random: each rule both passes and fails often. With
    /// <paramref name="jobs"/>, half the persons have a job of 28–50.5 h a week (rule 16), drawn apart so that the rest is unchanged.
    /// </summary>
    private static (List<MatchPerson> Persons, List<MatchPost> Posts) Generate(int seed, bool jobs = false)
    {
        var random = new Random(seed);
        var jobRandom = new Random(seed * 31 + 7);
        string[] schedules = ["mon 09:00-12:00", "mon 09:00-12:00; sat 08:00-18:00", "sun 09:00-10:00", "tue 21:00-23:30", "wed 05:00-09:15; thu 13:10-17:50"];
        var posts = Enumerable.Range(0, 150).Select(i => Make.Post($"q{i}", $"org-{i % 9}", q => q with
        {
            Location = new GeoPoint(45.6 + random.NextDouble() * 0.4, 4.6 + random.NextDouble() * 0.5),
            AcceptsMinors = random.Next(3) > 0, NightWork = random.Next(8) == 0, ContactWithMinors = random.Next(5) == 0,
            VulnerablePublic = random.Next(6) == 0, RequiresDrivingLicence = random.Next(5) == 0, NearPublicTransport = random.Next(3) > 0,
            WheelchairAccessible = random.Next(2) == 0, PhysicalDemand = (PhysicalDemand)random.Next(3),
            MaxWeeklyHoursPerPerson = random.Next(2, 20), Schedule = WeeklySchedule.Parse(schedules[random.Next(schedules.Length)]),
            OpenFrom = Make.Today.AddDays(random.Next(-400, 60)), OpenUntil = Make.Today.AddDays(random.Next(-10, 600)),
        })).ToList();
        var persons = Enumerable.Range(0, 120).Select(i => Make.Person($"p{i}", p => p with
        {
            Location = new GeoPoint(45.6 + random.NextDouble() * 0.4, 4.6 + random.NextDouble() * 0.5),
            BirthDate = random.Next(6) == 0 ? Make.Today.AddYears(-17) : new DateOnly(1990, 1, 1),
            MaxTravelKm = random.Next(0, 25), HasDrivingLicence = random.Next(2) == 0, PublicTransportOnly = random.Next(3) == 0,
            NeedsWheelchairAccess = random.Next(8) == 0, MaxPhysicalDemand = (PhysicalDemand)random.Next(3),
            NoContactWithMinors = random.Next(5) == 0, NoContactWithVulnerablePublic = random.Next(6) == 0,
            HoursRemaining = random.Next(0, 300), Deadline = Make.Today.AddDays(random.Next(10, 500)),
            Availability = WeeklySchedule.Parse(schedules[random.Next(schedules.Length)]),
            ExcludedPartnerIds = random.Next(6) == 0 ? Make.Set($"org-{random.Next(9)}") : Make.Set(),
            ExclusionZones = random.Next(4) == 0 ? new ExclusionZones([Make.Square(4.6 + random.NextDouble() * 0.4, 45.6 + random.NextDouble() * 0.3, 4.95, 45.95)]) : ExclusionZones.None,
        } with
        {
            CoDefendantPartnerIds = random.Next(8) == 0 ? Make.Set($"org-{random.Next(9)}") : Make.Set(),
            WeeklyWorkHours = jobs && jobRandom.Next(2) == 0 ? jobRandom.Next(28, 51) + jobRandom.Next(2) * 0.5 : null,
        })).ToList();
        return (persons, posts);
    }
}
