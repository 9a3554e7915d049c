using System.Diagnostics;
using Placement.Catalogue.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

public class CancellationTests
{
    /// <summary>
    /// Many co-defendants competing for the same few partners: a CP-SAT model that is not solved in a
    /// moment. All persons and posts sit together, so that every pair is a candidate.
    /// </summary>
    internal static MatchingInstance Crowded(double timeLimit)
    {
        var random = new Random(3);
        var posts = Enumerable.Range(0, 120).Select(i => Make.Post($"q{i}", $"org-{i % 12}", q => q with
        {
            Location = new GeoPoint(45.75 + random.NextDouble() * 0.01, 4.85 + random.NextDouble() * 0.01),
            Skills = random.Next(2) == 0 ? ["jardinage"] : ["cuisine"],
        })).ToList();
        var persons = Enumerable.Range(0, 160).Select(i => Make.Person($"p{i}", p => p with
        {
            Location = new GeoPoint(45.75 + random.NextDouble() * 0.01, 4.85 + random.NextDouble() * 0.01),
            Skills = random.Next(2) == 0 ? ["jardinage"] : ["cuisine"],
        })).ToList();
        for (var k = 0; k < 400; k++)
        {
            var (a, b) = (random.Next(persons.Count), random.Next(persons.Count));
            if (a != b) persons[a] = persons[a] with { NoContactWithPersonIds = new HashSet<string>(persons[a].NoContactWithPersonIds) { persons[b].Id } };
        }
        return Make.Instance(persons, posts, timeLimit: timeLimit);
    }

    [Fact]
    public void CancellingDuringTheSearch_ReturnsTheBestSolutionSoFar_Quickly()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();
        var result = new AssignmentSolver().Solve(Crowded(timeLimit: 120), ct: cancel.Token);
        // CP-SAT proves this instance optimal in 0.3 to 3 s on this machine; cancelled after 0.5 s it stops with the best
        // solution found (or the optimum, when proved first) — long before its time limit of 120 s (a loose bound: the
        // machine is shared, timings are measured by the benchmarks).
        Assert.Contains(result.Status, new[] { MatchingResult.Feasible, MatchingResult.Optimal });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.True(result.Stats!.BestBound >= result.Stats.Objective);
        Assert.Equal(160, result.Assignments.Count + result.Unassigned.Count);
        NoCoDefendantsShareAHostBody(result);
    }

    [Fact]
    public void CancelledBeforeTheSearch_ReturnsTheRelaxedSolution_NotProvedOptimal_AndRespectsEveryConflict()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var result = new AssignmentSolver().Solve(Crowded(timeLimit: 120), ct: cancel.Token);
        Assert.Equal(MatchingResult.Feasible, result.Status); // not proved optimal: the search was cancelled before it began
        Assert.Equal(160, result.Assignments.Count + result.Unassigned.Count);
        NoCoDefendantsShareAHostBody(result);
    }

    private static void NoCoDefendantsShareAHostBody(MatchingResult result)
    {
        var partnerOf = result.Assignments.ToDictionary(a => a.PersonId, a => a.PostId.Length > 0 ? $"org-{int.Parse(a.PostId[1..]) % 12}" : "");
        foreach (var person in Crowded(120).Persons)
            foreach (var other in person.NoContactWithPersonIds)
                if (partnerOf.TryGetValue(person.Id, out var x) && partnerOf.TryGetValue(other, out var y)) Assert.NotEqual(x, y);
    }
}

public class TimeLimitTests
{
    private static MatchingInstance Spread(int persons, int posts)
    {
        var random = new Random(11);
        return Make.Instance(
            Enumerable.Range(0, persons).Select(i => Make.Person($"p{i}", p => p with { Location = new GeoPoint(45.6 + random.NextDouble() * 0.4, 4.7 + random.NextDouble() * 0.4) })),
            Enumerable.Range(0, posts).Select(i => Make.Post($"q{i}", $"org-{i % 40}", q => q with { Location = new GeoPoint(45.6 + random.NextDouble() * 0.4, 4.7 + random.NextDouble() * 0.4), Capacity = 2 })),
            timeLimit: 5);
    }

    /// <summary>Moves the clock past the limit the first time a phase is reported beyond a share of the work.</summary>
    private sealed class Timekeeper(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, string phase, double atPercent) : IProgress<SolveProgress>
    {
        public bool Moved { get; private set; }

        public void Report(SolveProgress value)
        {
            if (Moved || value.Phase != phase || value.Percent < atPercent) return;
            Moved = true;
            clock.Advance(TimeSpan.FromSeconds(6));
        }
    }

    private static void AssertValid(MatchingResult result, MatchingInstance instance)
    {
        Assert.Equal(MatchingResult.Feasible, result.Status);
        Assert.True(result.Stats!.BestBound >= result.Stats.Objective);
        Assert.Equal(instance.Persons.Select(p => p.Id).Order(), result.Assignments.Select(a => a.PersonId).Concat(result.Unassigned.Select(u => u.PersonId)).Order());
        var used = result.Assignments.GroupBy(a => a.PostId).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(instance.Posts, q => Assert.True(used.GetValueOrDefault(q.Id) <= q.Capacity));
        foreach (var a in result.Assignments)
            Assert.Equal(Rule.None, Make.Broken(instance.Persons.Single(p => p.Id == a.PersonId), instance.Posts.Single(q => q.Id == a.PostId)));
    }

    [Fact]
    public void CutDuringCandidateGeneration_TheAnswerPlacesTheExamined_AndNamesTheOthersNotExamined()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var instance = Spread(3000, 300);
        var keeper = new Timekeeper(clock, "candidates", 3);
        var result = new AssignmentSolver { Clock = clock }.Solve(instance, keeper);
        Assert.True(keeper.Moved);
        AssertValid(result, instance);
        var notExamined = result.Unassigned.Count(u => u.Reason == UnassignedReasons.NotExamined);
        Assert.InRange(notExamined, 1, 2999);
        Assert.NotEmpty(result.Assignments);
        Assert.True(result.Stats!.BestBound >= result.Stats.Objective + notExamined * result.Stats.PlacedWeight, "each person not examined might have been placed");
    }

    [Fact]
    public void CutDuringTheSearch_CpSatStops_AndTheBestSolutionFoundIsKept()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var instance = CancellationTests.Crowded(timeLimit: 5);
        var keeper = new Timekeeper(clock, "conflicts", 0);
        var result = new AssignmentSolver { Clock = clock }.Solve(instance, keeper);
        Assert.True(keeper.Moved);
        AssertValid(result, instance);
        Assert.DoesNotContain(result.Unassigned, u => u.Reason == UnassignedReasons.NotExamined);
    }
}
