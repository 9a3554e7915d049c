using Placement.Catalogue.Geography;

namespace Placement.Benchmarks;

/// <summary>Start-up cost of the real geography and latency of the commune search behind <c>GET /api/communes</c>.</summary>
public sealed class GeographyBenchmark : IBenchmark
{
    public string Name => "geography";

    public void Run(TextWriter output)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "seed", "geo");
        FranceGeography? geography = null;
        var load = Measure.Time(() => geography = FranceGeography.Load(directory));
        string[] queries = ["lyon", "saint", "st-e", "gre", "69", "38000", "villeurbanne", "a", "clermont", "annecy"];
        var timings = new List<double>();
        for (var round = 0; round < 200; round++)
            foreach (var q in queries)
                timings.Add(Measure.Time(() => geography!.Search(q)).TotalMilliseconds);
        Measure.Table(output, ["communes", "load ms", "searches", "search p50 ms", "search p95 ms", "search p99 ms", "peak MiB"],
        [[
            geography!.Communes.Count, load.TotalMilliseconds, timings.Count,
            Measure.Percentile(timings, 50), Measure.Percentile(timings, 95), Measure.Percentile(timings, 99), Measure.PeakMemoryMiB(),
        ]]);
    }
}
