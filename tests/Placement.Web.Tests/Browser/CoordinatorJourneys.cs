using System.Net;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>A coordinator's recurring runs in a real browser: a wrong cron said on its field, the next runs in French, delete.</summary>
public sealed class CoordinatorJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task ACoordinator_ChoosesWhatToImport_ThenImportsHostBodies_WithTheirHabilitation()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var (commune, association) = (CatalogueImportTests.NewSiret(), CatalogueImportTests.NewSiret());
        var csv = string.Join("\r\n",
            "siret;nom;forme_juridique;habilitation;habilitation_debut;habilitation_fin;adresse;commune_insee;contact_nom;contact_courriel;contact_telephone",
            $"{commune};Commune de Saint-Fons;Commune;;;;1 place Roger Salengro;69199;Service jeunesse;jeunesse@saint-fons.fr;",
            $"{association};Les Amis du Rhône;Association;habilitée;01/01/2026;31/12/2028;;69123;Marc Petit;;04 78 11 22 33",
            $"{association};Les Amis du Rhône (doublon);Association;habilitée;01/01/2026;;;69123;Marc Petit;;04 78 11 22 33");
        var page = await browser.SignedIn(PlacementApp.Coordinator, "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Importer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Importer");
        await Assertions.Expect(page.Locator(".fr-tile")).ToHaveCountAsync(3); // persons, host bodies, posts
        await BrowserApp.Check(page, "importer-choix");

        await page.GetByRole(AriaRole.Link, new() { Name = "Importer des structures d'accueil" }).ClickAsync();
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Fichier à importer")).SetInputFilesAsync(new FilePayload
        {
            Name = "structures-69.csv", MimeType = "text/csv", Buffer = [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv)],
        });
        await page.Locator("label[for=tout-ou-rien]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ligne-4")).ToContainTextAsync("siret : SIRET déjà présent ligne 3");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Importer 2 ligne(s)" })).ToBeDisabledAsync(); // all or nothing, a line rejected
        await BrowserApp.Check(page, "import-structures-tout-ou-rien");

        await page.GetByRole(AriaRole.Link, new() { Name = "Choisir un autre fichier" }).ClickAsync();
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Fichier à importer")).SetInputFilesAsync(new FilePayload
        {
            Name = "structures-69.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv[..csv.LastIndexOf("\r\n", StringComparison.Ordinal)]),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer 2 ligne(s)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 créée(s), 0 modifiée(s), 0 inchangée(s), 0 rejetée(s)");
        await BrowserApp.Check(page, "import-structures-rapport");
        var coordinator = await browser.App.ClientFor(PlacementApp.Coordinator);
        var found = await (await coordinator.GetAsync("/api/host-bodies?q=Amis%20du%20Rh%C3%B4ne&pageSize=50")).Json();
        var hostBody = found.GetProperty("items").EnumerateArray().Single(h => h.GetProperty("siret").GetString() == association);
        Assert.Equal(("habilitated", "2028-12-31"), (hostBody.GetProperty("habilitation").GetProperty("status").GetString(), hostBody.GetProperty("habilitation").GetProperty("validUntil").GetString()));
    }

    [SkippableFact]
    public async Task ACoordinator_SchedulesARun_SeesItsNextOccurrences_AndDeletesIt()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Coordinator, "/affectations/planifications");
        await page.GetByLabel("Départements").FillAsync("69, 38");
        await page.GetByLabel("Quand (expression cron, UTC)").FillAsync("tous les lundis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planifier" }).ClickAsync();
        var cronGroup = page.Locator(".fr-input-group--error", new() { Has = page.GetByLabel("Quand (expression cron, UTC)") });
        await Assertions.Expect(cronGroup.Locator(".fr-message--error")).ToContainTextAsync("cron");
        await BrowserApp.Check(page, "planifications-erreur");

        await page.GetByLabel("Quand (expression cron, UTC)").FillAsync("0 6 * * 1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planifier" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("lundi");
        var row = page.Locator("table tbody tr", new() { HasText = "0 6 * * 1" }).Last;
        // 28 November 2026 is a Saturday: the next three Mondays, 07:00 in Paris (06:00 UTC in winter).
        await Assertions.Expect(row).ToContainTextAsync("lundi 30 novembre 2026 à 07:00 ; lundi 7 décembre 2026 à 07:00 ; lundi 14 décembre 2026 à 07:00");
        await BrowserApp.Check(page, "planifications");
        var schedules = await (await browser.App.ClientFor(PlacementApp.Coordinator)).GetAsync("/api/assignment-schedules");
        Assert.Contains("0 6 * * 1", await schedules.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new("^Supprimer") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("supprimée");
        Assert.Equal(0, await page.Locator("table tbody tr", new() { HasText = "0 6 * * 1" }).CountAsync());
    }

    [SkippableFact]
    public async Task ACoordinator_SeesThePersonsAtRisk_AndExportsThem_AsTheSameRows()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Coordinator, "/personnes/a-risque");
        var rows = page.Locator("table tbody tr");
        Assert.True(await rows.CountAsync() > 0);
        var names = (await page.Locator("table tbody tr th").AllInnerTextsAsync()).ToList(); // « DA SILVA Inès »
        await BrowserApp.Check(page, "personnes-a-risque");

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger (Excel)" }).ClickAsync());
        var xlsxPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        var read = MiniExcelLibs.MiniExcel.Query(xlsxPath, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(names, read.Select(r => $"{((string)r["Nom"]).ToUpperInvariant()} {r["Prénom"]}").ToList());
        Assert.All(read, r => Assert.False(string.IsNullOrEmpty(r["Risques"]?.ToString())));

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger (CSV)" }).ClickAsync());
        var csvPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await csv.SaveAsAsync(csvPath);
        var bytes = await File.ReadAllBytesAsync(csvPath);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = (await File.ReadAllLinesAsync(csvPath)).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("Nom;Prénom;SPIP;Échéance", lines[0], StringComparison.Ordinal);
        Assert.Equal(names.Count + 1, lines.Count);
    }

    [SkippableFact]
    public async Task AnOfficer_CannotOpenTheSchedules()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Officer69);
        var response = await page.GotoAsync("/affectations/planifications");
        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
    }
}
