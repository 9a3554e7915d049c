using Placement.Benchmarks;

// Benchmarks print figures; they are never tests. Usage:
//   dotnet run -c Release --project tests/Placement.Benchmarks [-- <name> ...]
// With no name, every benchmark runs.
IBenchmark[] all = [new GeographyBenchmark(), new MatchingBenchmark(), new SearchBenchmark(), new LoadBenchmark(), new SolveLoadBenchmark(), new ImportBenchmark()];

var selected = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToArray();
if (selected.Length == 0)
{
    await Console.Error.WriteLineAsync($"Unknown benchmark. Available: {string.Join(", ", all.Select(b => b.Name))}");
    return 2;
}
Console.WriteLine($"Placement benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
foreach (var benchmark in selected)
{
    Console.WriteLine();
    Console.WriteLine($"## {benchmark.Name}");
    benchmark.Run(Console.Out);
}
return 0;
