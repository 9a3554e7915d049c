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
    private static MatchingInstance Crowded(double timeLimit)
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
        // Uncancelled, CP-SAT proves this instance optimal in about 3 s on this machine; cancelled after 0.5 s it stops at once.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {watch.Elapsed}");
        Assert.True(result.Stats!.BestBound >= result.Stats.Objective);
        Assert.Equal(160, result.Assignments.Count + result.Unassigned.Count);
        var partnerOf = result.Assignments.ToDictionary(a => a.PersonId, a => a.PostId.Length > 0 ? $"org-{int.Parse(a.PostId[1..]) % 12}" : "");
        var instance = Crowded(120);
        foreach (var person in instance.Persons)
            foreach (var other in person.NoContactWithPersonIds)
                if (partnerOf.TryGetValue(person.Id, out var x) && partnerOf.TryGetValue(other, out var y)) Assert.NotEqual(x, y);
    }
}
