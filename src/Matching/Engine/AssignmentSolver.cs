using System.Diagnostics;
using Google.OrTools.Graph;
using Google.OrTools.Sat;

namespace Placement.Matching.Engine;

/// <summary>
/// Proposes the best set of placements of an instance (matching.md): first as many persons as
/// possible, then the best total quality.
/// <para>
/// Pinned pairs are kept and use their places. The candidate graph (eligible pairs with free places) is
/// split into connected components — co-defendants count as linked — solved independently and in
/// parallel. Each component is a bipartite b-matching solved exactly by OR-Tools min-cost flow (maximum
/// flow at minimum cost, cost = 100 − score). Where co-defendants (rule 13) end up with the same partner
/// in that solution, the component is re-solved by CP-SAT with the conflict constraints, hinted with the
/// flow solution repaired; the flow optimum, which relaxes rule 13, is the bound. Components above
/// <see cref="FullModelArcLimit"/> arcs get CP-SAT on the neighbourhood of the conflicts only (the other
/// persons keep their flow places), and report FEASIBLE unless the bound is met.
/// </para>
/// </summary>
public sealed class AssignmentSolver
{
    /// <summary>Largest component (in arcs) modelled whole in CP-SAT.</summary>
    public int FullModelArcLimit { get; init; } = 20_000;

    /// <summary>The clock of the time limit (a test moves it by hand).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Solves within <c>options.timeLimitSeconds</c>, candidate generation included: when the limit (or <paramref name="ct"/>)
    /// stops the work, the answer is the best found — persons not examined yet reported <c>not-examined</c>, CP-SAT
    /// stopped with its best solution — FEASIBLE, with a bound that stays a bound.
    /// </summary>
    public MatchingResult Solve(MatchingInstance instance, IProgress<SolveProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var watch = Stopwatch.StartNew();
        var started = Clock.GetTimestamp();
        using var limit = new CancellationTokenSource(instance.Options.TimeLimit, Clock);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        var stop = stopping.Token;
        progress?.Report(new SolveProgress("candidates", 0));
        var graph = CandidateGraph.Build(instance, share => progress?.Report(new SolveProgress("candidates", 20 * share)), stop);
        var candidatesDone = watch.Elapsed;

        var problem = AssignmentProblem.Create(graph);
        progress?.Report(new SolveProgress("flow", 20));
        var components = problem.Components();
        var results = new ComponentResult[components.Count];
        // Flows are fast and give the bound to report: they always run, on the candidates found.
        Parallel.For(0, components.Count, c => results[c] = SolveFlow(problem, components[c]));

        var toRepair = Enumerable.Range(0, components.Count).Where(c => !results[c].Feasible).ToList();
        var done = 0;
        foreach (var c in toRepair)
        {
            progress?.Report(new SolveProgress("conflicts", 40 + 55.0 * done++ / toRepair.Count, Sum(results, r => r.Objective(problem.PlacedWeight)), Sum(results, r => r.Bound(problem.PlacedWeight))));
            var remaining = instance.Options.TimeLimit - Clock.GetElapsedTime(started);
            results[c] = SolveConflicts(problem, components[c], results[c], remaining > TimeSpan.Zero && !stop.IsCancellationRequested ? remaining : TimeSpan.FromMilliseconds(1), stop);
        }

        var chosen = results.SelectMany(r => r.Arcs).ToList();
        var optimal = results.All(r => r.Optimal);
        if (!optimal) problem.Augment(chosen, problem.Arcs); // only ever adds persons: useful after a stopped CP-SAT search
        var result = problem.Result(chosen, results, optimal, watch, candidatesDone, toRepair.Count);
        progress?.Report(new SolveProgress("done", 100, result.Stats!.Objective, result.Stats.BestBound));
        return result;
    }

    private static long Sum(ComponentResult[] results, Func<ComponentResult, long> value) => results.Where(r => r is not null).Sum(value);

    /// <summary>Exact b-matching of one component: maximum flow, then minimum cost among maximum flows.</summary>
    private static ComponentResult SolveFlow(AssignmentProblem problem, Component component)
    {
        var flow = new MinCostFlow();
        int source = 0, sink = 1;
        // Global index → flow node, through arrays (no hashing on the hot path).
        var personNode = new int[problem.Graph.Instance.Persons.Count];
        var postNode = new int[problem.FreePlaces.Length];
        var next = 2;
        foreach (var p in component.Persons) personNode[p] = next++;
        foreach (var q in component.Posts) postNode[q] = next++;
        var arcIds = new int[component.Arcs.Count];
        foreach (var p in component.Persons) flow.AddArcWithCapacityAndUnitCost(source, personNode[p], 1, 0);
        for (var i = 0; i < component.Arcs.Count; i++)
        {
            var arc = component.Arcs[i];
            arcIds[i] = flow.AddArcWithCapacityAndUnitCost(personNode[arc.Person], postNode[arc.Post], 1, QualityScore.Max - arc.Score);
        }
        foreach (var q in component.Posts) flow.AddArcWithCapacityAndUnitCost(postNode[q], sink, problem.FreePlaces[q], 0);
        flow.SetNodeSupply(source, component.Persons.Count);
        flow.SetNodeSupply(sink, -component.Persons.Count);
        var status = flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL) throw new InvalidOperationException($"Min-cost flow failed: {status}.");
        var chosen = new List<CandidateArc>();
        for (var i = 0; i < arcIds.Length; i++)
            if (flow.Flow(arcIds[i]) > 0) chosen.Add(component.Arcs[i]);
        var placed = chosen.Count;
        var quality = chosen.Sum(a => (long)a.Score);
        var feasible = problem.ViolatedConflicts(chosen).Count == 0;
        return new ComponentResult(chosen, placed, quality, feasible, Optimal: feasible, BoundPlaced: placed, BoundQuality: quality);
    }

    /// <summary>Re-solves a component whose flow optimum puts co-defendants together, with rule 13 enforced.</summary>
    private ComponentResult SolveConflicts(AssignmentProblem problem, Component component, ComponentResult relaxed, TimeSpan timeLimit, CancellationToken ct)
    {
        var hint = problem.Repair(relaxed.Arcs, component.Arcs);
        var whole = component.Arcs.Count <= FullModelArcLimit;
        var free = whole ? component : problem.Neighbourhood(component, relaxed.Arcs);
        var fixedArcs = whole ? [] : hint.Where(a => !free.Persons.Contains(a.Person)).ToList();

        var model = new CpModel();
        var vars = new BoolVar[free.Arcs.Count];
        for (var i = 0; i < vars.Length; i++) vars[i] = model.NewBoolVar($"x{i}");
        var hinted = hint.Select(a => (a.Person, a.Post)).ToHashSet();
        for (var i = 0; i < vars.Length; i++) model.AddHint(vars[i], hinted.Contains((free.Arcs[i].Person, free.Arcs[i].Post)) ? 1L : 0L);

        foreach (var group in Enumerable.Range(0, vars.Length).GroupBy(i => free.Arcs[i].Person))
            model.AddAtMostOne(group.Select(i => (ILiteral)vars[i]));
        var usedByFixed = fixedArcs.GroupBy(a => a.Post).ToDictionary(g => g.Key, g => g.Count());
        foreach (var group in Enumerable.Range(0, vars.Length).GroupBy(i => free.Arcs[i].Post))
        {
            var places = problem.FreePlaces[group.Key] - usedByFixed.GetValueOrDefault(group.Key);
            model.Add(LinearExpr.Sum(group.Select(i => vars[i])) <= Math.Max(0, places));
        }
        var fixedPartner = fixedArcs.ToDictionary(a => a.Person, a => problem.PartnerOf(a.Post));
        foreach (var (a, b) in problem.ConflictPairs)
        {
            var aFree = free.Persons.Contains(a);
            var bFree = free.Persons.Contains(b);
            if (aFree && bFree)
            {
                foreach (var partner in Enumerable.Range(0, vars.Length).Where(i => free.Arcs[i].Person == a || free.Arcs[i].Person == b).GroupBy(i => problem.PartnerOf(free.Arcs[i].Post)))
                    if (partner.Select(i => free.Arcs[i].Person).Distinct().Count() == 2)
                        model.AddAtMostOne(partner.Select(i => (ILiteral)vars[i]));
            }
            else if (aFree || bFree)
            {
                var (mover, other) = aFree ? (a, b) : (b, a);
                if (!fixedPartner.TryGetValue(other, out var partnerOfOther)) continue;
                for (var i = 0; i < vars.Length; i++)
                    if (free.Arcs[i].Person == mover && problem.PartnerOf(free.Arcs[i].Post) == partnerOfOther) model.Add(vars[i] == 0);
            }
        }
        var weight = 100L * free.Persons.Count + 1;
        model.Maximize(LinearExpr.WeightedSum(vars, free.Arcs.Select(a => weight + a.Score)));

        var solver = new CpSolver
        {
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{Math.Max(0.01, timeLimit.TotalSeconds):0.###} num_workers:{Math.Max(1, Environment.ProcessorCount)} random_seed:1"),
        };
        using var registration = ct.Register(solver.StopSearch);
        // A stop asked just before the search starts would be lost: ask again while it runs.
        using var repeat = new Timer(_ => { if (ct.IsCancellationRequested) solver.StopSearch(); }, null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        var status = ct.IsCancellationRequested ? CpSolverStatus.Unknown : solver.Solve(model);
        List<CandidateArc> chosen;
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
        {
            chosen = [.. fixedArcs];
            for (var i = 0; i < vars.Length; i++)
                if (solver.BooleanValue(vars[i])) chosen.Add(free.Arcs[i]);
        }
        else chosen = hint; // no solution in time: the repaired flow solution is feasible
        if (chosen.Count < hint.Count || (chosen.Count == hint.Count && chosen.Sum(a => (long)a.Score) < hint.Sum(a => (long)a.Score))) chosen = hint;

        var placed = chosen.Count;
        var quality = chosen.Sum(a => (long)a.Score);
        var provedByModel = whole && status == CpSolverStatus.Optimal;
        var meetsBound = placed == relaxed.BoundPlaced && quality == relaxed.BoundQuality;
        return provedByModel
            ? new ComponentResult(chosen, placed, quality, true, true, placed, quality)
            : new ComponentResult(chosen, placed, quality, true, meetsBound, relaxed.BoundPlaced, relaxed.BoundQuality);
    }
}

/// <summary>One component's solution and its proven bound (persons placed, then quality).</summary>
internal sealed record ComponentResult(IReadOnlyList<CandidateArc> Arcs, int Placed, long Quality, bool Feasible, bool Optimal, int BoundPlaced, long BoundQuality)
{
    public long Objective(long weight) => Placed * weight + Quality;
    public long Bound(long weight) => BoundPlaced * weight + BoundQuality;
}

/// <summary>A connected part of the candidate graph: its persons, posts and arcs.</summary>
internal sealed record Component(HashSet<int> Persons, List<int> Posts, List<CandidateArc> Arcs);
