using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>A host body's day in a real browser: its structure, the placements proposed to it, hours credited at a session.</summary>
public sealed class PartnerJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    static PartnerJourneys() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance); // Windows-1252, as office software writes it

    /// <summary>Tutors work from phones: every page a partner reaches, at 375 px, fits the screen's width and passes axe.</summary>
    [SkippableFact]
    public async Task EveryPartnerPage_AtPhoneWidth_FitsTheScreen_AndPassesAxe()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var app = browser.App;
        var post = await Scenarios.PartnerPost(app, capacity: 2);
        var person = await Scenarios.Person(app, post, hours: 40);
        var created = await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync("/api/placements", new { personId = person, postId = post });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var placement = (await created.Json()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(PlacementApp.Partner)).PostAsync($"/api/placements/{placement}/confirm", null)).StatusCode);

        var page = await browser.SignedIn(PlacementApp.Partner);
        await page.SetViewportSizeAsync(375, 812);
        foreach (var (path, name) in new[]
        {
            ("/", "accueil"), ("/structure", "structure"), ("/structure/postes", "postes"), ("/structure/postes/nouveau", "nouveau-poste"),
            ($"/structure/postes/{post}", "poste"), ("/structure/placements", "placements"), ($"/structure/placements/{placement}/seances", "seances"), ("/structure/aujourdhui", "aujourdhui"),
            ($"/structure/placements/{placement}/decliner", "decliner"), ("/importer/postes", "importer"), ("/notifications", "notifications"),
            ("/notifications/preferences", "preferences"), ("/compte/mot-de-passe", "mot-de-passe"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Status == 200, $"{path}: {response?.Status}");
            var (content, screen) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
            Assert.True(content <= screen, $"{path}: {content} px wide on a {screen}-px screen");
            await BrowserApp.Check(page, $"partenaire-375-{name}");
        }
    }

    [SkippableFact]
    public async Task APartner_ConfirmsAPlacement_RecordsASession_AndTheOfficerSeesTheHoursWithoutJudicialDataShown()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var app = browser.App;
        var post = await Scenarios.PartnerPost(app, capacity: 2);
        var codefendant = await Scenarios.Person(app, post, hours: 40);
        var person = await Scenarios.Person(app, post, hours: 40, noContact: [codefendant]);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var created = await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var placementId = (await created.Json()).GetProperty("id").GetString();

        var page = await browser.SignedIn(PlacementApp.Partner, "/structure/placements");
        // Its own card: the other journeys of this class propose « Karim B. » too.
        var card = page.Locator($"#placement-{placementId}");
        await Assertions.Expect(card).ToContainTextAsync("Proposé à la structure");
        var html = await page.ContentAsync();
        foreach (var judicial in new[] { "Benali", codefendant, "1999", "co-auteur", "zone", "mineurs" })
            Assert.DoesNotContain(judicial, html, StringComparison.OrdinalIgnoreCase);
        await BrowserApp.Check(page, "partenaire-placements");

        await card.GetByRole(AriaRole.Button, new() { NameRegex = new("^Confirmer l'accueil") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Accueil confirmé");
        card = page.Locator($"#placement-{placementId}");
        await card.GetByRole(AriaRole.Link, new() { Name = "Séances de Karim B." }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Séances de Karim B.");
        // Hours are credited by the attendance of a session: one added today, recorded present as planned.
        await page.Locator("summary", new() { HasTextRegex = new("^Ajouter une séance$") }).ClickAsync();
        await page.GetByLabel("Début").Last.FillAsync("09:00");
        await page.GetByLabel("Fin").Last.FillAsync("13:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la séance" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Séance ajoutée");
        var today = page.Locator("article", new() { HasText = "Aujourd'hui · 09:00 – 13:00" });
        await today.Locator("summary", new() { HasTextRegex = new("^Présent$") }).ClickAsync();
        await today.GetByRole(AriaRole.Button, new() { Name = "Enregistrer « Présent » pour Karim B." }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("4 h créditées");
        await page.GotoAsync("/structure/placements");
        await Assertions.Expect(page.Locator($"#placement-{placementId}")).ToContainTextAsync("4 h effectuées sur 40 h");

        var file = await (await officer.GetAsync($"/api/persons/{person}/file")).Json();
        Assert.Equal(4, file.GetProperty("person").GetProperty("hoursDone").GetDouble());
        Assert.Equal(36, file.GetProperty("person").GetProperty("hoursRemaining").GetDouble());
        var officerPage = await browser.SignedIn(PlacementApp.Officer69, $"/personnes/{person}");
        await Assertions.Expect(officerPage.GetByText("4 h effectuées sur 40 h")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task APartner_IsToldOfAProposedPlacement_ByTheBell_TheList_AndAnEmlFileWithoutAServer()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var app = browser.App;
        var post = await Scenarios.PartnerPost(app, capacity: 1);
        var person = await Scenarios.Person(app, post, hours: 30);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var placement = (await (await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post })).Json()).GetProperty("id").GetString();
        await app.Services.GetRequiredService<Placement.Notifications.Dispatch.NotificationJob>().RunAsync(CancellationToken.None);

        var page = await browser.SignedIn(PlacementApp.Partner, "/structure");
        var bell = page.Locator("#cloche");
        await Assertions.Expect(bell.Locator("#non-lues")).ToBeVisibleAsync();
        var unread = int.Parse(await bell.Locator("#non-lues").InnerTextAsync() is var t ? new string([.. t.TakeWhile(char.IsDigit)]) : "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(unread >= 1);
        await bell.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes notifications", Level = 1 })).ToBeVisibleAsync();
        var item = page.Locator("li.notification--unread", new() { HasText = "Karim B." }).First;
        await Assertions.Expect(item).ToContainTextAsync("Placement proposé");
        await Assertions.Expect(item).ToContainTextAsync("Agent référent du SPIP : Agent CPIP du Rhône");
        Assert.DoesNotContain("Benali", await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserApp.Check(page, "partenaire-notifications");

        await item.GetByRole(AriaRole.Button, new() { NameRegex = new("^Ouvrir") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/structure/placements$"));
        var after = await page.Locator("#cloche #non-lues").CountAsync() == 0 ? 0
            : int.Parse(new string([.. (await page.Locator("#cloche #non-lues").InnerTextAsync()).TakeWhile(char.IsDigit)]), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(unread - 1, after);

        // No SMTP server configured (the default): the e-mail is an .eml file in the data folder, named by its Message-Id.
        var mails = Directory.GetFiles(Path.Combine(app.DataDirectory, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToList();
        Assert.Contains(mails, m => m.To.Mailboxes.Any(a => a.Address == PlacementApp.Partner) && (m.TextBody ?? "").Contains("Karim B.", StringComparison.Ordinal));
        Assert.NotNull(placement);
    }

    [SkippableFact]
    public async Task APartner_SeesItsStructure_ItsHabilitation_AndItsTutors()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        await Scenarios.PartnerPost(browser.App, capacity: 1);
        var page = await browser.SignedIn(PlacementApp.Partner, "/structure");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Habilitation", Exact = true })).ToBeVisibleAsync();
        Assert.True(await page.Locator("table tbody tr").CountAsync() > 0);
        await BrowserApp.Check(page, "partenaire-structure");
        var refused = await page.GotoAsync("/catalogue");
        Assert.Equal((int)HttpStatusCode.Forbidden, refused!.Status);
    }

    [SkippableFact]
    public async Task APartner_ImportsItsSpreadsheetOfPosts_AfterAPreview_AndFindsThemWithTheirReference()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var partner = await browser.App.ClientFor(PlacementApp.Partner);
        var siret = (await (await partner.GetAsync("/api/host-bodies")).Json()).GetProperty("items")[0].GetProperty("siret").GetString();
        var reference = "TAB-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var csv = string.Join("\r\n",
            "siret;reference;intitule;description;activite;places;heures_hebdo_max;creneaux;ouvert_du;ouvert_au;tuteur_nom;tuteur_telephone;effort_physique;etat",
            $"{siret};{reference};Tri des dons de vêtements;Trier, plier et ranger les dons avant la braderie.;Recyclerie et tri;2;8;\"mar 09:00-12:00 ; jeu 14:00-17:00\";01/01/2027;31/12/2027;Nadia Benoît;04 78 00 00 00;faible;à valider",
            $"{siret};{reference}-B;Accueil des bénévoles;Accueillir et orienter les bénévoles.;accueil-administratif;1;7;le matin;01/01/2027;31/12/2027;Nadia Benoît;04 78 00 00 00;faible;publié",
            $"{siret};{reference}-C;Inventaire de la boutique;Compter et étiqueter les objets de la boutique.;Recyclerie et tri;1;6;sam 09:00-12:00;01/01/2027;31/12/2027;Nadia Benoît;04 78 00 00 00;faible;");
        var page = await browser.SignedIn(PlacementApp.Partner, "/structure/postes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Importer un tableau" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Importer des postes");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Fichier à importer")).SetInputFilesAsync(new FilePayload
        {
            Name = "postes-ressourcerie.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.GetEncoding(1252).GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Prévisualiser" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ligne-2")).ToContainTextAsync("Créé");
        await Assertions.Expect(page.Locator("#ligne-3")).ToContainTextAsync("Rejeté");
        await Assertions.Expect(page.Locator("#ligne-3")).ToContainTextAsync("creneaux : Créneau illisible « le matin »");
        await Assertions.Expect(page.Locator("#ligne-3")).ToContainTextAsync("etat : Seul le SPIP publie un poste");
        await BrowserApp.Check(page, "import-postes-apercu");

        await page.GetByRole(AriaRole.Button, new() { Name = "Importer 2 ligne(s)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 créé(s), 0 modifié(s), 0 inchangé(s), 1 rejeté(s)");
        await Assertions.Expect(page.Locator("#historique + .fr-table")).ToContainTextAsync("postes-ressourcerie.csv"); // « Vos derniers imports »
        await BrowserApp.Check(page, "import-postes-rapport");
        await page.GotoAsync("/structure/postes");
        var row = page.Locator("table tbody tr", new() { HasText = $"Réf. {reference}" }).Filter(new() { HasText = "Tri des dons" });
        await Assertions.Expect(row).ToContainTextAsync("validation");

        // The reference is the partner's to edit, and names one post: another post's reference is said on the field.
        await page.GetByRole(AriaRole.Link, new() { Name = "Inventaire de la boutique" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel(new System.Text.RegularExpressions.Regex("^Votre référence"))).ToHaveValueAsync($"{reference}-C");
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Votre référence")).FillAsync(reference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
        var group = page.Locator(".fr-input-group--error", new() { Has = page.GetByLabel(new System.Text.RegularExpressions.Regex("^Votre référence")) });
        await Assertions.Expect(group.Locator(".fr-message--error, .fr-error-text")).ToContainTextAsync($"La référence {reference} est déjà celle d'un autre poste");
        await BrowserApp.Check(page, "partenaire-poste-reference-prise");
    }

    [SkippableFact]
    public async Task APartner_ProposesAPostWithATwoWindowSchedule_TheCoordinatorValidatesIt_AndOfficersFindItInTheCatalogue()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var title = $"Atelier de réparation de vélos {Guid.NewGuid().ToString()[..6]}";
        var page = await browser.SignedIn(PlacementApp.Partner, "/structure/postes");
        await page.GetByRole(AriaRole.Link, new() { Name = "Proposer un poste" }).First.ClickAsync();
        await page.GetByLabel("Intitulé du poste").FillAsync(title);
        await page.GetByLabel("Description").FillAsync("Remise en état de vélos donnés, avec un mécanicien bénévole.");
        await page.GetByLabel("Activité").SelectOptionAsync(new SelectOptionValue { Label = "Recyclerie et tri" });
        await page.GetByLabel("Commune").FillAsync("69123");
        await page.GetByLabel("Lundi, créneau 1 : début").FillAsync("09:00");
        await page.GetByLabel("Lundi, créneau 1 : fin").FillAsync("12:00");
        await page.GetByLabel("Lundi, créneau 2 : début").FillAsync("14:00");
        await page.GetByLabel("Lundi, créneau 2 : fin").FillAsync("13:00");
        await page.GetByLabel("Nombre de places").FillAsync("2");
        await Assertions.Expect(page.Locator("[data-carte][data-ready=true]")).ToBeVisibleAsync();
        await BrowserApp.Check(page, "partenaire-poste-nouveau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et soumettre au SPIP" }).ClickAsync();

        // The handler's error on schedule[1] lands on Monday's second window, and nothing was written.
        var cell = page.Locator("td.placement-week__cell--error");
        await Assertions.Expect(cell).ToHaveCountAsync(1);
        await Assertions.Expect(cell.Locator(".fr-message--error")).ToContainTextAsync("fin");
        Assert.Equal("Lundi, créneau 2 : début", await cell.Locator("input").First.GetAttributeAsync("aria-label"));
        await BrowserApp.Check(page, "partenaire-poste-erreur");
        var partner = await browser.App.ClientFor(PlacementApp.Partner);
        Assert.DoesNotContain(title, await (await partner.GetAsync("/api/posts?pageSize=200")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Lundi, créneau 2 : fin").FillAsync("17:00");
        await page.Locator("[data-carte]").ClickAsync(new() { Position = new() { X = 200, Y = 150 } });
        await Assertions.Expect(page.Locator("[data-carte][data-pin]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et soumettre au SPIP" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("soumis à la validation");
        await Assertions.Expect(page.Locator("#statut-poste")).ToHaveTextAsync("En attente de validation");
        var id = page.Url.Split('/').Last();
        var saved = await (await partner.GetAsync($"/api/posts/{id}")).Json();
        Assert.Equal(["mon 09:00-12:00", "mon 14:00-17:00"], saved.GetProperty("schedule").EnumerateArray()
            .Select(w => $"{w.GetProperty("day").GetString()} {w.GetProperty("start").GetString()}-{w.GetProperty("end").GetString()}").ToArray());
        Assert.Equal(2, saved.GetProperty("capacity").GetInt32());

        var coordinator = await browser.SignedIn(PlacementApp.Coordinator, "/validation");
        await coordinator.GetByLabel("Poste ou structure").FillAsync(title.Split(' ').Last());
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        var card = coordinator.Locator("article", new() { HasText = title });
        await Assertions.Expect(card).ToContainTextAsync("Lundi 09:00–12:00 ; Lundi 14:00–17:00");
        await BrowserApp.Check(coordinator, "validation");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Valider « {title} »" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("est validé");
        await Assertions.Expect(coordinator.Locator("article", new() { HasText = title })).ToHaveCountAsync(0);

        var officer = await browser.SignedIn(PlacementApp.Officer69);
        for (var attempt = 0; ; attempt++)
        {
            await officer.GotoAsync($"/catalogue?Input.Q={Uri.EscapeDataString(title)}");
            if (await officer.GetByRole(AriaRole.Link, new() { Name = title }).CountAsync() > 0 || attempt == 20) break;
            await Task.Delay(500);
        }
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task ARefusedPost_ShowsItsReasonToThePartner_AndOnlyTheLegalMovesAreOffered()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var app = browser.App;
        var id = await Scenarios.PartnerPost(app, capacity: 1);
        var partner = await app.ClientFor(PlacementApp.Partner);
        var page = await browser.SignedIn(PlacementApp.Partner, $"/structure/postes/{id}");
        await Assertions.Expect(page.Locator("#statut-poste")).ToHaveTextAsync("Publié");
        Assert.Equal(["Suspendre le poste", "Clore le poste"], await page.Locator("form[action*=Move] button").AllInnerTextsAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspendre le poste" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statut-poste")).ToHaveTextAsync("Suspendu");
        Assert.Equal(["Rouvrir le poste", "Clore le poste"], await page.Locator("form[action*=Move] button").AllInnerTextsAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Rouvrir le poste" }).ClickAsync();
        await Assertions.Expect(page.Locator("#statut-poste")).ToHaveTextAsync("Publié");

        // A change of substance (one more place) sends it back to the SPIP, which refuses it with a reason.
        await page.GetByLabel("Nombre de places").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les modifications" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("doivent être validés par le SPIP");
        await Assertions.Expect(page.Locator("#statut-poste")).ToHaveTextAsync("En attente de validation");
        var title = (await (await partner.GetAsync($"/api/posts/{id}")).Json()).GetProperty("title").GetString()!;
        var coordinator = await browser.SignedIn(PlacementApp.Coordinator, "/validation?q=" + Uri.EscapeDataString(title));
        var card = coordinator.Locator($"#poste-{id}");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Refuser « {title} »" }).ClickAsync();
        await Assertions.Expect(card.Locator(".fr-input-group--error .fr-message--error")).ToBeVisibleAsync();
        await BrowserApp.Check(coordinator, "validation-refus-erreur");
        await card.GetByLabel("Motif du refus").FillAsync("Trois places demandent un second tuteur.");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Refuser « {title} »" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync("est refusé");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#statut-poste")).ToHaveTextAsync("Brouillon");
        await Assertions.Expect(page.GetByText("Motif : Trois places demandent un second tuteur.")).ToBeVisibleAsync();
        Assert.Equal(["Soumettre à la validation du SPIP", "Clore le poste"], await page.Locator("form[action*=Move] button").AllInnerTextsAsync());
        await BrowserApp.Check(page, "partenaire-poste-refuse");
        var list = await browser.SignedIn(PlacementApp.Partner, "/structure/postes");
        await Assertions.Expect(list.Locator("tr", new() { HasText = "Refusé : Trois places" })).ToHaveCountAsync(1);
        await BrowserApp.Check(list, "partenaire-postes");
    }

    [SkippableFact]
    public async Task TheDemoPartner_FindsEveryPageOfItsPortalFilled_OnFirstStart()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.SignedIn(PlacementApp.Partner, "/structure/postes");
        var statuses = (await page.Locator("table tbody td .fr-badge").AllInnerTextsAsync()).Select(t => t.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Superset(new HashSet<string>(["Brouillon", "En attente de validation", "Publié", "Suspendu", "Clos"], StringComparer.OrdinalIgnoreCase), statuses);
        await page.GotoAsync("/structure/placements");
        var placements = (await page.Locator("article .fr-badge").AllInnerTextsAsync()).Select(t => t.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Superset(new HashSet<string>(["Proposé à la structure", "En cours", "Terminé"], StringComparer.OrdinalIgnoreCase), placements);
        await Assertions.Expect(page.Locator("article", new() { HasText = "En cours" }).First).ToContainTextAsync("effectuées sur");
        await BrowserApp.Check(page, "partenaire-placements-demo");
    }
}
