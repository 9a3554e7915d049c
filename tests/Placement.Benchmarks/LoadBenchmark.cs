using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Placement.Benchmarks;

/// <summary>
/// Mixed traffic against the service running as its own process (the Release build beside this program, SQLite,
/// demo data), on loopback: 1, 4, 16 and 64 concurrent clients, 60 s each (<c>PLACEMENT_LOAD_SECONDS</c> to change it).
/// Each client loops over a weighted mix — catalogue searches 30 %, person-aware searches 20 %, reads of a file or a
/// post 20 %, page views 20 %, hour logging 10 % — and every answer is timed. An error is a 5xx, a refused
/// connection or an answer other than the one expected. The service's memory is sampled every second.
/// </summary>
public sealed class LoadBenchmark : IBenchmark
{
    public string Name => "load";

    private static readonly int[] Levels = [1, 4, 16, 64];

    private sealed record Sample(string Kind, double Ms, bool Error);

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("PLACEMENT_LOAD_SECONDS"), out var s) ? s : 60;
        var data = Path.Combine(Path.GetTempPath(), "placement-load", Guid.NewGuid().ToString("N"));
        using var service = await Service.StartAsync(data);
        try
        {
            var officer = await service.SignedIn("cpip69@demo.placement");
            var partner = await service.SignedIn("partenaire@demo.placement");
            var persons = (await officer.GetFromJsonAsync<JsonElement>("/api/persons?pageSize=100")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToArray();
            var posts = (await officer.GetFromJsonAsync<JsonElement>("/api/posts/search?commune=69123&radiusKm=30&pageSize=100")).GetProperty("items").EnumerateArray()
                .Select(p => p.GetProperty("post").GetProperty("id").GetString()!).ToArray();
            var placements = (await partner.GetFromJsonAsync<JsonElement>("/api/placements")).EnumerateArray()
                .Where(p => p.GetProperty("status").GetString() is "confirmed" or "in-progress").Select(p => p.GetProperty("id").GetString()!).ToArray();
            string[] words = ["jardin", "cuisine", "accueil", "bibliothèque", "entretien", "peinture", "tri", "animaux", "archives", "sport"];
            string[] communes = ["69123", "69266", "69259", "38185", "42218", "01053", "73065", "74010"];
            if (persons.Length == 0 || posts.Length == 0 || placements.Length == 0) throw new InvalidOperationException("demo data missing");

            // Warm-up: every kind once, so that the first level does not pay for the service's first calls.
            for (var i = 0; i < 20; i++) await Request(officer, partner, persons, posts, placements, words, communes, new Random(i), i % 10);

            output.WriteLine($"{seconds} s per level; service: Release build, SQLite, demo data (540 persons, 2005 posts), embedded search.");
            output.WriteLine();
            var rows = new List<object[]>();
            var memory = new List<string>();
            foreach (var level in Levels)
            {
                var samples = new List<Sample>();
                var until = Stopwatch.StartNew();
                var workers = Enumerable.Range(0, level).Select(worker => Task.Run(async () =>
                {
                    var random = new Random(level * 1000 + worker);
                    var mine = new List<Sample>();
                    while (until.Elapsed.TotalSeconds < seconds)
                        mine.Add(await Request(officer, partner, persons, posts, placements, words, communes, random, random.Next(10)));
                    lock (samples) samples.AddRange(mine);
                })).ToArray();
                var memoryAt = new List<double>();
                while (!Task.WhenAll(workers).IsCompleted)
                {
                    memoryAt.Add(service.WorkingSetMiB());
                    await Task.Delay(1000);
                }
                await Task.WhenAll(workers);
                var elapsed = until.Elapsed.TotalSeconds;
                var all = samples.Select(x => x.Ms).ToList();
                var search = samples.Where(x => x.Kind == "search").Select(x => x.Ms).ToList();
                var suitable = samples.Where(x => x.Kind == "suitable").Select(x => x.Ms).ToList();
                rows.Add([level, samples.Count, samples.Count / elapsed, Measure.Percentile(all, 50), Measure.Percentile(all, 95), Measure.Percentile(all, 99),
                    Measure.Percentile(search, 95), Measure.Percentile(suitable, 95), samples.Count(x => x.Error), memoryAt.Count == 0 ? 0 : memoryAt.Max(), service.PeakMiB()]);
                memory.Add($"{level} clients: {string.Join(" ", memoryAt.Where((_, i) => i % 10 == 0).Select(m => m.ToString("0", CultureInfo.InvariantCulture)))} MiB");
            }
            Measure.Table(output, ["clients", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "catalogue search p95 ms", "person-aware search p95 ms", "errors", "service working set max MiB", "service peak MiB"], rows);
            output.WriteLine();
            output.WriteLine("Service working set every 10 s, per level:");
            foreach (var line in memory) output.WriteLine($"- {line}");
        }
        finally
        {
            service.Stop();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<Sample> Request(HttpClient officer, HttpClient partner, string[] persons, string[] posts, string[] placements, string[] words, string[] communes, Random random, int draw)
    {
        var (kind, client, method, path, body) = draw switch
        {
            0 or 1 or 2 => ("search", officer, HttpMethod.Get, $"/api/posts/search?q={words[random.Next(words.Length)]}&commune={communes[random.Next(communes.Length)]}&radiusKm=30", (object?)null),
            3 or 4 => ("suitable", officer, HttpMethod.Get, $"/api/persons/{persons[random.Next(persons.Length)]}/suitable-posts", null),
            5 => ("read", officer, HttpMethod.Get, $"/api/persons/{persons[random.Next(persons.Length)]}/file", null),
            6 => ("read", officer, HttpMethod.Get, $"/api/posts/{posts[random.Next(posts.Length)]}", null),
            7 => ("page", officer, HttpMethod.Get, $"/catalogue?Input.Q={words[random.Next(words.Length)]}", null),
            8 => ("page", officer, HttpMethod.Get, $"/personnes?page={random.Next(1, 20)}", null),
            _ => ("hours", partner, HttpMethod.Post, $"/api/placements/{placements[random.Next(placements.Length)]}/hours",
                new { date = new DateOnly(2026, 11, 2).AddDays(random.Next(25)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), hours = 0.001, note = "charge" }),
        };
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return new Sample(kind, watch.Elapsed.TotalMilliseconds, response.StatusCode != HttpStatusCode.OK);
        }
        catch (HttpRequestException)
        {
            return new Sample(kind, watch.Elapsed.TotalMilliseconds, true);
        }
    }
}
