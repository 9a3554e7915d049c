using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>An officer's day in a real browser: the caseload, a person's page, finding and proposing a post, the catalogue.</summary>
public sealed class OfficerJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task Officer_FiltersTheCaseload_AndFindsAPersonByName()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Officer69, "/personnes");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mes personnes");
        var rows = page.Locator("table tbody tr");
        Assert.True(await rows.CountAsync() > 5);
        await BrowserApp.Check(page, "mes-personnes");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^À placer") }).ClickAsync();
        await page.WaitForURLAsync("**filtre=awaiting**");
        foreach (var badge in await page.Locator("table tbody tr td:nth-child(2)").AllTextContentsAsync()) Assert.Equal("À placer", badge.Trim());

        var name = (await rows.First.Locator("th a").InnerTextAsync()).Split(' ')[0];
        await page.GetByLabel("Nom ou prénom").FillAsync(name.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.All(await page.Locator("table tbody tr th").AllInnerTextsAsync(), t => Assert.Contains(name, t, StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task Officer_IsToldDistancesAreApproximate_WhenTheHomeIsAtItsCommunesCentroid()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        await browser.App.SearchReady();
        var officer = await browser.App.ClientFor(PlacementApp.Officer69);
        var person = PersonsApiTests.Person("69", "69114"); // Porte des Pierres Dorées, a village; no street geocoded
        person["restrictions"] = null;
        person["maxTravelKm"] = 30;
        var created = await officer.PostAsJsonAsync("/api/persons", person);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var page = await browser.SignedIn(PlacementApp.Officer69, $"/personnes/{(await created.Json()).GetProperty("id").GetString()}/postes");
        var notice = page.Locator("#domicile-approche");
        await Assertions.Expect(notice).ToContainTextAsync("Distances approchées");
        await Assertions.Expect(notice).ToContainTextAsync("son domicile est placé au centre du territoire de sa commune, à quelques kilomètres près");
        await Assertions.Expect(page.Locator("[data-carte][data-ready=true]")).ToBeVisibleAsync();
        await BrowserApp.Check(page, "trouver-un-poste-distances-approchees");
    }

    [SkippableFact]
    public async Task Officer_ImportsTheCaseManagementExport_AfterAPreviewNamingEachBadColumn()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var key = "WEB-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var csv = string.Join("\r\n",
            "numero_dossier;nom;prenom;spip;date_naissance;adresse;commune_insee;distance_max_km;heures_prononcees;date_jugement;date_echeance;disponibilites;savoir_faire;effort_physique_max",
            $"{key};Garnier;Lucie;69;14/05/2000;;69114;20;70;01/10/2026;01/04/2028;sam 08:00-17:00;cuisine;moyen",
            $"{key}-B;Renard;Paul;69;30/02/2001;;69266;15;40;01/10/2026;01/04/2028;mer 14:00-17:00;;faible");
        var page = await browser.SignedIn(PlacementApp.Officer69, "/personnes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Importer des personnes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Importer des personnes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fichier-erreur")).ToContainTextAsync("Choisissez le fichier"); // no file: said on the field

        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Fichier à importer")).SetInputFilesAsync(new FilePayload
        {
            Name = "export-appi.csv", MimeType = "text/csv", Buffer = [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv)],
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ligne-2")).ToContainTextAsync("Créée");
        await Assertions.Expect(page.Locator("#ligne-2")).ToContainTextAsync("domicile placé au centre du territoire de sa commune"); // a village, no street
        await Assertions.Expect(page.Locator("#ligne-3")).ToContainTextAsync("Rejetée");
        await Assertions.Expect(page.Locator("#ligne-3")).ToContainTextAsync("date_naissance : Date illisible « 30/02/2001 »");
        await BrowserApp.Check(page, "import-personnes-apercu");

        await page.GetByRole(AriaRole.Button, new() { Name = "Importer 1 ligne(s)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 créée(s), 0 modifiée(s), 0 inchangée(s), 1 rejetée(s)");
        await BrowserApp.Check(page, "import-personnes-rapport");
        var officer = await browser.App.ClientFor(PlacementApp.Officer69);
        var found = await (await officer.GetAsync("/api/persons?q=Garnier&pageSize=100")).Json();
        var imported = found.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("caseNumber").GetString() == key).GetProperty("id").GetString();
        await page.GotoAsync($"/personnes/{imported}");
        await Assertions.Expect(page.GetByText($"dossier {key}")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel(new System.Text.RegularExpressions.Regex("^Numéro de dossier"))).ToHaveValueAsync(key);
    }

    [SkippableFact]
    public async Task Officer_ImportsALargeExport_WithTheUploadsProgress()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var batch = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var lines = Enumerable.Range(0, 2_000).Select(i =>
            $"LOT-{batch}-{i:0000};Nom{i};Prénom;69;14/05/2000;{i} rue de la République;69266;20;70;01/10/2026;01/04/2028;\"lun 08:00-12:00 ; sam 08:00-17:00\";cuisine, jardinage;moyen");
        var csv = "numero_dossier;nom;prenom;spip;date_naissance;adresse;commune_insee;distance_max_km;heures_prononcees;date_jugement;date_echeance;disponibilites;savoir_faire;effort_physique_max\r\n"
            + string.Join("\r\n", lines);
        var bytes = System.Text.Encoding.UTF8.GetBytes(csv);
        Assert.True(bytes.Length > 256 * 1024); // large enough for the page to show the upload's progress

        var page = await browser.SignedIn(PlacementApp.Officer69, "/importer/personnes");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Fichier à importer")).SetInputFilesAsync(new FilePayload { Name = "lot.csv", MimeType = "text/csv", Buffer = bytes });
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aperçu de « lot.csv »" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.EndsWith("/importer/personnes", page.Url, StringComparison.Ordinal); // the page's content replaced, not a new page
        await Assertions.Expect(page.GetByText("2000 à créer", new() { Exact = true })).ToBeVisibleAsync(); // the preview's tag (the history says it too)
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer 2000 ligne(s)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("2000 créée(s)", new() { Timeout = 60_000 });
    }

    [SkippableFact]
    public async Task Officer_EditsAPerson_AndSeesTheErrorOnTheField()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Officer69, "/personnes");
        await page.Locator("table tbody tr th a").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserApp.Check(page, "fiche-personne");
        await Assertions.Expect(page.Locator("[data-carte][data-ready=true]")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier", Exact = true }).ClickAsync();
        await page.GetByLabel("Commune (code INSEE)").FillAsync("99999");
        await page.GetByLabel("Distance maximale (km)").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var group = page.Locator(".fr-input-group--error", new() { Has = page.GetByLabel("Commune (code INSEE)") });
        await Assertions.Expect(group.Locator(".fr-message--error")).ToContainTextAsync("ommune");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Un champ est à corriger");
        await BrowserApp.Check(page, "fiche-personne-erreur");

        await page.GetByLabel("Commune (code INSEE)").FillAsync("69123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le dossier est enregistré");
        await Assertions.Expect(page.GetByText("Se déplace jusqu'à 25 km", new() { Exact = false })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Officer_FindsAPost_ProposesIt_AndSeesThePlacementOnThePersonPage()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        await browser.App.SearchReady();
        var page = await browser.SignedIn(PlacementApp.Officer69, "/personnes?filtre=awaiting");
        var links = await page.Locator("table tbody tr th a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        string? title = null;
        foreach (var href in links.Take(10))
        {
            await page.GotoAsync(href + "/postes");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Proposer ce poste") }).CountAsync() == 0) continue;
            await Assertions.Expect(page.Locator("[data-carte][data-ready=true]")).ToBeVisibleAsync();
            Assert.True(int.Parse(await page.Locator("[data-carte]").GetAttributeAsync("data-markers") ?? "0") > 0);
            await Assertions.Expect(page.Locator(".placement-explain").First).ToBeVisibleAsync();
            await BrowserApp.Check(page, "trouver-un-poste");
            title = await page.Locator(".placement-result h3").First.InnerTextAsync();
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Proposer ce poste") }).First.ClickAsync();
            break;
        }
        Assert.NotNull(title);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("proposé à la structure");
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Historique des placements" }).Locator("tbody tr", new() { HasText = title });
        await Assertions.Expect(row).ToContainTextAsync("Proposé à la structure");
        await BrowserApp.Check(page, "fiche-personne-placement");
    }

    [SkippableFact]
    public async Task Officer_SearchesTheCatalogue_WithARadiusAndAFilter_AndSeesMarkers()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        await browser.App.SearchReady();
        var page = await browser.SignedIn(PlacementApp.Officer69, "/catalogue");
        await page.GetByLabel("Commune (code INSEE)").FillAsync("69123");
        await page.GetByLabel("Rayon (km)").FillAsync("30");
        await page.GetByLabel("Activité").SelectOptionAsync("espaces-verts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator("#resultats")).ToContainTextAsync("trouvé");
        Assert.All(await page.Locator("table tbody tr td:first-child .fr-text--xs").AllInnerTextsAsync(), a => Assert.Equal("Espaces verts", a));
        await Assertions.Expect(page.Locator("[data-carte][data-ready=true]")).ToBeVisibleAsync();
        Assert.True(int.Parse(await page.Locator("[data-carte]").GetAttributeAsync("data-markers") ?? "0") > 0);
        Assert.True(await page.Locator(".leaflet-marker-icon").CountAsync() > 0);
        await BrowserApp.Check(page, "catalogue");

        await page.Locator("table tbody tr td a").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.GetByText("Structure d'accueil")).ToBeVisibleAsync();
        await BrowserApp.Check(page, "poste");
    }

    [SkippableFact]
    public async Task APartner_CannotOpenAnOfficerPage()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Partner);
        var response = await page.GotoAsync("/personnes");
        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Accès refusé");
        await BrowserApp.Check(page, "acces-refuse");
    }

    [SkippableFact]
    public async Task APostDescriptionWithHtml_IsShownAsText()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var partner = await browser.App.ClientFor(PlacementApp.Partner);
        var host = (await (await partner.GetAsync("/api/auth/me")).Json()).GetProperty("hostBodyId").GetString()!;
        var post = CatalogueApiTests.Post(host);
        post["description"] = "Entretien des massifs <b>en gras</b><script>document.title='piraté'</script>";
        var created = await partner.PostAsJsonAsync("/api/posts", post);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetString();

        var page = await browser.SignedIn(PlacementApp.Officer69);
        await page.GotoAsync($"/catalogue/postes/{id}");
        var description = page.Locator(".placement-description");
        await Assertions.Expect(description).ToContainTextAsync("<b>en gras</b><script>");
        Assert.Equal(0, await description.Locator("b, script").CountAsync());
        Assert.NotEqual("piraté", await page.TitleAsync());
    }
}

/// <summary>Exclusion zones are drawn on the map of the edit page, saved, and shown on the person's page.</summary>
public sealed class ExclusionZoneJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task Officer_DrawsAnExclusionZone_AndFindsItOnThePersonPage()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Officer69, "/personnes?filtre=awaiting");
        await page.Locator("table tbody tr th a").Nth(2).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var before = await page.Locator("text=/zones? d'interdiction de paraître \\(en rouge/").CountAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier", Exact = true }).ClickAsync();
        var map = page.Locator("[data-carte]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "true");
        var zonesBefore = await page.GetByLabel("Zones d'interdiction de paraître (GeoJSON)").InputValueAsync();
        foreach (var (x, y) in new[] { (120, 120), (220, 120), (220, 220), (120, 220) })
            await map.ClickAsync(new() { Position = new() { X = x, Y = y } });
        await page.GetByRole(AriaRole.Button, new() { Name = "Terminer la zone" }).ClickAsync();
        var zones = await page.GetByLabel("Zones d'interdiction de paraître (GeoJSON)").InputValueAsync();
        Assert.NotEqual(zonesBefore, zones);
        Assert.Contains("\"Polygon\"", zones, StringComparison.Ordinal);
        await BrowserApp.Check(page, "modifier-zones");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le dossier est enregistré");
        await Assertions.Expect(page.Locator("text=/zones? d'interdiction de paraître \\(en rouge/")).ToHaveCountAsync(1);
        Assert.True(before <= 1);
        await Assertions.Expect(page.Locator(".leaflet-interactive[stroke='#ce0500']").First).ToBeAttachedAsync();
    }

    /// <summary>Issue 24: the co-defendants named on the person page bind rule 13 both ways, as through the API.</summary>
    [SkippableFact]
    public async Task Officer_NamesACoDefendantByCaseNumber_OnThePersonPage_AndTheyAreNeverPlacedTogether()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var app = browser.App;
        var post = await Scenarios.PartnerPost(app, capacity: 4);
        var (numberA, numberB) = ("PAGE-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), "PAGE-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());
        var a = await Scenarios.Person(app, post, caseNumber: numberA);
        var b = await Scenarios.Person(app, post, caseNumber: numberB);
        var page = await browser.SignedIn(PlacementApp.Officer69, $"/personnes/{a}/modifier");
        var field = page.GetByLabel("Co-auteurs et victimes à ne pas rencontrer");

        await field.FillAsync("INCONNU-0001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        var group = page.Locator(".fr-input-group--error", new() { Has = field });
        await Assertions.Expect(group.Locator(".fr-message--error")).ToContainTextAsync("Aucune personne de votre périmètre n'a le numéro de dossier INCONNU-0001.");
        await BrowserApp.Check(page, "modifier-co-auteurs-erreur");

        await field.FillAsync(numberB.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le dossier est enregistré");
        await Assertions.Expect(page.GetByText($"Ne doit pas rencontrer 1 co-auteur ou victime (dossier {numberB})")).ToBeVisibleAsync();
        using (var scope = app.Services.CreateScope())
            await DerivedForms.AssertConsistentAsync(scope.ServiceProvider.GetRequiredService<Placement.Web.Data.PlacementDbContext>());

        var officer = await app.ClientFor(PlacementApp.Officer69);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/placements", new { personId = a, postId = post })).StatusCode);
        var refused = await officer.PostAsJsonAsync("/api/placements", new { personId = b, postId = post });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("coDefendant", (await refused.Json()).GetProperty("rules")[0].GetString());
    }
}
