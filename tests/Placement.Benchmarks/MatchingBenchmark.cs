using System.Diagnostics;
using Google.OrTools.Graph;
using Placement.Catalogue.Geography;
using Placement.Matching.Engine;
using Placement.Matching.Engine.Generation;

namespace Placement.Benchmarks;

/// <summary>
/// The solver at generated scales, without and with co-defendant conflicts, beside a bare OR-Tools min-cost flow on the
/// same arcs (the floor) and the greedy baseline (what is done by hand); then the shared instance library, each instance
/// solved by the <c>match</c> CLI in a child process and judged by an independent checker (<see cref="InstanceLibrary"/>).
/// Environment: <c>PLACEMENT_MATCHING_SCALES</c> — comma-separated scale names to run (all when unset; <c>none</c>, or any
/// list naming no scale, runs none); <c>PLACEMENT_MATCHING_LIBRARY=0</c> skips the library; <c>PLACEMENT_INSTANCES_DIR</c>
/// — the library's folder; <c>PLACEMENT_MATCH_DLL</c> — the Placement.Web.dll whose CLI is measured (another build, for an
/// A/B); <c>PLACEMENT_REFERENCE_SECONDS</c> — also the long reference runs, of <c>networks</c> and of the library's
/// <c>conflicts</c>, with that time limit.
/// </summary>
public sealed class MatchingBenchmark : IBenchmark
{
    public string Name => "matching";

    private static readonly (string Scale, int Persons, int Posts, string? Area, int? Cities, int? Networks)[] Scales =
    [
        ("département", 500, 2_000, null, null, null),
        ("region", 3_000, 12_000, null, null, null),
        ("nation", 10_000, 40_000, null, null, null),
        // Issue 13: a dense territory — 15 cities of Auvergne-Rhône-Alpes, posts within 12 km of them, travel 5–30 km.
        ("dense", 10_000, 40_000, "r84", 15, null),
        // Issue 13: co-defendant networks — groups of 5–30 in the same neighbourhoods, ~950 links, 20 s.
        ("networks", 3_000, 10_000, "r84", null, 950),
    ];

    public void Run(TextWriter output)
    {
        var only = Environment.GetEnvironmentVariable("PLACEMENT_MATCHING_SCALES")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var unknown in (only ?? []).Except(Scales.Select(s => s.Scale).Append("none")))
            output.WriteLine($"  Unknown scale {unknown} in PLACEMENT_MATCHING_SCALES (known: {string.Join(", ", Scales.Select(s => s.Scale))}, none).");
        var scales = Scales.Where(s => only is null || only.Contains(s.Scale)).ToArray();
        if (scales.Length > 0) RunGenerated(output, scales);
        if (Environment.GetEnvironmentVariable("PLACEMENT_MATCHING_LIBRARY") != "0") new InstanceLibrary(output).Run();
    }

    private static void RunGenerated(TextWriter output, (string Scale, int Persons, int Posts, string? Area, int? Cities, int? Networks)[] scales)
    {
        var geography = FranceGeography.Load(Path.Combine(AppContext.BaseDirectory, "seed", "geo"));
        var generator = new InstanceGenerator(geography);
        var rows = new List<object[]>();
        // Warm up (JIT, OR-Tools native load) as a running service would be.
        new AssignmentSolver().Solve(generator.Generate(50, 200, seed: 1, conflicts: true).ToInstance());
        foreach (var (scale, persons, posts, area, cities, networks) in scales)
            foreach (var conflicts in networks is null ? new[] { false, true } : [true])
            {
                var generated = generator.Generate(persons, posts, seed: 42, conflicts && networks is null, area, cities, networks);
                if (networks is not null) generated = generated with { Options = new Placement.Matching.Engine.InstanceOptionsDto { TimeLimitSeconds = 20 } };
                var instance = generated.ToInstance();
                GC.Collect();
                var result = new AssignmentSolver().Solve(instance);
                var stats = result.Stats!;
                var graph = CandidateGraph.Build(instance);
                var bare = BareFlow(instance, graph);
                var greedy = GreedyBaseline.Solve(graph).Stats!;
                rows.Add([
                    scale, conflicts ? "yes" : "no", stats.CandidatePairs, stats.Placed, stats.PlacedBound, stats.Quality, stats.QualityBound,
                    $"{stats.Gap:P3}", result.Status, stats.CandidateMs, stats.RuleMs, stats.SolveMs, (double)stats.ElapsedMs, bare.TotalMilliseconds,
                    greedy.Placed, greedy.Quality, Measure.PeakMemoryMiB(),
                ]);
                if (networks is not null && Environment.GetEnvironmentVariable("PLACEMENT_REFERENCE_SECONDS") is { } seconds)
                {
                    // An independent reference: CP-SAT on every component whole, for much longer.
                    var reference = new AssignmentSolver { FullModelArcLimit = int.MaxValue }.Solve(instance with { Options = instance.Options with { TimeLimitSeconds = double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture) } });
                    output.WriteLine($"  {scale} reference (whole components, {seconds} s): {reference.Status} placed {reference.Stats!.Placed}, quality {reference.Stats.Quality} in {reference.Stats.ElapsedMs} ms");
                }
                output.WriteLine($"  {scale} conflicts={conflicts}: {result.Status} placed {stats.Placed}/{persons} in {stats.ElapsedMs} ms, {stats.Components} components, {stats.ConflictComponents} re-solved by CP-SAT; "
                    + $"{graph.PairsExamined} pairs examined, {graph.PairsExamined / Math.Max(1e-9, (stats.CandidateMs + stats.RuleMs) / 1000 / 2):0} pairs/s (2 threads); end to end / solve = {stats.ElapsedMs / Math.Max(1, stats.SolveMs):0.0}");
            }
        Measure.Table(output,
            ["scale", "conflicts", "candidate pairs", "placed", "placed bound", "quality", "quality bound", "gap", "status",
             "candidates ms (Σ threads)", "rules ms (Σ threads)", "solve ms", "end to end ms", "bare flow ms", "greedy placed", "greedy quality", "peak MiB (process)"],
            rows);
    }

    /// <summary>One OR-Tools min-cost flow over all the arcs, no components, no conflicts: the floor for this work.</summary>
    private static TimeSpan BareFlow(MatchingInstance instance, CandidateGraph graph)
    {
        var watch = Stopwatch.StartNew();
        var flow = new MinCostFlow();
        int persons = instance.Persons.Count, source = persons + instance.Posts.Count, sink = source + 1;
        for (var p = 0; p < persons; p++) flow.AddArcWithCapacityAndUnitCost(source, p, 1, 0);
        foreach (var arcs in graph.ByPerson)
            foreach (var arc in arcs) flow.AddArcWithCapacityAndUnitCost(arc.Person, persons + arc.Post, 1, QualityScore.Max - arc.Score);
        for (var q = 0; q < instance.Posts.Count; q++) flow.AddArcWithCapacityAndUnitCost(persons + q, sink, instance.Posts[q].Capacity, 0);
        flow.SetNodeSupply(source, persons);
        flow.SetNodeSupply(sink, -persons);
        var status = flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL) throw new InvalidOperationException(status.ToString());
        return watch.Elapsed;
    }
}
