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
/// <see cref="FullModelArcLimit"/> arcs get CP-SAT on growing neighbourhoods of the conflicts (the other persons
/// keep their places), and report FEASIBLE unless the bound is met or the last neighbourhood was the whole component.
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
        // Co-defendants leave a search to do after the flows: it gets a share of the limit. Without, only the flows follow.
        var search = instance.Persons.Any(p => p.NoContactWithPersonIds.Count > 0);
        var budget = new CandidateBudget(Clock, started, instance.Options.TimeLimit * (search ? CandidateShare : 0.9), instance.Options.TimeLimit * (search ? FirstPassShare : 0.9))
        {
            Limit = instance.Options.TimeLimit * 0.95,
            Afterwards = AfterwardsPerItem * (instance.Persons.Count + instance.Posts.Count),
            PerArc = AfterwardsPerArc,
        };
        var graph = CandidateGraph.Build(instance, share => progress?.Report(new SolveProgress("candidates", 20 * share)), budget, stop);
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
            var remaining = instance.Options.TimeLimit - ResultReserve(instance.Options.TimeLimit) - Clock.GetElapsedTime(started);
            results[c] = SolveConflicts(problem, components[c], results[c], remaining > TimeSpan.Zero && !stop.IsCancellationRequested ? remaining : TimeSpan.FromMilliseconds(1), stop);
        }

        var chosen = results.SelectMany(r => r.Arcs).ToList();
        var optimal = results.All(r => r.Optimal);
        // Persons left with their nearest posts only and not placed on them: examined in full while time remains, then offered
        // what is still free — a farther eligible post may be.
        var placed = chosen.Select(a => a.Person).ToHashSet();
        var completed = new List<CandidateArc>();
        for (var p = 0; p < instance.Persons.Count; p++)
        {
            if (!graph.Coarse[p] || placed.Contains(p)) continue;
            if (stop.IsCancellationRequested || Clock.GetElapsedTime(started) >= instance.Options.TimeLimit - ResultReserve(instance.Options.TimeLimit)) break;
            completed.AddRange(graph.Complete(p).Where(problem.Usable));
        }
        // Augmenting only ever adds persons: over every arc after a stopped search; after optimal flows, only the new arcs can.
        if (!optimal) problem.Augment(chosen, completed.Count == 0 ? problem.Arcs : problem.Arcs.Concat(completed));
        else if (completed.Count > 0) problem.Augment(chosen, completed);
        var result = problem.Result(chosen, results, optimal, watch, candidatesDone, toRepair.Count);
        progress?.Report(new SolveProgress("done", 100, result.Stats!.Objective, result.Stats.BestBound));
        return result;
    }

    /// <summary>
    /// The share of the time limit candidate generation may take when co-defendants leave a search to do after the flows
    /// (without, it goes on while what follows it fits: <see cref="CandidateBudget.Limit"/>).
    /// </summary>
    public const double CandidateShare = 0.55;

    /// <summary>
    /// What the solve after candidate generation takes, per person and post (the problem, the result, the explanations) and per
    /// candidate (components, flows), as measured on 2 cores (10,000 × 40,000: ≈ 0.2 s, and 0.4 to 0.7 µs per candidate); the work stops when they would not end
    /// within 95 % of the limit.
    /// </summary>
    private static readonly TimeSpan AfterwardsPerItem = TimeSpan.FromTicks(35), AfterwardsPerArc = TimeSpan.FromTicks(7);

    /// <summary>How far into the limit the first pass of candidate generation (everyone's nearest posts at least) may go.</summary>
    public const double FirstPassShare = 0.75;

    /// <summary>What the end of a solve (augmenting, explanations, the result) is left of the limit: 5 %, at least 100 ms.</summary>
    private static TimeSpan ResultReserve(TimeSpan limit) => TimeSpan.FromTicks(Math.Max(limit.Ticks / 20, TimeSpan.FromMilliseconds(100).Ticks));

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

    /// <summary>
    /// Re-solves a component whose flow optimum puts co-defendants together, with rule 13 enforced: whole when it is small;
    /// otherwise by neighbourhoods of growing size (large neighbourhood search): first the persons of the violated pairs
    /// with their best posts and the persons holding those, then every person of a co-defendant pair and every unplaced
    /// person with twice as many posts each, and so on — each solved by CP-SAT with everyone else kept in place and the
    /// best solution so far as hint — until the bound is met, as many persons are placed as it allows, the neighbourhood is
    /// the whole component, time runs out, or a wider round (given at most as long as all the rounds before it) ends on
    /// its time without finding better.
    /// </summary>
    private ComponentResult SolveConflicts(AssignmentProblem problem, Component component, ComponentResult relaxed, TimeSpan timeLimit, CancellationToken ct)
    {
        var started = Clock.GetTimestamp();
        var best = problem.Repair(relaxed.Arcs, component.Arcs);
        var whole = component.Arcs.Count <= FullModelArcLimit;
        var core = new HashSet<int>();
        foreach (var (a, b) in problem.ViolatedConflicts(relaxed.Arcs)) { core.Add(a); core.Add(b); }
        var width = AssignmentProblem.NeighbourhoodPosts;
        var proved = false;
        var first = true;
        while (true)
        {
            var free = whole ? component : problem.Neighbourhood(component, best, core, width);
            var covers = free.Arcs.Count == component.Arcs.Count;
            var elapsed = Clock.GetElapsedTime(started);
            var remaining = timeLimit - elapsed;
            // The first neighbourhood may take all the time; each wider one at most as long as all before it (doubling).
            var slice = first || elapsed > remaining ? remaining : elapsed;
            var (chosen, status) = SolveModel(problem, free, best, slice > TimeSpan.Zero ? slice : TimeSpan.FromMilliseconds(1), ct);
            var improved = Better(chosen, best);
            if (improved) best = chosen;
            proved = covers && status == CpSolverStatus.Optimal;
            if (proved || covers || MeetsBound(best, relaxed) || ct.IsCancellationRequested || Clock.GetElapsedTime(started) >= timeLimit) break;
            // Wider rounds look for persons left out: when as many are placed as the bound allows, the rest is quality —
            // a few points that a relaxed bound overstates, not worth doubling the wait. A wider round that found nothing
            // better and ran out of its time would only spend more.
            if (best.Count >= relaxed.BoundPlaced || (!first && !improved && status != CpSolverStatus.Optimal)) break;
            first = false;
            // Wider: every co-defendant and every unplaced person of the component, with twice as many posts each.
            var placed = best.Select(a => a.Person).ToHashSet();
            foreach (var (a, b) in problem.ConflictPairs)
                if (component.Persons.Contains(a)) { core.Add(a); core.Add(b); }
            core.UnionWith(component.Persons.Where(p => !placed.Contains(p)));
            width *= 2;
        }

        var quality = best.Sum(a => (long)a.Score);
        return proved
            ? new ComponentResult(best, best.Count, quality, true, true, best.Count, quality)
            : new ComponentResult(best, best.Count, quality, true, MeetsBound(best, relaxed), relaxed.BoundPlaced, relaxed.BoundQuality);
    }

    private static bool MeetsBound(IReadOnlyList<CandidateArc> chosen, ComponentResult relaxed) =>
        chosen.Count == relaxed.BoundPlaced && chosen.Sum(a => (long)a.Score) == relaxed.BoundQuality;

    /// <summary>More persons placed, then a better total quality.</summary>
    private static bool Better(IReadOnlyList<CandidateArc> a, IReadOnlyList<CandidateArc> b) =>
        a.Count != b.Count ? a.Count > b.Count : a.Sum(x => (long)x.Score) > b.Sum(x => (long)x.Score);

    /// <summary>
    /// CP-SAT on the persons of <paramref name="free"/>, everyone else of <paramref name="current"/> kept in place: at most one
    /// post per person, places left, co-defendants never with one partner (a kept one's partner forbidden to the other);
    /// hinted with <paramref name="current"/>. The solution found (kept persons included), or <paramref name="current"/> when none.
    /// </summary>
    private static (List<CandidateArc> Chosen, CpSolverStatus Status) SolveModel(AssignmentProblem problem, Component free, IReadOnlyList<CandidateArc> current, TimeSpan timeLimit, CancellationToken ct)
    {
        var fixedArcs = current.Where(a => !free.Persons.Contains(a.Person)).ToList();
        var model = new CpModel();
        var vars = new BoolVar[free.Arcs.Count];
        for (var i = 0; i < vars.Length; i++) vars[i] = model.NewBoolVar($"x{i}");
        var hinted = current.Select(a => (a.Person, a.Post)).ToHashSet();
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
        var arcsOf = Enumerable.Range(0, vars.Length).ToLookup(i => free.Arcs[i].Person);
        // Co-defendants both re-opened: at most one of each group with each partner.
        foreach (var clique in problem.ConflictCliques)
        {
            var members = clique.Where(free.Persons.Contains).ToList();
            if (members.Count < 2) continue;
            foreach (var partner in members.SelectMany(m => arcsOf[m]).GroupBy(i => problem.PartnerOf(free.Arcs[i].Post)))
                if (partner.Select(i => free.Arcs[i].Person).Distinct().Count() >= 2)
                    model.AddAtMostOne(partner.Select(i => (ILiteral)vars[i]));
        }
        // One re-opened, the other kept in place: the kept one's partner is closed to the re-opened one.
        foreach (var (a, b) in problem.ConflictPairs)
        {
            var aFree = free.Persons.Contains(a);
            var bFree = free.Persons.Contains(b);
            if (aFree != bFree)
            {
                var (mover, other) = aFree ? (a, b) : (b, a);
                if (!fixedPartner.TryGetValue(other, out var partnerOfOther)) continue;
                foreach (var i in arcsOf[mover])
                    if (problem.PartnerOf(free.Arcs[i].Post) == partnerOfOther) model.Add(vars[i] == 0);
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
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return ([.. current], status);
        var chosen = fixedArcs;
        for (var i = 0; i < vars.Length; i++)
            if (solver.BooleanValue(vars[i])) chosen.Add(free.Arcs[i]);
        return (chosen, status);
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
