using System.Net;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>A coordinator's batch assignment in a real browser: launch over the demo data, watch it, review, accept, export.</summary>
public sealed class AssignmentJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task ACoordinator_RunsABatchOverTheDemoData_AcceptsTwoProposals_AndFindsTwoPlacements()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Coordinator, "/affectations");
        await BrowserApp.Check(page, "affectations");
        foreach (var box in await page.Locator("input[name='Input.Departements']").AllAsync())
            if (await box.GetAttributeAsync("value") != "69") await box.UncheckAsync(new() { Force = true });
        await page.GetByLabel("Temps de calcul maximal (secondes)").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lancer l'affectation" }).ClickAsync();
        var runId = page.Url.Split('/').Last();
        await Assertions.Expect(page.Locator("#etat-affectation")).ToHaveTextAsync("Terminée", new() { Timeout = 90_000 });
        await BrowserApp.Check(page, "affectation-revue");
        await Assertions.Expect(page.Locator("[data-carte][data-ready=true]")).ToBeVisibleAsync();

        var rows = page.Locator("#acceptation tbody tr");
        Assert.True(await rows.CountAsync() >= 3, "the demo data gives the Rhône more than three proposals");
        var chosen = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            chosen.Add((await rows.Nth(i).GetAttributeAsync("id"))!["proposition-".Length..]);
            await rows.Nth(i).Locator("input[type=checkbox]").CheckAsync(new() { Force = true });
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Accepter la sélection" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 propositions acceptées");
        await Assertions.Expect(page.Locator("#issues-acceptation li")).ToHaveCountAsync(2);
        await BrowserApp.Check(page, "affectation-acceptees");

        var coordinator = await browser.App.ClientFor(PlacementApp.Coordinator);
        var proposals = (await (await coordinator.GetAsync($"/api/assignment-runs/{runId}/proposals")).Json()).EnumerateArray().ToList();
        foreach (var id in chosen)
        {
            var proposal = proposals.Single(p => p.GetProperty("id").GetString() == id);
            Assert.Equal("accepted", proposal.GetProperty("status").GetString());
            var placement = await coordinator.GetAsync($"/api/placements/{proposal.GetProperty("placementId").GetString()}");
            Assert.Equal(HttpStatusCode.OK, placement.StatusCode);
            Assert.Equal("proposed", (await placement.Json()).GetProperty("status").GetString());
        }

        // A rejection needs its reason, said on its field; then the review keeps it.
        var third = page.Locator("#acceptation tbody tr").First;
        var thirdId = (await third.GetAttributeAsync("id"))!["proposition-".Length..];
        await third.Locator("summary", new() { HasText = "Rejeter" }).ClickAsync();
        await third.GetByRole(AriaRole.Button, new() { NameRegex = new("^Rejeter la proposition") }).ClickAsync();
        var refused = page.Locator($"#proposition-{thirdId}");
        await refused.Locator("summary", new() { HasText = "Rejeter" }).ClickAsync();
        await Assertions.Expect(refused.Locator(".fr-input-group--error .fr-message--error")).ToBeVisibleAsync();
        await refused.GetByLabel("Motif du rejet").FillAsync("Déjà suivie par une association du quartier.");
        await refused.GetByRole(AriaRole.Button, new() { NameRegex = new("^Rejeter la proposition") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("rejetée");
        await page.GotoAsync($"/affectations/{runId}?statut=rejected");
        await Assertions.Expect(page.Locator($"#proposition-{thirdId}")).ToContainTextAsync("Déjà suivie par une association du quartier.");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exporter (.xlsx)" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(path);
        var read = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(proposals.Count, read.Count);
        Assert.Equal(2, read.Count(r => (string)r["Statut"] == "Acceptée"));
        Assert.Contains(read, r => (string)r["Statut"] == "Rejetée" && (string)r["Motif du rejet"] == "Déjà suivie par une association du quartier.");

        // Non placés: the shortage view lists the communes where the run's unplaced persons live, the charts are drawn,
        // and the export holds each of them.
        var unplaced = (await (await coordinator.GetAsync($"/api/assignment-runs/{runId}/unplaced")).Json()).EnumerateArray().ToList();
        Assert.NotEmpty(unplaced);
        var communes = new HashSet<string>();
        foreach (var u in unplaced)
        {
            var person = await (await coordinator.GetAsync($"/api/persons/{u.GetProperty("personId").GetString()}")).Json();
            communes.Add(person.GetProperty("home").GetProperty("communeInsee").GetString()!);
        }
        await page.GotoAsync($"/affectations/{runId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Voir pourquoi" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Où manque-t-il des postes ?" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#graphique-motifs[data-ready=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-carte][data-ready=true]")).ToHaveCountAsync(1);
        var listed = (await page.Locator("#manques tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.insee)")).ToHashSet();
        Assert.Equal(communes, listed);
        await Assertions.Expect(page.Locator("#non-places tbody tr")).ToHaveCountAsync(unplaced.Count);
        await BrowserApp.Check(page, "non-places");
        var report = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exporter (CSV)" }).ClickAsync());
        var csvPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await report.SaveAsAsync(csvPath);
        var lines = (await File.ReadAllLinesAsync(csvPath)).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("Personne;Commune;Département;Motif", lines[0], StringComparison.Ordinal);
        Assert.Equal(unplaced.Count + 1, lines.Count);

        // A coordinator of another territory sees neither the page nor the API resource.
        var other = await browser.App.Account("coordinateur-bretagne@demo.placement", "Coordinator", "35", "29", "22", "56");
        var elsewhere = await browser.SignedIn(other);
        Assert.Equal((int)HttpStatusCode.NotFound, (await elsewhere.GotoAsync($"/affectations/{runId}"))!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await browser.App.ClientFor(other)).GetAsync($"/api/assignment-runs/{runId}")).StatusCode);
        await elsewhere.GotoAsync("/affectations");
        Assert.Equal(0, await elsewhere.Locator($"a[href='/affectations/{runId}']").CountAsync());
    }
}
