using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Placement.Catalogue;
using Placement.Catalogue.Activities;
using Placement.Catalogue.Application;
using Placement.Catalogue.Geocoding;
using Placement.Catalogue.Geography;
using Placement.Matching;
using Placement.Matching.Features.Imports;
using Placement.Catalogue.Imports;
using Placement.Matching.Imports;
using Placement.Web.Data;

namespace Placement.Benchmarks;

/// <summary>
/// Issue 16: 10,000 persons of the case-management export imported from one CSV file into a real SQLite database —
/// the preview (dry run), the import itself (one transaction), and the same file again (every line unchanged): the path of
/// <c>POST /api/imports/persons</c> and of <c>import persons</c>. Offline geocoding (the commune's position).
/// </summary>
public sealed class ImportBenchmark : IBenchmark
{
    private const int Lines = 10_000;

    public string Name => "import";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        var geography = FranceGeography.Load(Path.Combine(AppContext.BaseDirectory, "seed", "geo"));
        var folder = Directory.CreateTempSubdirectory("placement-bench-").FullName;
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
            var options = new DbContextOptionsBuilder<PlacementDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "bench.db")}").Options;
            await using (var db = new PlacementDbContext(options)) await db.Database.MigrateAsync();
            var region = geography.Region("84").Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
            var file = Csv(geography, region);
            var caller = new Caller("coordinateur@bench.placement", CallerRoles.Coordinator, region, null) { DisplayName = "Coordinateur du banc" };
            var services = new ServiceCollection().BuildServiceProvider();
            var geocoder = new FallbackGeocoder(geography, Options.Create(new GeocodingOptions()), services, NullLogger<FallbackGeocoder>.Instance);
            var addresses = new CatalogueInputs(geography, new ActivityVocabulary(Options.Create(new CatalogueOptions())), geocoder);

            async Task<(ImportReport Report, TimeSpan Time)> Import(bool dryRun)
            {
                await using var db = new PlacementDbContext(options);
                var handler = new ImportPersons(db, new MatchingInputs(geography), addresses, geography, clock);
                var watch = Stopwatch.StartNew();
                var report = await handler.HandleAsync(caller, new ImportRequest("export-10000.csv", file, dryRun, AllOrNothing: true), null, CancellationToken.None);
                return (report, watch.Elapsed);
            }

            var preview = await Import(dryRun: true);
            var applied = await Import(dryRun: false);
            var again = await Import(dryRun: false);
            output.WriteLine($"  file: {Lines:N0} lines, {file.Length / 1024.0 / 1024.0:0.0} MB (CSV « ; », UTF-8 with BOM, French dates), persons over the communes of Auvergne-Rhône-Alpes");
            Measure.Table(output, ["run", "created", "updated", "unchanged", "rejected", "time (s)", "lines/s"],
            [
                Row("preview (dry run)", preview),
                Row("import (one transaction)", applied),
                Row("same file again", again),
            ]);
            output.WriteLine($"  peak working set: {Measure.PeakMemoryMiB():0} MiB");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static object[] Row(string name, (ImportReport Report, TimeSpan Time) run) =>
        [name, run.Report.Created, run.Report.Updated, run.Report.Unchanged, run.Report.Rejected, Math.Round(run.Time.TotalSeconds, 2), Math.Round(Lines / run.Time.TotalSeconds)];

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
