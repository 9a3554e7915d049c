using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Placement.Catalogue.Geography;
using Placement.Matching.Engine.Generation;

namespace Placement.Benchmarks;

/// <summary>
/// Issue 25: the service while solves run. The service as its own process (as <see cref="LoadBenchmark"/>); `/health/live`
/// asked every 50 ms, first alone (10 s), then while 4 clients send `POST /api/matching/solve` again and again for 40 s
/// (a generated 2,000 × 2,000 instance — the pairs bound, 4,000,000 —, time limit 10 s): the health's latency, the solves
/// answered and refused (429: beyond <c>Placement:Jobs:SolverWorkers</c>), and the service's memory before and at its peak.
/// </summary>
public sealed class SolveLoadBenchmark : IBenchmark
{
    public string Name => "solves";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        var geography = FranceGeography.Load(Path.Combine(AppContext.BaseDirectory, "seed", "geo"));
        var generated = new InstanceGenerator(geography).Generate(2_000, 2_000, seed: 25, conflicts: false);
        var instance = InstanceGenerator.Serialize(generated with { Options = new() { TimeLimitSeconds = 10 } });
        var data = Path.Combine(Path.GetTempPath(), "placement-solves", Guid.NewGuid().ToString("N"));
        using var service = await Service.StartAsync(data);
        try
        {
            var coordinator = await service.SignedIn("coordinateur@demo.placement");
            var health = new HttpClient { BaseAddress = coordinator.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            var idleMiB = service.WorkingSetMiB();
            var idle = await ProbeAsync(health, TimeSpan.FromSeconds(10), () => false);

            var answers = new List<(HttpStatusCode Status, double Seconds)>();
            var until = Stopwatch.StartNew();
            var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (until.Elapsed.TotalSeconds < 40)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await coordinator.PostAsync("/api/matching/solve", new StringContent(instance, Encoding.UTF8, "application/json"));
                    await response.Content.ReadAsByteArrayAsync();
                    lock (answers) answers.Add((response.StatusCode, watch.Elapsed.TotalSeconds));
                    if (response.StatusCode == HttpStatusCode.TooManyRequests) await Task.Delay(1000);
                }
            })).ToArray();
            var busyMiB = new List<double>();
            var loaded = await ProbeAsync(health, TimeSpan.FromSeconds(40), () => { busyMiB.Add(service.WorkingSetMiB()); return false; });
            await Task.WhenAll(clients);

            output.WriteLine($"Service: Release build, SQLite, demo data, Placement:Jobs:SolverWorkers 1; instance {generated.Persons!.Count} persons × {generated.Posts!.Count} posts, 10-s limit.");
            output.WriteLine();
            Measure.Table(output, ["/health/live", "probes", "p50 ms", "p95 ms", "max ms"],
            [
                ["alone (10 s)", idle.Count, Measure.Percentile(idle, 50), Measure.Percentile(idle, 95), idle.Max()],
                ["4 clients solving (40 s)", loaded.Count, Measure.Percentile(loaded, 50), Measure.Percentile(loaded, 95), loaded.Max()],
            ]);
            output.WriteLine();
            var solved = answers.Where(a => a.Status == HttpStatusCode.OK).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Solves: {solved.Count} answered 200 (each {(solved.Count == 0 ? 0 : solved.Average(a => a.Seconds)):0.0} s on average), {answers.Count(a => a.Status == HttpStatusCode.TooManyRequests)} refused 429, {answers.Count(a => a.Status is not (HttpStatusCode.OK or HttpStatusCode.TooManyRequests))} other."));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Service working set: {idleMiB:0} MiB before, {(busyMiB.Count == 0 ? 0 : busyMiB.Max()):0} MiB at most while solving (sampled every 50 ms), peak {service.PeakMiB():0} MiB."));
        }
        finally
        {
            service.Stop();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Asks <c>/health/live</c> every 50 ms for <paramref name="length"/>: each answer's time in milliseconds.</summary>
    private static async Task<List<double>> ProbeAsync(HttpClient client, TimeSpan length, Func<bool> each)
    {
        var times = new List<double>();
        var until = Stopwatch.StartNew();
        while (until.Elapsed < length)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync("/health/live");
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"/health/live answered {(int)response.StatusCode}");
            each();
            await Task.Delay(50);
        }
        return times;
    }
}
