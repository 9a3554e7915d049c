using System.Net;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>
/// The host's carrying out of a placement on a phone (375 px): today's session recorded in two taps with the hours credited,
/// a bad time said on its field, an incident suspending the work at once and cancelling the coming sessions. The clock reads
/// Saturday 28 November 2026; the scenario's post is open on Saturdays.
/// </summary>
public sealed class HostSessionJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private async Task<string> ConfirmedPlacement()
    {
        var app = browser.App;
        var post = await Scenarios.PartnerPost(app, capacity: 3);
        var person = await Scenarios.Person(app, post, hours: 20);
        var created = await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync("/api/placements", new { personId = person, postId = post });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var placement = (await created.Json()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(PlacementApp.Partner)).PostAsync($"/api/placements/{placement}/confirm", null)).StatusCode);
        return placement;
    }

    private async Task<IPage> OnPhone(string path)
    {
        var page = await browser.SignedIn(PlacementApp.Partner);
        await page.SetViewportSizeAsync(375, 812);
        var response = await page.GotoAsync(path);
        Assert.True(response?.Status == 200, $"{path}: {response?.Status}");
        return page;
    }

    private static async Task FitsTheScreen(IPage page)
    {
        var (content, screen) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        var wide = content <= screen ? "" : await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(-5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
        Assert.True(content <= screen, $"{page.Url}: {content} px wide on a {screen}-px screen: {wide}");
    }

    [SkippableFact]
    public async Task ThePartner_SeesTodaysSession_RecordsPresent_AndSeesTheHoursCredited_ABadTimeSaidOnItsField()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var placement = await ConfirmedPlacement();
        var partner = await browser.App.ClientFor(PlacementApp.Partner);
        var added = await partner.PostAsJsonAsync($"/api/placements/{placement}/sessions", new { date = "2026-11-28", start = "09:00", end = "13:00" });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var session = (await added.Json()).GetProperty("id").GetString();

        var page = await OnPhone("/structure/aujourdhui");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aujourd'hui", Level = 1 })).ToBeVisibleAsync();
        var card = page.Locator($"#seance-{session}");
        await Assertions.Expect(card).ToContainTextAsync("09:00 – 13:00 · Karim B.");
        await Assertions.Expect(card).ToContainTextAsync("À renseigner");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Signaler un incident pour Karim B." })).ToBeVisibleAsync();
        Assert.DoesNotContain("Benali", await page.ContentAsync(), StringComparison.Ordinal);
        await FitsTheScreen(page);
        await BrowserApp.Check(page, "hote-375-aujourdhui");

        // First tap: « Présent » opens the planned times; a time cleared is said on its field.
        await card.Locator("summary", new() { HasTextRegex = new("^Présent$") }).ClickAsync();
        var arrival = card.GetByLabel("Arrivée").First;
        await Assertions.Expect(arrival).ToHaveValueAsync("09:00");
        await arrival.FillAsync("");
        await card.GetByRole(AriaRole.Button, new() { Name = "Enregistrer « Présent » pour Karim B." }).ClickAsync();
        card = page.Locator($"#seance-{session}");
        var group = card.Locator(".fr-input-group--error", new() { Has = page.GetByLabel("Arrivée") });
        await Assertions.Expect(group.Locator(".fr-message--error")).ToContainTextAsync("obligatoire");
        await Assertions.Expect(page.Locator(".fr-alert--error")).ToBeVisibleAsync();
        await FitsTheScreen(page);
        await BrowserApp.Check(page, "hote-375-aujourdhui-erreur");

        await card.GetByLabel("Arrivée").First.FillAsync("09:05");
        await card.GetByLabel("Pause (minutes)").First.FillAsync("15");
        // Second tap: « Enregistrer ».
        await card.GetByRole(AriaRole.Button, new() { Name = "Enregistrer « Présent » pour Karim B." }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Présent enregistré pour Karim B.");
        card = page.Locator($"#seance-{session}");
        await Assertions.Expect(card).ToContainTextAsync("3 h 40 créditées");
        await Assertions.Expect(card.Locator("summary")).ToHaveCountAsync(0);
        await BrowserApp.Check(page, "hote-375-aujourdhui-present");

        var plan = await (await partner.GetAsync($"/api/placements/{placement}/sessions")).Json();
        Assert.Equal(3.6667, plan.GetProperty("hoursDone").GetDouble(), 3);
    }

    [SkippableFact]
    public async Task ThePartner_ReportsAnIncident_WithImmediateSuspension_AndSeesThePlacementSuspended_AndTheComingSessionsCancelled()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var placement = await ConfirmedPlacement();
        var page = await OnPhone($"/structure/placements/{placement}/seances");
        await Assertions.Expect(page.Locator("#statut-placement")).ToHaveTextAsync("Confirmé");
        await Assertions.Expect(page.Locator("article", new() { HasText = "Prévue" })).ToHaveCountAsync(3);
        await FitsTheScreen(page);
        await BrowserApp.Check(page, "hote-375-seances");

        // The accident's declaration appears for « Accident du travail » only.
        var accident = page.GetByLabel("Lieu", new() { Exact = true });
        await Assertions.Expect(accident).ToBeHiddenAsync();
        await page.GetByLabel("Accident du travail", new() { Exact = true }).CheckAsync(new() { Force = true });
        await Assertions.Expect(accident).ToBeVisibleAsync();
        await BrowserApp.Check(page, "hote-375-incident-accident");

        // No description: said on its field, nothing suspended.
        await page.GetByLabel("Comportement", new() { Exact = true }).CheckAsync(new() { Force = true });
        await Assertions.Expect(accident).ToBeHiddenAsync();
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Suspendre immédiatement")).CheckAsync(new() { Force = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Signaler l'incident" }).ClickAsync();
        var group = page.Locator(".fr-input-group--error", new() { Has = page.GetByLabel(new System.Text.RegularExpressions.Regex("^Ce qui s'est passé")) });
        await Assertions.Expect(group.Locator(".fr-message--error")).ToContainTextAsync("Décrivez ce qui s'est passé");
        await Assertions.Expect(page.Locator("#statut-placement")).ToHaveTextAsync("Confirmé");
        await Assertions.Expect(page.GetByLabel("Comportement", new() { Exact = true })).ToBeCheckedAsync();
        await FitsTheScreen(page);
        await BrowserApp.Check(page, "hote-375-incident-erreur");

        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Ce qui s'est passé")).FillAsync("Insultes envers un agent d'accueil.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Signaler l'incident" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("travail suspendu");
        await Assertions.Expect(page.Locator("#statut-placement")).ToHaveTextAsync("Suspendu");
        await Assertions.Expect(page.Locator("article", new() { HasText = "Prévue" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("article", new() { HasText = "Séance annulée" })).ToHaveCountAsync(3);
        await BrowserApp.Check(page, "hote-375-incident-suspendu");

        var plan = await (await (await browser.App.ClientFor(PlacementApp.Partner)).GetAsync($"/api/placements/{placement}/sessions")).Json();
        Assert.Equal("suspended", plan.GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task ThePartnersMenu_LeadsToToday()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Partner, "/structure/placements");
        await page.Locator("#header-navigation, nav").GetByRole(AriaRole.Link, new() { Name = "Aujourd'hui", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/structure/aujourdhui$"));
    }
}
