using System.Net;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>« Devenir structure d'accueil » in a real browser: an association applies, waits, is accepted, signs in.</summary>
public sealed class ApplicationJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    // The demo password meets the rules: BrowserApp.SignedIn signs in with it.
    private const string Password = PlacementApp.Password;

    [SkippableFact]
    public async Task AnAssociationApplies_CannotSignInBeforeTheDecision_IsAccepted_AndProposesItsFirstPost()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.NewPage();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Devenir structure d'accueil" }).First.ClickAsync();
        await page.GetByLabel("Nom de la structure").FillAsync("Jardins partagés de la Croix-Rousse");
        await page.GetByLabel("Forme juridique").SelectOptionAsync("association");
        await page.GetByLabel("SIRET").FillAsync("123 456 789 00012");
        await page.Locator("#Input-Address-Street").FillAsync("12 rue d'Austerlitz");
        await page.GetByLabel("Commune").FillAsync("69123");
        await page.Locator("#Input-Contact-Name").FillAsync("Claire Dumas");
        await page.Locator("#Input-Contact-Phone").FillAsync("04 78 00 00 00");
        await page.GetByLabel("Vos prénom et nom").FillAsync("Claire Dumas");
        await page.GetByLabel("Votre adresse électronique").FillAsync("claire.dumas@jardins-croix-rousse.example");
        await page.Locator("#Input-Applicant-Password").FillAsync("court");
        await page.GetByLabel("Confirmez le mot de passe").FillAsync("court");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();

        // Every bad field at once, on its field: the SIRET's checksum and the password's rules; nothing written.
        await Assertions.Expect(page.Locator(".fr-input-group--error", new() { Has = page.GetByLabel("SIRET") })).ToContainTextAsync("SIRET");
        await Assertions.Expect(page.Locator(".fr-input-group--error", new() { Has = page.Locator("#Input-Applicant-Password") })).ToContainTextAsync("12 caractères");
        await BrowserApp.Check(page, "candidature-erreurs");
        var coordinator = await browser.App.ClientFor(PlacementApp.Coordinator);
        Assert.DoesNotContain("Croix-Rousse", await (await coordinator.GetAsync("/api/validation-queue")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await page.GetByLabel("SIRET").FillAsync("73282932000074");
        await page.Locator("#Input-Applicant-Password").FillAsync(Password);
        await page.GetByLabel("Confirmez le mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la demande" }).ClickAsync();
        Assert.Equal([], await page.Locator(".fr-message--error").AllInnerTextsAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre demande est enregistrée");
        await BrowserApp.Check(page, "candidature-envoyee");

        var early = await browser.SignedIn("claire.dumas@jardins-croix-rousse.example", password: Password);
        await Assertions.Expect(early.GetByRole(AriaRole.Alert)).ToContainTextAsync("en cours d'examen par le SPIP");

        var validation = await browser.SignedIn(PlacementApp.Coordinator, "/validation?page=1");
        await Assertions.Expect(validation.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        var card = validation.Locator("article", new() { HasText = "Jardins partagés de la Croix-Rousse" });
        await Assertions.Expect(card).ToContainTextAsync("Association · SIRET 73282932000074");
        await BrowserApp.Check(validation, "validation-demandes");
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new("^Accepter la demande") }).ClickAsync();
        await Assertions.Expect(validation.GetByRole(AriaRole.Status)).ToContainTextAsync("est habilitée");

        var partner = await browser.SignedIn("claire.dumas@jardins-croix-rousse.example", "/structure");
        await Assertions.Expect(partner.GetByRole(AriaRole.Heading, new() { Name = "Jardins partagés de la Croix-Rousse" })).ToBeVisibleAsync();
        await Assertions.Expect(partner.GetByText("Habilitée", new() { Exact = true })).ToBeVisibleAsync();
        await partner.GotoAsync("/structure/postes");
        await Assertions.Expect(partner.GetByText("Aucun poste pour l'instant")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task APartnersNewAddress_WaitsOnItsStructurePage_UntilTheSpipAcceptsIt_OnTheValidationPage()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var coordinator = await browser.App.ClientFor(PlacementApp.Coordinator);
        var id = await CatalogueApiTests.CreateHostBody(coordinator, "Épicerie solidaire des Minguettes");
        var email = await browser.App.PartnerAccount($"epicerie-{id[..8]}@test.placement", id, "69");
        var partnerApi = await browser.App.ClientFor(email);
        var hostBody = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>((await (await partnerApi.GetAsync($"/api/host-bodies/{id}")).Json()).GetRawText())!;
        hostBody["address"] = new { street = "8 avenue Jules Guesde", communeInsee = "69259" };
        Assert.Equal(System.Net.HttpStatusCode.OK, (await partnerApi.PutAsJsonAsync($"/api/host-bodies/{id}", hostBody)).StatusCode);

        var structure = await browser.SignedIn(email, "/structure");
        await structure.SetViewportSizeAsync(375, 812);
        await Assertions.Expect(structure.GetByText("Nouvelle adresse demandée")).ToBeVisibleAsync();
        await Assertions.Expect(structure.GetByText("En attente du SPIP")).ToBeVisibleAsync();
        await BrowserApp.Check(structure, "structure-adresse-en-attente-375");

        var validation = await browser.SignedIn(PlacementApp.Coordinator, "/validation?page=1");
        var card = validation.Locator("article", new() { HasText = "Épicerie solidaire des Minguettes" });
        await Assertions.Expect(card).ToContainTextAsync("Nouvelle adresse demandée : 8 avenue Jules Guesde, Vénissieux (69)");
        await BrowserApp.Check(validation, "validation-changement-adresse");
        await card.GetByRole(AriaRole.Button, new() { Name = "Accepter la nouvelle adresse de « Épicerie solidaire des Minguettes »" }).ClickAsync();
        await Assertions.Expect(validation.GetByRole(AriaRole.Status)).ToContainTextAsync("La nouvelle adresse de « Épicerie solidaire des Minguettes » s'applique : 8 avenue Jules Guesde, Vénissieux (69).");

        await structure.ReloadAsync();
        await Assertions.Expect(structure.GetByText("Nouvelle adresse demandée")).ToHaveCountAsync(0);
        await Assertions.Expect(structure.Locator("dd", new() { HasText = "8 avenue Jules Guesde" })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task ARefusedApplication_KeepsItsReason_AndItsAccountNeverSignsIn()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var anonymous = browser.App.CreateClient();
        var email = $"{Guid.NewGuid():N}@exemple.fr";
        var response = await anonymous.PostAsJsonAsync("/api/host-body-applications", new
        {
            name = "Mairie de Caluire-et-Cuire", legalType = "commune", siret = "21690034600018",
            address = new { communeInsee = "69034" }, contact = new { name = "Accueil", phone = "04 78 98 80 80" },
            applicant = new { name = "Jean Martin", email, password = Password },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Json();
        Assert.Equal("by-right", created.GetProperty("hostBody").GetProperty("habilitation").GetProperty("status").GetString());
        var id = created.GetProperty("id").GetString();

        var coordinator = await browser.App.ClientFor(PlacementApp.Coordinator);
        var empty = await coordinator.PostAsJsonAsync($"/api/host-body-applications/{id}/refuse", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("reason", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refused = await (await coordinator.PostAsJsonAsync($"/api/host-body-applications/{id}/refuse", new { reason = "La mairie n'a pas fait cette demande." })).Json();
        Assert.Equal("refused", refused.GetProperty("status").GetString());
        Assert.Equal("La mairie n'a pas fait cette demande.", refused.GetProperty("refusalReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsync($"/api/host-body-applications/{id}/accept", null)).StatusCode);

        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var again = await anonymous.PostAsJsonAsync("/api/host-body-applications", new
        {
            name = "Mairie de Caluire-et-Cuire", legalType = "commune", siret = "21690034600018",
            address = new { communeInsee = "69034" }, contact = new { name = "Accueil", phone = "04 78 98 80 80" },
            applicant = new { name = "Jean Martin", email, password = Password },
        });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }
}
