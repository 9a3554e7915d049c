using System.Net;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>
/// The officer's side of carrying out a measure, in a real browser: « À traiter » and the decision on an incident, the person's
/// sessions planned again, and a deadline passed with its actions (the clock reads Saturday 28 November 2026).
/// </summary>
public sealed class CarryingOutJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task Officer_DecidesAnIncidentThatSuspendedTheWork_AndThePlacementResumes()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var app = browser.App;
        var postId = await Scenarios.PartnerPost(app, capacity: 3);
        var personId = await Scenarios.Person(app, postId, hours: 20);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var partner = await app.ClientFor(PlacementApp.Partner);
        var created = await officer.PostAsJsonAsync("/api/placements", new { personId, postId });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var placement = (await created.Json()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/placements/{placement}/confirm", null)).StatusCode);
        var reported = await partner.PostAsJsonAsync($"/api/placements/{placement}/incidents",
            new { kind = "behaviour", description = "Insultes envers un agent d'accueil.", suspend = true });
        Assert.True(reported.StatusCode == HttpStatusCode.Created, await reported.Content.ReadAsStringAsync());

        var page = await browser.SignedIn(PlacementApp.Officer69, $"/personnes/{personId}");
        await Assertions.Expect(page.Locator("#seances ~ p").First).ToContainTextAsync("Suspendu");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^À traiter \\(\\d+\\)") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("À traiter");
        var card = page.Locator("section.fr-card", new() { Has = page.GetByText("Insultes envers un agent d'accueil.") });
        await Assertions.Expect(card).ToContainTextAsync("Comportement");
        await Assertions.Expect(card).ToContainTextAsync("Travail suspendu");
        await Assertions.Expect(card).ToContainTextAsync("aujourd'hui");
        await BrowserApp.Check(page, "a-traiter");

        await card.GetByText("Rappel des obligations à la personne").ClickAsync(); // the label: DSFR draws the radio
        await card.GetByLabel(new System.Text.RegularExpressions.Regex("^Commentaire")).FillAsync("Rappel fait par téléphone.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Reprendre le placement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("le placement continue");
        await Assertions.Expect(page.Locator("#traites + div table")).ToContainTextAsync("Rappel des obligations à la personne");
        await BrowserApp.Check(page, "a-traiter-decide");

        await page.GotoAsync($"/personnes/{personId}");
        await Assertions.Expect(page.Locator("#seances ~ p").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Confirmé|En cours"));
        await Assertions.Expect(page.Locator(".placement-sessions").First).ToContainTextAsync("Prévue");
        await Assertions.Expect(page.Locator("#incidents ~ ul").First).ToContainTextAsync("Traité");
        await BrowserApp.Check(page, "personne-seances");
    }

    [SkippableFact]
    public async Task Officer_SeesTheDeadlinePassed_AndRecordsASuspension_WithItsLegalGround()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var app = browser.App;
        var postId = await Scenarios.PartnerPost(app, capacity: 3);
        var late = await Scenarios.Person(app, postId, hours: 60, edit: p =>
        {
            p["sentenceDate"] = "2025-05-15";
            p["deadline"] = "2026-11-15";
        });

        var page = await browser.SignedIn(PlacementApp.Officer69, $"/personnes/{late}");
        var alert = page.Locator("#echeance-depassee");
        await Assertions.Expect(alert).ToContainTextAsync("Échéance dépassée");
        await Assertions.Expect(alert).ToContainTextAsync("depuis 13 jours");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Échéance menacée" })).ToHaveCountAsync(0);
        await BrowserApp.Check(page, "personne-echeance-depassee");

        // No legal ground: said on the field.
        await page.GetByLabel("Du", new() { Exact = true }).FillAsync("2026-10-01");
        await page.GetByLabel("Au", new() { Exact = true }).FillAsync("2026-10-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la suspension" }).ClickAsync();
        await Assertions.Expect(page.Locator("#motif-erreur")).ToContainTextAsync("Le motif légal de la suspension est obligatoire.");
        await Assertions.Expect(page.Locator("#motif")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("fr-fieldset--error"));
        await BrowserApp.Check(page, "personne-suspension-sans-motif");

        await page.GetByText("Incarcération", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la suspension" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("nouvelle échéance le");
        await Assertions.Expect(page.Locator("#echeance-depassee")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#historique-mesure ~ ul").First).ToContainTextAsync("Incarcération");
        await BrowserApp.Check(page, "personne-suspension-enregistree");
    }
}
