using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Search;
using Placement.Matching.Domain;
using Placement.Web.Data;
using Placement.Web.Demo;
using Placement.Matching.Features.Persons;

namespace Placement.Benchmarks;

/// <summary>
/// The embedded search at national scale: 100,000 published posts in a real SQLite database, a full
/// reindex from it (the <c>reindex</c> path), 1,000 mixed queries, and person-aware search (index →
/// database → matching rules → score), the path of <c>GET /api/persons/{id}/suitable-posts</c>.
/// </summary>
public sealed class SearchBenchmark : IBenchmark
{
    private const int Posts = 100_000;
    private const int HostBodies = 30_000;
    /// <summary>Persons searched for; the database holds <see cref="PersonsInDatabase"/>, one in twenty with a co-defendant (rule 13 reads both directions).</summary>
    private const int Persons = 200;
    private const int PersonsInDatabase = 20_000;

    public string Name => "search";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        var geography = FranceGeography.Load(Path.Combine(AppContext.BaseDirectory, "seed", "geo"));
        var folder = Directory.CreateTempSubdirectory("placement-bench-").FullName;
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
            var options = new DbContextOptionsBuilder<PlacementDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}").Options;
            var random = new Random(7);
            var communes = geography.Communes.Where(c => c.Precision == CoordinatePrecision.Commune).OrderBy(c => c.Insee, StringComparer.Ordinal).ToArray();
            var load = Stopwatch.StartNew();
            await using (var db = new PlacementDbContext(options))
            {
                await db.Database.MigrateAsync();
                await Seed(db, random, communes, clock.GetUtcNow().AddDays(-1)); // written the day before the searches, as a catalogue is
            }
            output.WriteLine($"  database: {Posts} posts, {HostBodies} host bodies, {PersonsInDatabase} persons ({Persons} searched for) written in {load.Elapsed.TotalSeconds:0.0} s");

            using var index = new LucenePostSearchIndex(Path.Combine(folder, "search"));
            var calendar = new ServiceCalendar(clock, TimeZoneInfo.FindSystemTimeZoneById(CalendarOptions.DefaultTimeZone));
            var documents = new PostDocuments(geography, calendar);
            var rebuild = Stopwatch.StartNew();
            int indexed;
            await using (var db = new PlacementDbContext(options))
                indexed = await index.RebuildAsync(documents.AllSearchable(db));
            rebuild.Stop();

            var words = DemoVocabulary.PostKinds.SelectMany(k => k.Titles.SelectMany(t => t.Split(' ')).Where(w => w.Length > 4)).Distinct().ToArray();
            string[] days = ["mon", "tue", "wed", "thu", "fri", "sat"];
            var queries = Enumerable.Range(0, 1_000).Select(_ => new PostSearchQuery
            {
                Text = words[random.Next(words.Length)],
                Center = communes[random.Next(communes.Length)].Location,
                RadiusKm = 20,
                Day = days[random.Next(days.Length)],
                NearPublicTransport = random.Next(2) == 0 ? true : null,
                Activities = random.Next(2) == 0 ? [DemoVocabulary.PostKinds[random.Next(DemoVocabulary.PostKinds.Length)].Activity] : [],
            }).ToList();
            foreach (var q in queries.Take(50)) await index.SearchAsync(q); // warm-up
            var searchTimes = new List<double>();
            var hits = 0L;
            foreach (var q in queries)
            {
                var watch = Stopwatch.StartNew();
                var result = await index.SearchAsync(q);
                searchTimes.Add(watch.Elapsed.TotalMilliseconds);
                hits += result.Total;
            }

            var personTimes = new List<double>();
            var coldTimes = new List<double>();
            long suitable = 0, examined = 0;
            await using (var db = new PlacementDbContext(options))
            {
                var persons = await db.Persons.AsNoTracking().OrderBy(p => p.LastName).Take(Persons).ToListAsync();
                var finder = new SuitablePosts(index, SearchReadiness.OfFilledIndex(), db, new MatchingReadCache(clock), calendar);
                // First pass: the read cache meets each post for the first time (as after a restart).
                foreach (var person in persons)
                {
                    var watch = Stopwatch.StartNew();
                    await finder.FindAsync(person, null, 20);
                    coldTimes.Add(watch.Elapsed.TotalMilliseconds);
                }
                foreach (var round in Enumerable.Range(0, 5))
                    foreach (var person in persons)
                    {
                        var watch = Stopwatch.StartNew();
                        var result = await finder.FindAsync(person, round % 2 == 0 ? null : words[random.Next(words.Length)], 20);
                        personTimes.Add(watch.Elapsed.TotalMilliseconds);
                        suitable += result.Posts.Count;
                        examined += result.Candidates;
                    }
            }

            Measure.Table(output,
                ["posts indexed", "full reindex s", "docs/s", "queries", "avg hits", "search p50 ms", "search p95 ms", "search p99 ms",
                 "person-aware runs", "avg posts examined", "avg suitable", "person p50 ms", "person p95 ms", "person p99 ms", "first pass p95 ms", "peak MiB (process)"],
                [[
                    indexed, rebuild.Elapsed.TotalSeconds, indexed / rebuild.Elapsed.TotalSeconds, queries.Count, (double)hits / queries.Count,
                    Measure.Percentile(searchTimes, 50), Measure.Percentile(searchTimes, 95), Measure.Percentile(searchTimes, 99),
                    personTimes.Count, (double)examined / personTimes.Count, (double)suitable / personTimes.Count,
                    Measure.Percentile(personTimes, 50), Measure.Percentile(personTimes, 95), Measure.Percentile(personTimes, 99),
                    Measure.Percentile(coldTimes, 95), Measure.PeakMemoryMiB(),
                ]]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Host bodies, published posts and persons at real communes of France, written in batches.</summary>
    private static async Task Seed(PlacementDbContext db, Random random, Commune[] communes, DateTimeOffset now)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        Address At(Commune c) => new(null, c.Insee, c.Departement, new GeoPoint(
            c.Location!.Value.Latitude + (random.NextDouble() - 0.5) * 0.02, c.Location.Value.Longitude + (random.NextDouble() - 0.5) * 0.02));
        var hosts = new List<(HostBody Host, Commune Commune)>();
        for (var i = 0; i < HostBodies; i++)
        {
            var commune = communes[random.Next(communes.Length)];
            hosts.Add((new HostBody(Guid.NewGuid(), new HostBodyDetails($"Mairie de {commune.Name} {i}", LegalType.Commune, new Siret("73282932000074"),
                new Habilitation(HabilitationStatus.ByRight, null), At(commune), new Contact("Service TIG", "tig@mairie.fr", null)), now), commune));
        }
        db.HostBodies.AddRange(hosts.Select(h => h.Host));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var kinds = DemoVocabulary.PostKinds;
        for (var batch = 0; batch < Posts / 5_000; batch++)
        {
            for (var i = 0; i < 5_000; i++)
            {
                var (host, commune) = hosts[random.Next(hosts.Count)];
                var kind = kinds[random.Next(kinds.Length)];
                var title = kind.Titles[random.Next(kind.Titles.Length)];
                var schedule = WeeklySchedule.Parse(random.Next(2) == 0 ? "mon 09:00-12:00; wed 09:00-12:00; sat 09:00-12:00" : "tue 13:30-17:00; thu 13:30-17:00; fri 13:30-17:00");
                var details = new PostDetails(title, $"{title} : {kind.Task}.", kind.Activity, kind.Skills.Take(random.Next(3)), At(commune),
                    1 + random.Next(3), 10, schedule, new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)), new Contact("Tuteur", null, "04 00 00 00 00"),
                    new PostConditions(random.Next(5) == 0, random.Next(10) == 0, kind.VulnerablePublic, random.Next(10) == 0, PhysicalDemand.Medium, false, random.Next(3) == 0, random.Next(2) == 0, false));
                var post = new Post(Guid.NewGuid(), host.Id, details, now);
                post.Submit(now);
                post.Publish(now);
                db.Posts.Add(post);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        var ids = Enumerable.Range(0, PersonsInDatabase).Select(_ => Guid.NewGuid()).ToArray();
        for (var i = 0; i < PersonsInDatabase; i++)
        {
            var home = communes[random.Next(communes.Length)];
            var profile = new PersonProfile($"Prénom{i}", $"Nom{i:00000}", home.Departement, new Contact("Agent CPIP", "cpip@justice.fr", null), new DateOnly(1990, 1, 1),
                At(home), new Mobility(new[] { 10.0, 15, 20, 30 }[random.Next(4)], random.Next(2) == 0, false), new HoursBalance(105, 0),
                new SentenceTerm(new DateOnly(2026, 9, 1), new DateOnly(2028, 3, 1), []), WeeklySchedule.Parse("mon 08:00-18:00; tue 08:00-18:00; wed 08:00-18:00; thu 08:00-18:00; fri 08:00-18:00; sat 08:00-12:00"),
                ["jardinage"], PhysicalDemand.High, false,
                i % 20 == 1 ? JudicialRestrictions.Create(false, false, [], [ids[i - 1]], []) : JudicialRestrictions.None);
            db.Persons.Add(new Person(ids[i], profile, now));
            if (i % 2_000 == 1_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}
