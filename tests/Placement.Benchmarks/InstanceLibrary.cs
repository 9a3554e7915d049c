using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Placement.Benchmarks;

/// <summary>
/// The second part of <see cref="MatchingBenchmark"/>: every <c>*.json.gz</c> of the shared instance library
/// (<c>PLACEMENT_INSTANCES_DIR</c>, else <c>../shared/data/instances</c> from the repository root), each solved by the
/// <see cref="MatchCli"/> and judged by the <see cref="IndependentChecker"/>; then <c>clustered</c> at 1 and 3 s, and
/// <c>conflicts</c> at <c>PLACEMENT_REFERENCE_SECONDS</c> when set (the long reference run). One row each.
/// </summary>
internal sealed class InstanceLibrary(TextWriter output)
{
    private const string Clustered = "clustered-10000x40000", Conflicts = "conflicts-3000x10000";

    private static readonly string[] Header =
    [
        "instance", "time limit s", "persons", "persons examined", "placed", "placed bound", "maximum (independent checker)",
        "eligible pairs (checker)", "candidate pairs (result)", "quality", "quality bound", "status", "candidate ms", "solve ms",
        "end to end ms", "process s", "limit kept", "peak MiB",
    ];

    private readonly List<object[]> rows = [];

    public void Run()
    {
        CheckerSelfTest.Run();
        var root = RepositoryRoot();
        var library = Environment.GetEnvironmentVariable("PLACEMENT_INSTANCES_DIR") is { Length: > 0 } set
            ? set : Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "instances"));
        if (!Directory.Exists(library))
        {
            output.WriteLine($"  No instance library at {library}: skipped.");
            return;
        }
        var dll = MatchCli.Dll(root);
        output.WriteLine($"  Library {library}; match CLI {dll}.");
        var temporary = Directory.CreateTempSubdirectory("placement-library-");
        try
        {
            var instances = new Dictionary<string, (string Path, IndependentChecker Checker)>();
            foreach (var file in Directory.GetFiles(library, "*.json.gz").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file)[..^".json.gz".Length];
                var json = Path.Combine(temporary.FullName, name + ".json");
                using (var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress))
                using (var target = File.Create(json))
                    gzip.CopyTo(target);
                var watch = Stopwatch.StartNew();
                var checker = IndependentChecker.Read(json);
                output.WriteLine($"  {name}: the checker finds {checker.EligiblePairs:N0} eligible pairs and a maximum of {checker.Maximum:N0}"
                    + $"{(checker.HasPersonLinks ? " (co-defendant links ignored: a bound)" : "")} in {watch.Elapsed.TotalSeconds:0.0} s.");
                instances[name] = (json, checker);
                Solve(dll, name, json, checker, checker.TimeLimitSeconds);
            }
            if (instances.TryGetValue(Clustered, out var clustered))
                foreach (var seconds in new[] { 1.0, 3.0 })
                    Solve(dll, string.Create(CultureInfo.InvariantCulture, $"clustered @{seconds} s"), WithTimeLimit(clustered.Path, seconds), clustered.Checker, seconds);
            if (Environment.GetEnvironmentVariable("PLACEMENT_REFERENCE_SECONDS") is { Length: > 0 } reference && instances.TryGetValue(Conflicts, out var conflicts))
            {
                var seconds = double.Parse(reference, CultureInfo.InvariantCulture);
                Solve(dll, string.Create(CultureInfo.InvariantCulture, $"conflicts @{seconds} s (reference)"), WithTimeLimit(conflicts.Path, seconds), conflicts.Checker, seconds);
            }
        }
        finally
        {
            temporary.Delete(recursive: true);
        }
        output.WriteLine();
        Measure.Table(output, Header, rows);
    }

    /// <summary>One CLI run, its result judged (a loud line per problem, never an exception) and its row.</summary>
    private void Solve(string dll, string label, string json, IndependentChecker checker, double? limit)
    {
        var resultPath = Path.ChangeExtension(json, ".out.json");
        var run = MatchCli.Run(dll, json, resultPath);
        if (run.ExitCode != 0)
        {
            output.WriteLine($"  MATCH FAILED {label}: exit code {run.ExitCode}: {run.Messages}");
            return;
        }
        try
        {
            using var result = JsonDocument.Parse(File.ReadAllBytes(resultPath));
            var problems = checker.Validate(result.RootElement);
            foreach (var problem in problems.Take(20)) output.WriteLine($"  INVALID RESULT {label}: {problem}");
            if (problems.Count > 20) output.WriteLine($"  INVALID RESULT {label}: … and {problems.Count - 20} more problems");
            rows.Add(Row(label, result.RootElement, checker, limit, run));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            output.WriteLine($"  INVALID RESULT {label}: unreadable ({e.Message})");
        }
    }

    private static object[] Row(string label, JsonElement result, IndependentChecker checker, double? limit, MatchRun run)
    {
        var stats = result.GetProperty("stats");
        double? Stat(string name) => stats.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        var notExamined = result.GetProperty("unassigned").EnumerateArray().Count(u => u.GetProperty("reason").GetString() == "not-examined");
        double? elapsed = Stat("elapsedMs"), solve = Stat("solveMs");
        var kept = limit is { } l && elapsed is { } e ? e <= l * 1000 && run.Seconds <= l + 1.5 ? "yes" : "no" : "—";
        return [
            label, Cell(limit), Cell(Stat("persons")), Cell(Stat("persons") - notExamined), Cell(Stat("placed")), Cell(Stat("placedBound")),
            checker.HasPersonLinks ? "—" : checker.Maximum, checker.EligiblePairs, Cell(Stat("candidatePairs")), Cell(Stat("quality")),
            Cell(Stat("qualityBound")), result.GetProperty("status").GetString()!, Cell(elapsed - solve), Cell(solve), Cell(elapsed),
            run.Seconds, kept, run.PeakMiB,
        ];
    }

    /// <summary>A copy of the instance with <c>options.timeLimitSeconds</c> rewritten.</summary>
    private static string WithTimeLimit(string json, double seconds)
    {
        var instance = JsonNode.Parse(File.ReadAllText(json))!.AsObject();
        if (instance["options"] is not JsonObject options) instance["options"] = options = [];
        options["timeLimitSeconds"] = seconds;
        var target = Path.Combine(Path.GetDirectoryName(json)!, $"{Path.GetFileNameWithoutExtension(json)}@{seconds.ToString(CultureInfo.InvariantCulture)}.json");
        File.WriteAllText(target, instance.ToJsonString());
        return target;
    }

    private static object Cell(double? value) => value is { } v ? v : "—";

    /// <summary>The first folder above the build holding <c>Placement.sln</c> or <c>.git</c> (a file in a worktree).</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Placement.sln")) || Path.Exists(Path.Combine(folder.FullName, ".git")))
                return folder.FullName;
        throw new InvalidOperationException($"No repository above {AppContext.BaseDirectory}.");
    }
}
