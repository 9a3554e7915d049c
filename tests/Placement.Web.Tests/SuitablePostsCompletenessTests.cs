using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Search;
using Placement.Matching.Domain;
using Placement.Web.Data;
using Placement.Matching.Features.Persons;

namespace Placement.Web.Tests;

/// <summary>
/// Person-aware search in a dense area examines every post within the person's travel distance: here the
/// 1,200 nearest posts are open only on Sunday (the person is not free then) and the eligible ones lie
/// beyond them — a search that stopped at the nearest thousand would propose nothing and count 1,000 exclusions.
/// </summary>
public sealed class SuitablePostsCompletenessTests : IAsyncLifetime
{
    private static readonly GeoPoint Home = new(45.7640, 4.8357);
    private readonly string _folder = Directory.CreateTempSubdirectory("placement-suitable-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private DbContextOptions<PlacementDbContext> _options = null!;
    private LucenePostSearchIndex _index = null!;
    private readonly List<Guid> _sundayOnly = [], _open = [];
    private Person _person = null!;

    public async Task InitializeAsync()
    {
        _options = new DbContextOptionsBuilder<PlacementDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "test.db")}").Options;
        var now = _clock.GetUtcNow();
        await using (var db = new PlacementDbContext(_options))
        {
            await db.Database.MigrateAsync();
            var host = new HostBody(Guid.NewGuid(), new HostBodyDetails("Mairie de Lyon", LegalType.Commune, new Siret("73282932000074"),
                new Habilitation(HabilitationStatus.ByRight, null), new Address(null, "69123", "69", Home), new Contact("Service TIG", "tig@mairie.fr", null)), now);
            db.HostBodies.Add(host);
            // Rings around the home: 1,200 Sunday-only posts within 4 km, then 300 open posts between 6 and 9 km.
            for (var i = 0; i < 1_500; i++)
            {
                var sunday = i < 1_200;
                var km = sunday ? 4.0 * i / 1_200 : 6 + 3.0 * (i - 1_200) / 300;
                var angle = i * 2.399963; // golden angle: spread around the circle
                var at = new GeoPoint(Home.Latitude + km / 111.2 * Math.Cos(angle), Home.Longitude + km / (111.2 * Math.Cos(Home.Latitude * Math.PI / 180)) * Math.Sin(angle));
                var details = new PostDetails($"Poste {i}", "Entretien des espaces verts.", "espaces-verts", [], new Address(null, "69123", "69", at),
                    1, 10, WeeklySchedule.Parse(sunday ? "sun 09:00-12:00" : "mon 09:00-12:00; wed 09:00-12:00"),
                    new DateRange(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)), new Contact("Tuteur", null, "04 00 00 00 00"),
                    new PostConditions(false, false, false, false, PhysicalDemand.Low, false, false, false, false));
                var post = new Post(Guid.NewGuid(), host.Id, details, now);
                post.Submit(now);
                post.Publish(now);
                db.Posts.Add(post);
                (sunday ? _sundayOnly : _open).Add(post.Id);
            }
            _person = new Person(Guid.NewGuid(), new PersonProfile("Camille", "Martin", "69", new Contact("Agent CPIP", "cpip@justice.fr", null), new DateOnly(1990, 1, 1),
                new Address(null, "69123", "69", Home), new Mobility(10, true, false), new HoursBalance(105, 0),
                new SentenceTerm(new DateOnly(2026, 9, 1), new DateOnly(2028, 3, 1), []), WeeklySchedule.Parse("mon 08:00-18:00; tue 08:00-18:00; wed 08:00-18:00"),
                [], PhysicalDemand.High, false, JudicialRestrictions.None), now);
            db.Persons.Add(_person);
            await db.SaveChangesAsync();
        }
        _index = new LucenePostSearchIndex(Path.Combine(_folder, "search"));
        await using (var db = new PlacementDbContext(_options))
            await _index.RebuildAsync(new PostDocuments(FranceGeography.Load(Path.Combine(AppContext.BaseDirectory, "seed", "geo")), ParisCalendar.Of(_clock)).AllSearchable(db));
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryPostWithinReach_IsExamined_AndTheCountsAreComplete()
    {
        await using var db = new PlacementDbContext(_options);
        var finder = new SuitablePosts(_index, SearchReadiness.OfFilledIndex(), db, new MatchingReadCache(_clock), ParisCalendar.Of(_clock));
        var result = await finder.FindAsync(_person, null, 200);
        Assert.Equal(1_500, result.Candidates);
        Assert.Equal(new Dictionary<string, int> { ["schedule"] = 1_200 }, result.ExcludedByRule);
        Assert.Equal(200, result.Posts.Count);
        Assert.All(result.Posts, p => Assert.Contains(p.Post.Id, _open));
        // Alike but for their distance, the 200 best of the 300 open posts are the nearest 200.
        Assert.Equal(_open.Take(200).Order(), result.Posts.Select(p => p.Post.Id).Order());
    }

    [Fact]
    public async Task AChangeMadeElsewhere_IsSeenByTheNextSearch_EvenOneCommittedLate()
    {
        var cache = new MatchingReadCache(_clock);
        async Task<IReadOnlyList<Guid>> Suggested()
        {
            await using var db = new PlacementDbContext(_options);
            return [.. (await new SuitablePosts(_index, SearchReadiness.OfFilledIndex(), db, cache, ParisCalendar.Of(_clock)).FindAsync(_person, null, 200)).Posts.Select(p => p.Post.Id)];
        }
        async Task SuspendAsync(Guid id, DateTimeOffset stamped)
        {
            await using var db = new PlacementDbContext(_options);
            var post = await db.Posts.SingleAsync(p => p.Id == id);
            post.Suspend(stamped);
            await db.SaveChangesAsync();
        }

        Assert.Contains(_open[0], await Suggested()); // now cached
        _clock.Advance(TimeSpan.FromMinutes(5));
        await SuspendAsync(_open[0], _clock.GetUtcNow());
        Assert.DoesNotContain(_open[0], await Suggested());

        // Stamped 30 s before the last check but committed after it (a slow transaction, or another node's clock).
        Assert.Contains(_open[1], await Suggested());
        _clock.Advance(TimeSpan.FromSeconds(10));
        await SuspendAsync(_open[1], _clock.GetUtcNow() - TimeSpan.FromSeconds(40));
        Assert.DoesNotContain(_open[1], await Suggested());
    }
}
