using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>The administrator's day in a real browser: accounts, the activity vocabulary, the search index, habilitations.</summary>
public sealed class AdministrationJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static async Task<IPage> SignIn(BrowserApp browser, string email, string password, bool expectSuccess = true)
    {
        var page = await browser.SignedIn(email, password: password);
        if (expectSuccess) await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Bonjour") })).ToBeVisibleAsync();
        return page;
    }

    [SkippableFact]
    public async Task AnAdministrator_ReadsWhoOpenedAPersonsFile_InTheJournal_FilteredByPerson()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        // An officer opens a file in the browser…
        var officer = await browser.SignedIn(PlacementApp.Officer69, "/personnes");
        await officer.Locator("table tbody tr th a").First.ClickAsync();
        await officer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/personnes/[0-9a-f-]{36}$"));
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var person = officer.Url.Split('/').Last();

        // … the administrator sees it in the journal, with the officer's address, and follows that person.
        var page = await browser.SignedIn(PlacementApp.Admin, "/administration");
        await page.GetByRole(AriaRole.Link, new() { Name = "Journal d'audit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Journal d'audit");
        await page.Locator("#personne").FillAsync(person);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        var line = page.Locator("table tbody tr", new() { HasText = "Dossier de la personne et ses placements" }).First;
        await Assertions.Expect(line).ToContainTextAsync(PlacementApp.Officer69);
        await Assertions.Expect(line).ToContainTextAsync("Consultation");
        await Assertions.Expect(line).ToContainTextAsync("127.0.0.1");
        await Assertions.Expect(line).ToContainTextAsync($"GET /personnes/{person}");
        await BrowserApp.Check(page, "administration-journal");

        // A person id that is not one is said on its field.
        await page.Locator("#personne").FillAsync("Martin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".fr-input-group--error", new() { Has = page.Locator("#personne") })).ToContainTextAsync("Identifiant de personne attendu");
        await BrowserApp.Check(page, "administration-journal-erreur");
    }

    [SkippableFact]
    public async Task AnAdministrator_CreatesAnOfficer_WhoSignsIn_ThenLocksUnlocksAndResetsTheAccount()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Admin, "/administration");
        await BrowserApp.Check(page, "administration");
        await page.GetByRole(AriaRole.Link, new() { Name = "Utilisateurs" }).ClickAsync();
        await page.GetByLabel("Prénom et nom").FillAsync("Inès Morel");
        await page.GetByLabel("Adresse électronique").FillAsync("ines.morel@justice.example");
        await page.Locator("#Input-Role").SelectOptionAsync("officer");
        await page.Locator("#Input-Departements").FillAsync("38, 69");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await Assertions.Expect(page.Locator(".fr-input-group--error", new() { Has = page.Locator("#Input-Departements") })).ToContainTextAsync("un seul département");
        await BrowserApp.Check(page, "administration-utilisateurs-erreur");

        await page.Locator("#Input-Departements").FillAsync("38");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Compte créé pour Inès Morel");
        var password = (await page.Locator("#mot-de-passe-provisoire code").InnerTextAsync()).Trim();
        Assert.Equal(16, password.Length);
        await BrowserApp.Check(page, "administration-utilisateur");

        // The temporary password opens only « Changer mon mot de passe »: the new officer chooses hers, then reaches the service.
        var officer = await browser.SignedIn("ines.morel@justice.example", "/personnes", password);
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Changer mon mot de passe" })).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByText("L'administrateur vous a donné un mot de passe provisoire")).ToBeVisibleAsync();
        Assert.Equal(403, (await officer.APIRequest.GetAsync("/api/persons")).Status);
        await officer.GetByLabel("Mot de passe actuel").FillAsync(password);
        await officer.Locator("#Input-NewPassword").FillAsync("court");
        await officer.GetByLabel("Confirmez le nouveau mot de passe").FillAsync("court");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mon mot de passe" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".fr-input-group--error", new() { Has = officer.Locator("#Input-NewPassword") })).ToContainTextAsync("12 caractères");
        await BrowserApp.Check(officer, "mot-de-passe-provisoire-erreur");
        const string chosen = "Ines-Morel-Isere-2026";
        await officer.GetByLabel("Mot de passe actuel").FillAsync(password);
        await officer.Locator("#Input-NewPassword").FillAsync(chosen);
        await officer.GetByLabel("Confirmez le nouveau mot de passe").FillAsync(chosen);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mon mot de passe" }).ClickAsync();
        await officer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/personnes$"));
        // Signed in with the cookie, the new officer reads the persons of the Isère only.
        var persons = await officer.APIRequest.GetAsync("/api/persons?pageSize=100");
        Assert.Equal(200, persons.Status);
        var departements = (await persons.JsonAsync())!.Value.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("departement").GetString()).Distinct().ToList();
        Assert.Equal(["38"], departements);

        await page.GetByRole(AriaRole.Button, new() { Name = "Verrouiller le compte" }).ClickAsync();
        await Assertions.Expect(page.Locator("#etat-compte")).ToHaveTextAsync("Verrouillé");
        var refused = await SignIn(browser, "ines.morel@justice.example", chosen, expectSuccess: false);
        await Assertions.Expect(refused.GetByRole(AriaRole.Alert)).ToContainTextAsync("verrouillé");
        var api = browser.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync("/api/auth/login", new { email = "ines.morel@justice.example", password = chosen })).StatusCode);

        await page.GetByRole(AriaRole.Button, new() { Name = "Déverrouiller le compte" }).ClickAsync();
        await Assertions.Expect(page.Locator("#etat-compte")).ToHaveTextAsync("Actif");
        await page.GetByRole(AriaRole.Button, new() { Name = "Attribuer un mot de passe provisoire" }).ClickAsync();
        var second = (await page.Locator("#mot-de-passe-provisoire code").InnerTextAsync()).Trim();
        Assert.NotEqual(password, second);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PostAsJsonAsync("/api/auth/login", new { email = "ines.morel@justice.example", password = chosen })).StatusCode);
        var again = await browser.SignedIn("ines.morel@justice.example", password: second); // a new temporary password: chosen again
        await Assertions.Expect(again.GetByRole(AriaRole.Heading, new() { Name = "Changer mon mot de passe" })).ToBeVisibleAsync();

        var users = await (await (await browser.App.ClientFor(PlacementApp.Admin)).GetAsync("/api/users")).Json();
        var created = users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == "ines.morel@justice.example");
        Assert.Equal("officer", created.GetProperty("role").GetString());
        Assert.Equal(["38"], created.GetProperty("departements").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await browser.App.ClientFor(PlacementApp.Coordinator)).GetAsync("/api/users")).StatusCode);
    }

    [SkippableFact]
    public async Task AnAdministrator_EditsTheActivityVocabulary_WhichPartnersThenChooseFrom()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Admin, "/administration/activites");
        await page.GetByLabel("Libellé", new() { Exact = false }).Last.FillAsync("Jardinage solidaire");
        await page.Locator("#Input-Code").FillAsync("jardinage-solidaire");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Jardinage solidaire");

        await page.Locator("#activite-espaces-verts").GetByRole(AriaRole.Button, new() { NameRegex = new("^Supprimer") }).IsDisabledAsync();
        var admin = await browser.App.ClientFor(PlacementApp.Admin);
        var refused = await admin.DeleteAsync("/api/activities/espaces-verts");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("poste", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await page.Locator("#libelle-recyclerie-tri").FillAsync("Recyclerie, tri et réemploi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Renommer recyclerie-tri" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Recyclerie, tri et réemploi");
        await BrowserApp.Check(page, "administration-activites");

        var partner = await browser.SignedIn(PlacementApp.Partner, "/structure/postes/nouveau");
        var options = await partner.Locator("#Input-Activity option").AllInnerTextsAsync();
        Assert.Contains("Jardinage solidaire", options);
        Assert.Contains("Recyclerie, tri et réemploi", options);
        var post = CatalogueApiTests.Post(await Scenarios.PartnerHostBody(browser.App));
        post["activity"] = "jardinage-solidaire";
        Assert.Equal(HttpStatusCode.Created, (await (await browser.App.ClientFor(PlacementApp.Partner)).PostAsJsonAsync("/api/posts", post)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.DeleteAsync("/api/activities/jardinage-solidaire")).StatusCode);
    }

    [SkippableFact]
    public async Task AnAdministrator_RebuildsTheIndex_WithItsProgress_AndSuspendsAHabilitation()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        await browser.App.SearchReady();
        var page = await browser.SignedIn(PlacementApp.Admin, "/administration/index");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reconstruire l'index" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dernière reconstruction terminée" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // Every searchable post (published, of a host body that may host) is indexed, and the search finds them all.
        var searchable = (await (await (await browser.App.ClientFor(PlacementApp.Coordinator)).GetAsync("/api/posts/search?pageSize=1")).Json()).GetProperty("total").GetInt32();
        await Assertions.Expect(page.Locator("#reindexation")).ToContainTextAsync($"{searchable} postes indexés sur {searchable}");
        await BrowserApp.Check(page, "administration-index");

        await page.GotoAsync("/administration/structures?q=Scop");
        await page.Locator("table tbody tr a").First.ClickAsync();
        await page.GetByLabel("Statut").SelectOptionAsync("suspended");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'habilitation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("habilitation suspendue");
        await BrowserApp.Check(page, "administration-structure");
        var id = page.Url.Split('/').Last();
        var hostBody = await (await (await browser.App.ClientFor(PlacementApp.Admin)).GetAsync($"/api/host-bodies/{id}")).Json();
        Assert.Equal("suspended", hostBody.GetProperty("habilitation").GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task AnAdministrator_FollowsTheDeliveries_WithoutReadingTheMessages()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var app = browser.App;
        var post = await Scenarios.PartnerPost(app, capacity: 1);
        var person = await Scenarios.Person(app, post, hours: 20);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post })).StatusCode);
        await app.Services.GetRequiredService<Placement.Notifications.Dispatch.NotificationJob>().RunAsync(CancellationToken.None);

        var page = await browser.SignedIn(PlacementApp.Admin, "/administration");
        await page.GetByRole(AriaRole.Link, new() { Name = "Envois de notifications" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Envois de notifications");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Destinataire")).FillAsync("partenaire@");
        await page.GetByLabel("État", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Envoyé" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        var line = page.Locator("table tbody tr", new() { HasText = "Placement proposé sur l'un de vos postes" }).First; // the kind, not the message's own subject
        await Assertions.Expect(line).ToContainTextAsync(PlacementApp.Partner);
        await Assertions.Expect(line).ToContainTextAsync("Envoyé");
        var content = await page.ContentAsync();
        Assert.DoesNotContain("Karim", content, StringComparison.Ordinal); // the text names the person: only its recipient reads it
        Assert.DoesNotContain("Horaires du poste", content, StringComparison.Ordinal);
        await BrowserApp.Check(page, "administration-envois");
    }
}
