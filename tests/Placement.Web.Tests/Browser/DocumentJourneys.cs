using System.Net;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Placement.Web.Tests.Browser;

/// <summary>
/// The documents of a measure in a real browser: the officer issues and downloads the décision d'affectation from the person's
/// page; the host, on a phone (375 px), attests the hours of a completed placement and downloads the relevé d'heures bearing the
/// attestation; the administrator previews and keeps a SPIP's letterhead. Every file is read back as a PDF.
/// </summary>
public sealed class DocumentJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private Task<(string Placement, string Person)> ConfirmedPlacement(double hours, double done = 0) => Scenarios.ConfirmedPlacement(browser.App, hours, done);

    private static async Task<string> DownloadedText(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(path));
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [SkippableFact]
    public async Task Officer_IssuesTheDecisionFromThePersonsPage_AndDownloadsIt()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var (_, person) = await ConfirmedPlacement(hours: 20);
        var page = await browser.SignedIn(PlacementApp.Officer69, $"/personnes/{person}");
        var row = page.Locator("#documents ~ div table tr", new() { HasText = "Décision d'affectation" });
        await Assertions.Expect(row).ToContainTextAsync("Pas encore émis");
        await row.GetByRole(AriaRole.Button, new() { Name = "Émettre" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Décision d'affectation n° 069-2026-\\d{5} émis \\(version 1\\)"));
        await Assertions.Expect(row).ToContainTextAsync("version 1");
        await BrowserApp.Check(page, "personne-documents");

        var text = await DownloadedText(page, row.GetByRole(AriaRole.Link));
        Assert.Contains("Décision d'affectation", text);
        Assert.Contains("Karim", text);
        await row.GetByRole(AriaRole.Button, new() { Name = "Nouvelle version" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("version 2");
        await Assertions.Expect(row).ToContainTextAsync("Versions précédentes");
    }

    [SkippableFact]
    public async Task Host_OnAPhone_AttestsTheHoursOfACompletedPlacement_AndDownloadsTheReleve()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var (placement, _) = await ConfirmedPlacement(hours: 20, done: 17);
        var partner = await browser.App.ClientFor(PlacementApp.Partner);
        var added = await partner.PostAsJsonAsync($"/api/placements/{placement}/sessions", new { date = "2026-11-28", start = "08:00", end = "11:00" });
        var session = (await added.Json()).GetProperty("id").GetString()!;
        var present = await partner.PostAsJsonAsync($"/api/sessions/{session}/attendance", new { outcome = "present", arrival = "08:00", departure = "11:00", breakMinutes = 0 });
        Assert.True(present.StatusCode == HttpStatusCode.OK, await present.Content.ReadAsStringAsync());

        var page = await browser.SignedIn(PlacementApp.Partner);
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync($"/structure/placements/{placement}/seances");
        var form = page.Locator("#attestation");
        await Assertions.Expect(form).ToContainTextAsync("Toutes les heures sont faites");
        await form.GetByRole(AriaRole.Button, new() { Name = "Attester les heures" }).ClickAsync();
        await Assertions.Expect(page.Locator("#attest-certify-messages")).ToContainTextAsync("Cochez la case");
        await BrowserApp.Check(page, "hote-375-attestation-erreur");

        await page.GetByLabel("Vos prénom et nom").FillAsync("Albane Julien");
        await page.Locator("label[for=attest-certify]").ClickAsync();
        await page.Locator("#attestation").GetByRole(AriaRole.Button, new() { Name = "Attester les heures" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Heures attestées par Albane Julien : le placement est clos.");
        await Assertions.Expect(page.Locator("#statut-placement")).ToHaveTextAsync("Clos (heures attestées)");
        await BrowserApp.Check(page, "hote-375-attestation");

        var text = await DownloadedText(page, page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Relevé d'heures") }));
        Assert.Contains("Albane Julien", text);
        Assert.Contains("Attesté", text);
        Assert.DoesNotContain("Benali", text);
    }

    [SkippableFact]
    public async Task Administrator_PreviewsASpipsLetterhead_ThenKeepsIt()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Admin, "/administration/en-tetes?departement=38");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("En-têtes des documents");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Nom du service")).FillAsync("SPIP de l'Isère");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Adresse")).First.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aperçu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".fr-input-group--error")).ToContainTextAsync("L'adresse est obligatoire.");
        await BrowserApp.Check(page, "admin-en-tete-erreur");

        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Adresse")).First.FillAsync("5 place Firmin Gautier\n38000 Grenoble");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aperçu" }).ClickAsync();
        await Assertions.Expect(page.Locator(".letterhead-preview")).ToContainTextAsync("38000 Grenoble");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aperçu de ce qui est saisi" })).ToBeVisibleAsync();
        await BrowserApp.Check(page, "admin-en-tete-apercu");
        var specimen = await DownloadedText(page, page.GetByRole(AriaRole.Button, new() { Name = "Spécimen PDF" }));
        Assert.Contains("Spécimen d'en-tête", specimen);
        Assert.Contains("38000 Grenoble", specimen);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'en-tête" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("En-tête du SPIP 38 enregistré");
        await Assertions.Expect(page.Locator(".letterhead-preview")).ToContainTextAsync("SPIP de l'Isère");
    }

    [SkippableFact]
    public async Task Officer_RecordsTheMedicalFitness_ThatANightPostRequires_AndThePartnerMayThenConfirm()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var app = browser.App;
        var postId = await Scenarios.PartnerPost(app, capacity: 3, edit: p => p["nightWork"] = true);
        var personId = await Scenarios.Person(app, postId, hours: 20);
        var created = await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync("/api/placements", new { personId, postId });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var placement = (await created.Json()).GetProperty("id").GetString()!;
        var partner = await app.ClientFor(PlacementApp.Partner);
        Assert.Equal(HttpStatusCode.Conflict, (await partner.PostAsync($"/api/placements/{placement}/confirm", null)).StatusCode);

        var page = await browser.SignedIn(PlacementApp.Officer69, $"/personnes/{personId}");
        var callout = page.Locator("#visite-medicale");
        await Assertions.Expect(callout).ToContainTextAsync("travail de nuit");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Date de la visite médicale")).FillAsync("2026-12-10"); // tomorrow and after: refused
        await callout.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'aptitude" }).ClickAsync();
        await Assertions.Expect(page.Locator("#visite-du-erreur")).ToBeVisibleAsync();
        await BrowserApp.Check(page, "personne-visite-medicale-erreur");

        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Date de la visite médicale")).FillAsync("2026-11-20");
        await page.Locator("#visite-medicale").GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'aptitude" }).ClickAsync();
        await Assertions.Expect(page.Locator("#aptitude-medicale")).ToHaveTextAsync("Apte — visite du 20 novembre 2026");
        await BrowserApp.Check(page, "personne-aptitude-enregistree");
        var confirmed = await partner.PostAsync($"/api/placements/{placement}/confirm", null);
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
    }
}
