using System.Net;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>A coordinator's recurring runs in a real browser: a wrong cron said on its field, the next runs in French, delete.</summary>
public sealed class CoordinatorJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
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
