using System.Net;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>A host body's day in a real browser: its structure, the placements proposed to it, hours logged.</summary>
public sealed class PartnerJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task APartner_ConfirmsAPlacement_LogsHours_AndTheOfficerSeesThemWithoutJudicialDataShown()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var app = browser.App;
        var post = await Scenarios.PartnerPost(app, capacity: 2);
        var codefendant = Guid.NewGuid().ToString();
        var person = await Scenarios.Person(app, post, hours: 40, noContact: [codefendant]);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post })).StatusCode);

        var page = await browser.SignedIn(PlacementApp.Partner, "/structure/placements");
        var card = page.Locator("article", new() { HasText = "Karim B." }).First;
        await Assertions.Expect(card).ToContainTextAsync("Proposé à la structure");
        var html = await page.ContentAsync();
        foreach (var judicial in new[] { "Benali", codefendant, "1999", "co-auteur", "zone", "mineurs" })
            Assert.DoesNotContain(judicial, html, StringComparison.OrdinalIgnoreCase);
        await BrowserApp.Check(page, "partenaire-placements");

        await card.GetByRole(AriaRole.Button, new() { NameRegex = new("^Confirmer l'accueil") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Accueil confirmé");
        card = page.Locator("article", new() { HasText = "Karim B." }).First;
        await card.GetByRole(AriaRole.Link, new() { Name = "Déclarer des heures" }).ClickAsync();
        await page.GetByLabel("Date").FillAsync("2026-11-21");
        await page.GetByLabel("Heures effectuées").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les heures" }).ClickAsync();
        var hoursGroup = page.Locator(".fr-input-group--error", new() { Has = page.GetByLabel("Heures effectuées") });
        await Assertions.Expect(hoursGroup.Locator(".fr-message--error")).ToContainTextAsync("10");
        await BrowserApp.Check(page, "partenaire-heures-erreur");
        await page.GetByLabel("Heures effectuées").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les heures" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("4 h enregistrées");
        await Assertions.Expect(page.Locator("article", new() { HasText = "Karim B." }).First).ToContainTextAsync("4 h effectuées sur 40 h");

        var file = await (await officer.GetAsync($"/api/persons/{person}/file")).Json();
        Assert.Equal(4, file.GetProperty("person").GetProperty("hoursDone").GetDouble());
        Assert.Equal(36, file.GetProperty("person").GetProperty("hoursRemaining").GetDouble());
        var officerPage = await browser.SignedIn(PlacementApp.Officer69, $"/personnes/{person}");
        await Assertions.Expect(officerPage.GetByText("4 h effectuées sur 40 h")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task APartner_SeesItsStructure_ItsHabilitation_AndItsTutors()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        await Scenarios.PartnerPost(browser.App, capacity: 1);
        var page = await browser.SignedIn(PlacementApp.Partner, "/structure");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Habilitation" })).ToBeVisibleAsync();
        Assert.True(await page.Locator("table tbody tr").CountAsync() > 0);
        await BrowserApp.Check(page, "partenaire-structure");
        var refused = await page.GotoAsync("/catalogue");
        Assert.Equal((int)HttpStatusCode.Forbidden, refused!.Status);
    }
}
