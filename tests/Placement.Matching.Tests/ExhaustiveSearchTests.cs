using Placement.Catalogue.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

/// <summary>
/// The solver against exhaustive search on hundreds of small random instances: the same maximum number
/// of persons placed and, when the solver says OPTIMAL, the same best total quality; every solution
/// feasible; never fewer placed than the greedy baseline.
/// </summary>
public class ExhaustiveSearchTests
{
    public static TheoryData<int, bool> Seeds()
    {
        var data = new TheoryData<int, bool>();
        for (var seed = 1; seed <= 150; seed++)
        {
            data.Add(seed, false);
            data.Add(seed, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solver_MatchesExhaustiveSearch(int seed, bool conflicts)
    {
        var instance = RandomInstance(seed, conflicts);
        var result = new AssignmentSolver().Solve(instance);
        AssertFeasible(instance, result);

        var (bestPlaced, bestQuality) = Exhaustive(instance);
        Assert.Equal(bestPlaced, result.Stats!.Placed);
        Assert.Equal(MatchingResult.Optimal, result.Status);
        Assert.Equal(bestQuality, result.Stats.Quality);
        Assert.True(GreedyBaseline.Solve(instance).Stats!.Placed <= result.Stats.Placed);
    }

    public static TheoryData<int, bool> NetworkSeeds()
    {
        var data = new TheoryData<int, bool>();
        for (var seed = 1; seed <= 60; seed++)
        {
            data.Add(seed, false);
            data.Add(seed, true);
        }
        return data;
    }

    /// <summary>
    /// Co-defendants in groups sharing a few partners, so that rule 13 binds (the flow optimum, which relaxes it, places
    /// more than can be), and persons with every hour done (rule 15). With <paramref name="byNeighbourhoods"/>, every
    /// component goes through the neighbourhood search of large components: it must reach the same optimum.
    /// </summary>
    [Theory]
    [MemberData(nameof(NetworkSeeds))]
    public void Solver_MatchesExhaustiveSearch_WhenCoDefendantsBind(int seed, bool byNeighbourhoods)
    {
        var instance = NetworkInstance(seed);
        var result = new AssignmentSolver { FullModelArcLimit = byNeighbourhoods ? 0 : 20_000 }.Solve(instance);
        AssertFeasible(instance, result);
        var (bestPlaced, bestQuality) = Exhaustive(instance);
        Assert.Equal(bestPlaced, result.Stats!.Placed);
        Assert.Equal(bestQuality, result.Stats.Quality);
        // Whole, CP-SAT proves it; by neighbourhoods, the search stops once as many are placed as the relaxed bound allows,
        // so the optimum found may stay unproven (FEASIBLE) — never a worse answer.
        if (!byNeighbourhoods) Assert.Equal(MatchingResult.Optimal, result.Status);
        Assert.All(instance.Persons.Where(p => p.HoursRemaining <= 0), p => Assert.Contains(result.Unassigned, u => u.PersonId == p.Id && u.Reason == UnassignedReasons.Completed));
    }

    [Fact]
    public void TheNetworkInstances_BindTheFlowRelaxation()
    {
        // The flow optimum relaxes rule 13: on these instances it often places more than the rule allows.
        var binding = Enumerable.Range(1, 60).Select(NetworkInstance).Count(i =>
        {
            var relaxed = new AssignmentSolver().Solve(i with { Persons = [.. i.Persons.Select(p => p with { NoContactWithPersonIds = Make.Set() })] });
            return relaxed.Stats!.Placed > Exhaustive(i).Placed;
        });
        Assert.True(binding >= 10, $"only {binding} instances where rule 13 binds");
    }

    private static MatchingInstance NetworkInstance(int seed)
    {
        var random = new Random(seed * 104_729);
        double Near(double c) => c + (random.NextDouble() - 0.5) * 0.1;
        var posts = Enumerable.Range(0, random.Next(3, 6)).Select(i => Make.Post($"q{i}", $"org-{random.Next(2)}", q => q with
        {
            Location = new GeoPoint(Near(45.75), Near(4.85)),
            Capacity = random.Next(1, 3),
            Schedule = WeeklySchedule.Parse(random.Next(3) == 0 ? "sat 09:00-17:00" : "mon 09:00-12:00"),
        })).ToList();
        var count = random.Next(4, 8);
        var persons = Enumerable.Range(0, count).Select(i => Make.Person($"p{i}", p => p with
        {
            Location = new GeoPoint(Near(45.75), Near(4.85)),
            MaxTravelKm = 15,
            HoursRemaining = random.Next(8) == 0 ? 0 : 20 + random.Next(60),
            Deadline = Make.Today.AddDays(7 * (10 + random.Next(60))),
            Availability = WeeklySchedule.Parse("mon 08:00-18:00; sat 08:00-18:00"),
        })).ToList();
        // One or two groups, each member barred from the others.
        var groups = Enumerable.Range(0, count).GroupBy(_ => random.Next(2)).Where(g => g.Count() > 1).ToList();
        foreach (var group in groups)
            foreach (var i in group)
                persons[i] = persons[i] with { NoContactWithPersonIds = Make.Set([.. group.Where(j => j != i).Select(j => persons[j].Id)]) };
        return Make.Instance(persons, posts);
    }

    [Fact]
    public void TheRandomInstances_ExerciseCpSat_AndPinnedPairs()
    {
        var instances = Enumerable.Range(1, 150).Select(seed => RandomInstance(seed, conflicts: true)).ToList();
        var reSolved = instances.Sum(i => new AssignmentSolver().Solve(i).Stats!.ConflictComponents);
        Assert.True(reSolved >= 10, $"only {reSolved} components went through CP-SAT");
        Assert.True(instances.Count(i => i.Pinned.Count > 0) >= 20);
    }

    private static MatchingInstance RandomInstance(int seed, bool conflicts)
    {
        var random = new Random(seed * 7919 + (conflicts ? 1 : 0));
        double Near(double c) => c + (random.NextDouble() - 0.5) * 0.2;
        var posts = Enumerable.Range(0, random.Next(2, 5)).Select(i => Make.Post($"q{i}", $"org-{random.Next(3)}", q => q with
        {
            Location = new GeoPoint(Near(45.75), Near(4.85)),
            Capacity = random.Next(0, 3),
            Schedule = random.Next(2) == 0 ? WeeklySchedule.Parse("mon 09:00-12:00") : WeeklySchedule.Parse("sat 09:00-17:00"),
            RequiresDrivingLicence = random.Next(4) == 0,
            ContactWithMinors = random.Next(4) == 0,
            Skills = random.Next(2) == 0 ? ["jardinage"] : ["cuisine", "service"],
        })).ToList();
        var count = random.Next(3, 7);
        var persons = Enumerable.Range(0, count).Select(i => Make.Person($"p{i}", p => p with
        {
            Location = new GeoPoint(Near(45.75), Near(4.85)),
            MaxTravelKm = 5 + random.Next(10),
            HasDrivingLicence = random.Next(2) == 0,
            NoContactWithMinors = random.Next(4) == 0,
            HoursRemaining = 20 + random.Next(60),
            Deadline = Make.Today.AddDays(7 * (10 + random.Next(60))),
            Availability = random.Next(3) == 0 ? WeeklySchedule.Parse("sat 08:00-18:00") : WeeklySchedule.Parse("mon 08:00-18:00; sat 08:00-12:00"),
            Skills = random.Next(2) == 0 ? ["jardinage"] : ["cuisine"],
        })).ToList();
        if (conflicts)
            for (var k = 0; k < 2; k++)
            {
                var (a, b) = (random.Next(count), random.Next(count));
                if (a != b) persons[a] = persons[a] with { NoContactWithPersonIds = Make.Set(persons[b].Id) };
            }
        var pinned = new List<PinnedPair>();
        if (random.Next(4) == 0) pinned.Add(new PinnedPair(persons[0].Id, posts[random.Next(posts.Count)].Id));
        return Make.Instance(persons, posts, pinned);
    }

    /// <summary>
    /// Every assignment of the free persons to eligible posts (or none) that respects the places left by
    /// pinned persons and keeps co-defendants apart (a pinned one included): the lexicographic best.
    /// </summary>
    private static (int Placed, long Quality) Exhaustive(MatchingInstance instance)
    {
        var date = instance.ReferenceDate;
        var persons = instance.Persons;
        var posts = instance.Posts;
        int Score(MatchPerson p, MatchPost q) => QualityScore.Of(p, q, EligibilityRules.Evaluate(p, q, date), date);
        bool Codefendants(MatchPerson a, MatchPerson b) => a.NoContactWithPersonIds.Contains(b.Id) || b.NoContactWithPersonIds.Contains(a.Id);

        var pinned = instance.Pinned.Select(p => (Person: persons.Single(x => x.Id == p.PersonId), Post: posts.Single(q => q.Id == p.PostId))).ToList();
        var free = persons.Where(p => pinned.All(x => x.Person.Id != p.Id)).ToList();
        var places = posts.Select(q => Math.Max(0, q.Capacity - pinned.Count(x => x.Post.Id == q.Id))).ToArray();
        var options = free.Select(person => posts.Select((post, j) => (post, j))
            .Where(x => person.HoursRemaining > 0 && EligibilityRules.Evaluate(person, x.post, date).IsEligible)
            .Where(x => !pinned.Any(pin => Codefendants(person, pin.Person) && pin.Post.PartnerId == x.post.PartnerId))
            .Select(x => (x.j, score: Score(person, x.post)))
            .ToList()).ToList();

        var chosen = new int[free.Count];
        var used = new int[posts.Count];
        (int Placed, long Quality) best = (-1, -1);
        void Visit(int i, int placed, long quality)
        {
            if (i == free.Count)
            {
                if (placed > best.Placed || (placed == best.Placed && quality > best.Quality)) best = (placed, quality);
                return;
            }
            chosen[i] = -1;
            Visit(i + 1, placed, quality);
            foreach (var (j, score) in options[i])
            {
                if (used[j] >= places[j]) continue;
                var clash = false;
                for (var k = 0; k < i && !clash; k++)
                    clash = chosen[k] >= 0 && posts[chosen[k]].PartnerId == posts[j].PartnerId && Codefendants(free[i], free[k]);
                if (clash) continue;
                chosen[i] = j;
                used[j]++;
                Visit(i + 1, placed + 1, quality + score);
                used[j]--;
                chosen[i] = -1;
            }
        }
        Visit(0, 0, 0);
        return (best.Placed + pinned.Count, best.Quality + pinned.Sum(x => Score(x.Person, x.Post)));
    }

    private static void AssertFeasible(MatchingInstance instance, MatchingResult result)
    {
        Assert.Equal(instance.Persons.Count, result.Assignments.Count + result.Unassigned.Count);
        Assert.Equal(instance.Persons.Select(p => p.Id).Order(), result.Assignments.Select(a => a.PersonId).Concat(result.Unassigned.Select(u => u.PersonId)).Order());
        var pinned = instance.Pinned.ToHashSet();
        foreach (var a in result.Assignments.Where(a => !pinned.Contains(new PinnedPair(a.PersonId, a.PostId))))
        {
            var person = instance.Persons.Single(p => p.Id == a.PersonId);
            var post = instance.Posts.Single(p => p.Id == a.PostId);
            Assert.True(EligibilityRules.Evaluate(person, post, instance.ReferenceDate).IsEligible);
        }
        foreach (var group in result.Assignments.GroupBy(a => a.PostId))
        {
            var post = instance.Posts.Single(p => p.Id == group.Key);
            Assert.True(group.Count() <= Math.Max(post.Capacity, group.Count(a => a.Pinned)), $"capacity of {post.Id}");
        }
        var partnerOf = result.Assignments.ToDictionary(a => a.PersonId, a => instance.Posts.Single(p => p.Id == a.PostId).PartnerId);
        foreach (var person in instance.Persons)
            foreach (var other in person.NoContactWithPersonIds)
                if (partnerOf.TryGetValue(person.Id, out var x) && partnerOf.TryGetValue(other, out var y) && !(pinned.Any(p => p.PersonId == person.Id) && pinned.Any(p => p.PersonId == other)))
                    Assert.NotEqual(x, y);
    }
}
