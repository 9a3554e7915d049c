using Microsoft.Extensions.Time.Testing;
using Placement.Catalogue.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

/// <summary>
/// Candidate generation under a time limit too short to examine everyone in full: everyone still gets candidates (their
/// nearest eligible posts first), and only when even that cannot end are persons left unexamined — spread over the list,
/// never « the last ones ». Time is a <see cref="SteppingClock"/>: every reading of it moves it on, so that the work done
/// decides what the limit cuts, on any machine.
/// </summary>
public class CandidateBudgetTests
{
    /// <summary>A fake clock that moves on by <paramref name="step"/> each time it is read (firing timers due).</summary>
    private sealed class SteppingClock(TimeSpan step) : FakeTimeProvider
    {
        public override long GetTimestamp()
        {
            Advance(step);
            return base.GetTimestamp();
        }
    }

    /// <summary>Persons and posts mixed over 40 km, posts plenty (each person has dozens in reach), some persons with none.</summary>
    private static MatchingInstance Territory(int persons, int posts, double timeLimit = 10)
    {
        var random = new Random(5);
        return Make.Instance(
            Enumerable.Range(0, persons).Select(i => Make.Person($"p{i}", p => p with
            {
                Location = new GeoPoint(45.6 + random.NextDouble() * 0.4, 4.6 + random.NextDouble() * 0.5),
                MaxTravelKm = 8 + random.Next(12),
                // One in ten free only on Sunday morning: no post fits them.
                Availability = i % 10 == 0 ? WeeklySchedule.Parse("sun 07:00-08:00") : p.Availability,
            })),
            Enumerable.Range(0, posts).Select(i => Make.Post($"q{i}", $"org-{i % 50}", q => q with
            {
                Location = new GeoPoint(45.6 + random.NextDouble() * 0.4, 4.6 + random.NextDouble() * 0.5),
                Capacity = 1 + i % 2,
            })),
            timeLimit: timeLimit);
    }

    private static CandidateBudget Budget(TimeProvider clock, double untilSeconds, double firstPassSeconds) =>
        new(clock, clock.GetTimestamp(), TimeSpan.FromSeconds(untilSeconds), TimeSpan.FromSeconds(firstPassSeconds));

    [Fact]
    public void WithTimeForEveryone_EveryPersonIsExaminedInFull()
    {
        var instance = Territory(600, 900);
        var graph = CandidateGraph.Build(instance, budget: Budget(new SteppingClock(TimeSpan.FromMilliseconds(1)), 60, 80));
        var reference = CandidateGraph.Build(instance);
        Assert.DoesNotContain(true, graph.Coarse);
        Assert.DoesNotContain(true, graph.Unexamined);
        Assert.Equal(reference.PairCount, graph.PairCount);
        Assert.All(Enumerable.Range(0, 600), p => Assert.Equal(reference.Blocking[p]?.OrderBy(e => e.Key), graph.Blocking[p]?.OrderBy(e => e.Key)));
    }

    [Fact]
    public void WhenThePaceIsTooSlowForEveryone_TheRestGetTheirNearestEligiblePosts_AndNobodyIsLeftOut()
    {
        var instance = Territory(1000, 1500);
        // About two readings of the clock per person: the full examination of 1,000 would take ~2 s, the budget is 1.1 s.
        var graph = CandidateGraph.Build(instance, budget: Budget(new SteppingClock(TimeSpan.FromMilliseconds(1)), 1.1, 1.5));
        var full = CandidateGraph.Build(instance);

        Assert.DoesNotContain(true, graph.Unexamined);
        var coarse = Enumerable.Range(0, 1000).Where(p => graph.Coarse[p]).ToList();
        Assert.InRange(coarse.Count, 500, 999);
        foreach (var p in coarse)
        {
            var all = full.ByPerson[p].ToDictionary(a => a.Post);
            // Eligible, with the figures of the full examination; at least CoarseCandidates of them; the nearest among them.
            Assert.All(graph.ByPerson[p], a => Assert.Equal(all[a.Post], a));
            Assert.InRange(graph.ByPerson[p].Length, CandidateGraph.CoarseCandidates, all.Count);
            var nearest = all.Values.OrderBy(a => a.DistanceKm).Take(CandidateGraph.CoarseCandidates).Select(a => a.Post);
            Assert.Subset(graph.ByPerson[p].Select(a => a.Post).ToHashSet(), nearest.ToHashSet());
        }
        // A person examined in full has all their candidates, or none — and then they are counted, or left for lack of time.
        foreach (var p in Enumerable.Range(0, 1000).Where(p => !graph.Coarse[p]))
            Assert.Equal(full.ByPerson[p], graph.ByPerson[p]);
    }

    [Fact]
    public void APersonLeftWithTheirNearestPosts_CanBeCompletedLater_ToAllTheirEligiblePosts()
    {
        var instance = Territory(1000, 1500);
        var graph = CandidateGraph.Build(instance, budget: Budget(new SteppingClock(TimeSpan.FromMilliseconds(1)), 1.1, 1.5));
        var full = CandidateGraph.Build(instance);
        var coarse = Enumerable.Range(0, 1000).Where(p => graph.Coarse[p]).Take(20).ToList();
        Assert.NotEmpty(coarse);
        var pairs = graph.PairCount;
        foreach (var p in coarse)
        {
            var before = graph.ByPerson[p].Length;
            Assert.Equal(full.ByPerson[p], graph.Complete(p));
            Assert.False(graph.Coarse[p]);
            Assert.Equal(full.ByPerson[p], graph.ByPerson[p]);
            pairs += full.ByPerson[p].Length - before;
        }
        Assert.Equal(pairs, graph.PairCount);
    }

    [Fact]
    public void WhenEvenTheFirstPassCannotEnd_ThePersonsLeftOutAreSpreadOverTheList()
    {
        var instance = Territory(1000, 1500);
        var graph = CandidateGraph.Build(instance, budget: Budget(new SteppingClock(TimeSpan.FromMilliseconds(1)), 0.3, 0.5));
        var left = Enumerable.Range(0, 1000).Where(p => graph.Unexamined[p]).ToList();
        Assert.InRange(left.Count, 200, 800);
        // The order is fixed and pseudo-random: each tenth of the list keeps its share of the persons examined.
        foreach (var tenth in left.GroupBy(p => p / 100))
            Assert.InRange(tenth.Count(), left.Count / 10 / 2, left.Count / 10 * 2);
        Assert.All(left, p => Assert.Empty(graph.ByPerson[p]));
    }

    [Fact]
    public void TheSolver_UnderAShortLimit_AnswersForEveryPerson_WithABoundThatStaysABound()
    {
        var instance = Territory(1000, 1500, timeLimit: 2);
        var result = new AssignmentSolver { Clock = new SteppingClock(TimeSpan.FromMilliseconds(1)) }.Solve(instance);
        var stats = result.Stats!;
        Assert.Equal(MatchingResult.Feasible, result.Status);
        Assert.True(stats.Coarse > 0, "the limit was meant to leave persons with their nearest posts only");
        Assert.Equal(instance.Persons.Select(p => p.Id).Order(), result.Assignments.Select(a => a.PersonId).Concat(result.Unassigned.Select(u => u.PersonId)).Order());
        foreach (var a in result.Assignments)
            Assert.Equal(Rule.None, Make.Broken(instance.Persons.Single(p => p.Id == a.PersonId), instance.Posts.Single(q => q.Id == a.PostId)));
        // Each person with their nearest posts only might have been placed elsewhere, with the best score there is.
        var unhurried = new AssignmentSolver().Solve(instance with { Options = new MatchingOptions(60) });
        Assert.Equal(MatchingResult.Optimal, unhurried.Status);
        var optimum = unhurried.Stats!;
        Assert.True(stats.BestBound >= optimum.Objective, $"bound {stats.BestBound} below the optimum {optimum.Objective}");
        Assert.True(stats.Placed >= optimum.Placed * 0.9, $"{stats.Placed} placed on the nearest posts, {optimum.Placed} at best");
    }
}
