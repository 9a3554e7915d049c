using Placement.Catalogue.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

public class SolverTests
{
    private static readonly AssignmentSolver Solver = new();

    [Fact]
    public void EveryPersonAppearsExactlyOnce_WithTheReasonWhyWhenUnplaced()
    {
        var persons = new[]
        {
            Make.Person("placed"),
            Make.Person("too-far", p => p with { Location = new GeoPoint(48.85, 2.35) }),
            Make.Person("crowded"),
        };
        var result = Solver.Solve(Make.Instance(persons, [Make.Post("q1"), Make.Post("q2", with: q => q with { Capacity = 0 })]));
        Assert.Equal(MatchingResult.Optimal, result.Status);
        Assert.Equal(["crowded", "placed", "too-far"], result.Assignments.Select(a => a.PersonId).Concat(result.Unassigned.Select(u => u.PersonId)).Order());
        Assert.Single(result.Assignments);
        var tooFar = result.Unassigned.Single(u => u.PersonId == "too-far");
        Assert.Equal(UnassignedReasons.NoEligiblePost, tooFar.Reason);
        Assert.Equal(new Dictionary<string, int> { ["distance"] = 2 }, tooFar.BlockingRules);
        Assert.Equal(UnassignedReasons.Capacity, result.Unassigned.Single(u => u.PersonId != "too-far").Reason);
    }

    [Fact]
    public void CapacityZero_LeavesAnEligiblePersonUnplaced_ForCapacity()
    {
        var result = Solver.Solve(Make.Instance([Make.Person()], [Make.Post(with: q => q with { Capacity = 0 })]));
        Assert.Equal(UnassignedReasons.Capacity, Assert.Single(result.Unassigned).Reason);
        Assert.Equal(1, result.Stats!.CandidatePairs);
    }

    [Fact]
    public void BlockingRules_CountEveryRuleANearbyPostBreaks()
    {
        var person = Make.Person(with: p => p with { NoContactWithMinors = true, HasDrivingLicence = false });
        var posts = new[]
        {
            Make.Post("a", with: q => q with { ContactWithMinors = true }),
            Make.Post("b", with: q => q with { ContactWithMinors = true, RequiresDrivingLicence = true }),
            Make.Post("c", with: q => q with { Location = new GeoPoint(44.0, 4.85) }),
        };
        var unassigned = Assert.Single(Solver.Solve(Make.Instance([person], posts)).Unassigned);
        Assert.Equal(new Dictionary<string, int> { ["contactWithMinors"] = 2, ["distance"] = 1, ["drivingLicence"] = 1 }, unassigned.BlockingRules);
    }

    [Fact]
    public void CoDefendants_AreNeverPlacedWithTheSamePartner()
    {
        var a = Make.Person("a", p => p with { NoContactWithPersonIds = Make.Set("b") });
        var b = Make.Person("b");
        var result = Solver.Solve(Make.Instance([a, b], [Make.Post("q1", "org-1", q => q with { Capacity = 2 })]));
        Assert.Equal(MatchingResult.Optimal, result.Status);
        Assert.Single(result.Assignments);
        Assert.Equal(UnassignedReasons.Conflict, Assert.Single(result.Unassigned).Reason);
    }

    [Fact]
    public void CoDefendants_AreSpreadOverPartners_WhenThatPlacesBoth()
    {
        var a = Make.Person("a", p => p with { NoContactWithPersonIds = Make.Set("b") });
        var b = Make.Person("b");
        var result = Solver.Solve(Make.Instance([a, b], [Make.Post("q1", "org-1", q => q with { Capacity = 2 }), Make.Post("q2", "org-2", q => q with { Location = new GeoPoint(45.80, 4.85) })]));
        Assert.Equal(MatchingResult.Optimal, result.Status);
        Assert.Equal(2, result.Assignments.Count);
        Assert.NotEqual(result.Assignments[0].PostId, result.Assignments[1].PostId);
        Assert.Equal(1, result.Stats!.ConflictComponents);
    }

    [Fact]
    public void APinnedPairThatBreaksARule_IsKept_AndSaysSo()
    {
        var far = Make.Person("far", p => p with { Location = new GeoPoint(48.85, 2.35) });
        var other = Make.Person("other");
        var result = Solver.Solve(Make.Instance([far, other], [Make.Post("q1")], [new PinnedPair("far", "q1")]));
        var kept = Assert.Single(result.Assignments);
        Assert.Equal(("far", "q1", true), (kept.PersonId, kept.PostId, kept.Pinned));
        Assert.StartsWith("placement existant maintenu malgré : trop loin du domicile", kept.Explanation[0], StringComparison.Ordinal);
        Assert.Equal(UnassignedReasons.Capacity, Assert.Single(result.Unassigned).Reason); // the pinned person holds the only place
    }

    [Fact]
    public void APinnedPersonsCoDefendant_CannotJoinTheirPartner()
    {
        var pinned = Make.Person("pinned", p => p with { NoContactWithPersonIds = Make.Set("free") });
        var free = Make.Person("free");
        var result = Solver.Solve(Make.Instance([pinned, free], [Make.Post("q1", "org-1", q => q with { Capacity = 2 })], [new PinnedPair("pinned", "q1")]));
        Assert.Equal(UnassignedReasons.Conflict, Assert.Single(result.Unassigned).Reason);
    }

    [Fact]
    public void IndependentParts_AreSolvedAsSeparateComponents()
    {
        var lyonPerson = Make.Person("lyon");
        var parisPerson = Make.Person("paris", p => p with { Location = new GeoPoint(48.85, 2.35) });
        var result = Solver.Solve(Make.Instance([lyonPerson, parisPerson], [Make.Post("lyon"), Make.Post("paris", "org-2", q => q with { Location = new GeoPoint(48.86, 2.35) })]));
        Assert.Equal(2, result.Stats!.Components);
        Assert.Equal(2, result.Stats.Placed);
    }

    [Fact]
    public void TheObjective_PlacesMorePersonsBeforeBetterQuality()
    {
        // a fits q1 (near) and q2 (far); b fits q1 only. Best quality alone would give q1 to a; placing both needs a on q2.
        var a = Make.Person("a");
        var b = Make.Person("b", p => p with { MaxTravelKm = 3 });
        var q1 = Make.Post("q1");
        var q2 = Make.Post("q2", "org-2", q => q with { Location = new GeoPoint(45.85, 4.85) });
        var result = Solver.Solve(Make.Instance([a, b], [q1, q2]));
        Assert.Equal(2, result.Stats!.Placed);
        Assert.Equal("q2", result.Assignments.Single(x => x.PersonId == "a").PostId);
        Assert.Equal(result.Stats.Objective, result.Stats.BestBound);
        Assert.Equal(2 * result.Stats.PlacedWeight + result.Assignments.Sum(x => x.Score), result.Stats.Objective);
    }

    [Fact]
    public void ASolveCancelledDuringTheSearch_StillReturnsAFeasibleSolution_WithItsBound()
    {
        var a = Make.Person("a", p => p with { NoContactWithPersonIds = Make.Set("b") });
        var b = Make.Person("b");
        using var cancelled = new CancellationTokenSource();
        // The flow optimum puts both on the nearer q1; only CP-SAT, here cancelled as it starts, would separate them.
        var q2 = Make.Post("q2", "org-2", q => q with { Location = new GeoPoint(45.80, 4.85) });
        var result = Solver.Solve(Make.Instance([a, b], [Make.Post("q1", "org-1", q => q with { Capacity = 2 }), q2]),
            new SynchronousProgress(p => { if (p.Phase == "conflicts") cancelled.Cancel(); }), cancelled.Token);
        Assert.Equal(MatchingResult.Feasible, result.Status);
        Assert.True(result.Stats!.BestBound >= result.Stats.Objective);
        Assert.Equal(2, result.Assignments.Count + result.Unassigned.Count);
        Assert.NotEqual(result.Assignments[0].PostId, result.Assignments.ElementAtOrDefault(1)?.PostId);
    }

    [Fact]
    public void Progress_ReportsPhasesUpToDone()
    {
        var phases = new List<string>();
        Solver.Solve(Make.Instance([Make.Person()], [Make.Post()]), new SynchronousProgress(p => phases.Add(p.Phase)));
        Assert.Equal("candidates", phases[0]);
        Assert.Equal("done", phases[^1]);
    }

    private sealed class SynchronousProgress(Action<SolveProgress> report) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value) => report(value);
    }
}
