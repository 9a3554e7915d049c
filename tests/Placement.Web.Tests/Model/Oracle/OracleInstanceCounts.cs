using Xunit.Abstractions;

namespace Placement.Web.Tests.Model.Oracle;

/// <summary>
/// One-off check of the oracle against the eligible-pair counts of an independent checker
/// (data/instances/README.md). Not a CI test: it runs only when ORACLE_INSTANCES names the folder
/// of the instances (e.g. /work/shared/data/instances), and is skipped otherwise.
/// </summary>
public sealed class OracleInstanceCounts(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("rural-5000x8000.json.gz", 83_709L)]
    [InlineData("clustered-10000x40000.json.gz", 1_862_488L)]
    public void Eligible_pairs_match_the_independent_checker(string file, long expected)
    {
        var dir = Environment.GetEnvironmentVariable("ORACLE_INSTANCES");
        Skip.If(string.IsNullOrEmpty(dir), "set ORACLE_INSTANCES to the instances folder to run");
        var path = Path.Combine(dir!, file);
        Skip.IfNot(File.Exists(path), $"{path} not found");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var instance = OracleInstance.Load(path);
        var loaded = sw.Elapsed;
        long count = instance.CountEligiblePairs();
        output.WriteLine($"{file}: {count} eligible pairs (load {loaded.TotalSeconds:F1} s, total {sw.Elapsed.TotalSeconds:F1} s)");
        Assert.Equal(expected, count);
    }
}
