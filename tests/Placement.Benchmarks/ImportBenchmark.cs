using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Placement.Catalogue;
using Placement.Catalogue.Geocoding;
using Placement.Catalogue.Geography;
using Placement.Matching;
using Placement.Matching.Features.Imports;
using Placement.Catalogue.Features.Imports;
using Placement.Catalogue.Imports;
using Placement.Web.Data;
using Placement.Catalogue.Features.Activities;
using Placement.Matching.Features.Persons;

namespace Placement.Benchmarks;

/// <summary>
/// Issue 16: 10,000 persons of the case-management export, then 500 host bodies and 10,000 of their posts, each kind
/// imported from one CSV file into a real SQLite database — the preview (dry run), the import itself (one transaction),
/// and the same file again (every line unchanged): the path of <c>POST /api/imports/{kind}</c> and of <c>import</c>.
/// Offline geocoding (the commune's position).
/// </summary>
public sealed class ImportBenchmark : IBenchmark
{
    private const int Lines = 10_000;
    private const int HostBodies = 500;

    public string Name => "import";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        var geography = FranceGeography.Load(Path.Combine(AppContext.BaseDirectory, "seed", "geo"));
        var folder = Directory.CreateTempSubdirectory("placement-bench-").FullName;
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
            var region = geography.Region("84").Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
            var caller = new Caller("coordinateur@bench.placement", CallerRoles.Coordinator, region, null) { DisplayName = "Coordinateur du banc" };
            using var signal = new Placement.Catalogue.Search.SearchIndexSignal();
            // As the service saves: the search outbox and the persons' audit written in the same transaction.
            var options = new DbContextOptionsBuilder<PlacementDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}")
                .AddInterceptors(new Placement.Catalogue.Search.SearchOutboxInterceptor(clock, signal), new Placement.Matching.Features.Audit.PersonChangeAudit(() => caller, clock)).Options;
            await using (var db = new PlacementDbContext(options)) await db.Database.MigrateAsync();
            var file = Csv(geography, region);
            var services = new ServiceCollection().BuildServiceProvider();
            var geocoder = new FallbackGeocoder(geography, Options.Create(new GeocodingOptions()), services, NullLogger<FallbackGeocoder>.Instance);
            var addresses = new CatalogueInputs(geography, new ActivityVocabulary(Options.Create(new CatalogueOptions())), geocoder);

            async Task<(ImportReport Report, TimeSpan Time)> Import(Func<PlacementDbContext, IImporter> of, byte[] content, bool dryRun)
            {
                await using var db = new PlacementDbContext(options);
                var watch = Stopwatch.StartNew();
                var report = await of(db).HandleAsync(caller, new ImportRequest("export.csv", content, dryRun, AllOrNothing: true), null, CancellationToken.None);
                return (report, watch.Elapsed);
            }
            async Task<object[][]> Three(Func<PlacementDbContext, IImporter> of, byte[] content) =>
            [
                Row("preview (dry run)", await Import(of, content, dryRun: true)),
                Row("import (one transaction)", await Import(of, content, dryRun: false)),
                Row("same file again", await Import(of, content, dryRun: false)),
            ];

            var activities = new ActivityVocabulary(Options.Create(new CatalogueOptions()));
            var persons = await Three(db => new ImportPersons(db, new MatchingInputs(geography, Microsoft.Extensions.Options.Options.Create(new Placement.Matching.MatchingLimits())), addresses, geography, clock), file);
            output.WriteLine($"  persons: {Lines:N0} lines, {file.Length / 1024.0 / 1024.0:0.0} MB (CSV « ; », UTF-8 with BOM, French dates), persons over the communes of Auvergne-Rhône-Alpes");
            Measure.Table(output, ["run", "created", "updated", "unchanged", "rejected", "time (s)", "lines/s"], persons);

            var (hostBodiesFile, postsFile) = CatalogueCsv(geography, region);
            var hostBodies = await Three(db => new ImportHostBodies(db, addresses, geography, clock), hostBodiesFile);
            output.WriteLine($"  host bodies: {HostBodies:N0} lines, {hostBodiesFile.Length / 1024.0:0} KB; posts: {Lines:N0} lines ({Lines / HostBodies} per host body), {postsFile.Length / 1024.0 / 1024.0:0.0} MB");
            Measure.Table(output, ["run", "created", "updated", "unchanged", "rejected", "time (s)", "lines/s"], hostBodies);
            var posts = await Three(db => new ImportPosts(db, addresses, activities, geography, clock), postsFile);
            Measure.Table(output, ["run", "created", "updated", "unchanged", "rejected", "time (s)", "lines/s"], posts);
            output.WriteLine($"  peak working set: {Measure.PeakMemoryMiB():0} MiB");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static object[] Row(string name, (ImportReport Report, TimeSpan Time) run) =>
        [name, run.Report.Created, run.Report.Updated, run.Report.Unchanged, run.Report.Rejected, Math.Round(run.Time.TotalSeconds, 2), Math.Round(run.Report.Lines.Count / run.Time.TotalSeconds)];

    /// <summary>A SIRET with its Luhn key, from a number.</summary>
    private static string Siret(int n)
    {
        var digits = $"4{n:000000000000}";
        for (var last = 0; ; last++)
            if (Placement.Catalogue.Domain.Siret.LuhnValid(digits + last)) return digits + last;
    }

    /// <summary>Host bodies over the region's communes, and their posts as a partner's spreadsheet holds them: every column.</summary>
    private static (byte[] HostBodies, byte[] Posts) CatalogueCsv(FranceGeography geography, IReadOnlySet<string> region)
    {
        var communes = geography.Communes.Where(c => region.Contains(c.Departement) && c.Location is not null).OrderBy(c => c.Insee, StringComparer.Ordinal).ToArray();
        var random = new Random(17);
        string[] forms = ["commune", "association", "établissement public", "association", "entreprise ESS"];
        string[] activities = ["espaces-verts", "Entretien et nettoyage", "recyclerie-tri", "Restauration et aide alimentaire", "accueil-administratif"];
        var hostBodies = new StringBuilder(string.Join(';', HostBodyColumns.All.Select(c => c.Name))).Append("\r\n");
        var posts = new StringBuilder(string.Join(';', PostColumns.All.Select(c => c.Name))).Append("\r\n");
        for (var h = 0; h < HostBodies; h++)
        {
            var commune = communes[random.Next(communes.Length)];
            var form = forms[h % forms.Length];
            var granted = form is "association" or "entreprise ESS";
            hostBodies.Append(string.Join(';', [Siret(h), $"Structure {h}", form, granted ? "habilitée" : "", granted ? "01/01/2026" : "", granted ? "31/12/2030" : "", "",
                commune.Insee, $"Contact {h}", $"contact{h}@bench.placement", ""])).Append("\r\n");
            for (var p = 0; p < Lines / HostBodies; p++)
            {
                var day = new[] { "lun", "mar", "mer", "jeu", "ven", "sam" }[random.Next(6)];
                posts.Append(string.Join(';', [Siret(h), $"P-{p:000}", $"Poste {p} de la structure {h}", "Des tâches utiles, encadrées par un tuteur.",
                    activities[random.Next(activities.Length)], "jardinage, bricolage", "", random.Next(3) == 0 ? communes[random.Next(communes.Length)].Insee : "",
                    (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture), "7,5", $"\"{day} 08:00-12:00 ; {day} 13:30-17:00\"", "01/01/2027", "31/12/2027",
                    $"Tuteur {h}", "", "04 72 00 00 00", new[] { "faible", "moyen", "élevé" }[random.Next(3)], "non", "non", "non", "non", "non",
                    random.Next(2) == 0 ? "oui" : "non", "oui", "non", p % 3 == 0 ? "à valider" : "publié"])).Append("\r\n");
            }
        }
        static byte[] Utf8(StringBuilder text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
        return (Utf8(hostBodies), Utf8(posts));
    }

    /// <summary>An export as the case-management application writes it: every column, persons over the region's communes.</summary>
    private static byte[] Csv(FranceGeography geography, IReadOnlySet<string> region)
    {
        var communes = geography.Communes.Where(c => region.Contains(c.Departement) && c.Location is not null).OrderBy(c => c.Insee, StringComparer.Ordinal).ToArray();
        var random = new Random(16);
        string[] days = ["lun", "mar", "mer", "jeu", "ven", "sam"];
        string[] skills = ["cuisine", "jardinage", "bricolage", "accueil", "informatique", "manutention"];
        string[] demands = ["faible", "moyen", "élevé"];
        var text = new StringBuilder(string.Join(';', PersonColumns.All.Select(c => c.Name))).Append("\r\n");
        for (var i = 0; i < Lines; i++)
        {
            var commune = communes[random.Next(communes.Length)];
            var sentence = new DateOnly(2026, 1, 1).AddDays(random.Next(300));
            var day = days[random.Next(days.Length)];
            string[] row =
            [
                $"BENCH-{i:00000}", $"Nom{i}", "Prénom", commune.Departement, new DateOnly(1970, 1, 1).AddDays(random.Next(12_000)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                "", commune.Insee, (5 + random.Next(26)).ToString(CultureInfo.InvariantCulture), random.Next(2) == 0 ? "oui" : "non", random.Next(3) == 0 ? "oui" : "non",
                (20 + 10 * random.Next(20)).ToString(CultureInfo.InvariantCulture), "", sentence.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                sentence.AddMonths(18).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), $"\"{day} 08:00-12:00 ; sam 14:00-18:00\"",
                $"{skills[random.Next(skills.Length)]}, {skills[random.Next(skills.Length)]}", demands[random.Next(demands.Length)], "non",
                random.Next(10) == 0 ? "oui" : "non", "non", "Agent CPIP", $"cpip{commune.Departement}@bench.placement", "",
            ];
            text.Append(string.Join(';', row)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
