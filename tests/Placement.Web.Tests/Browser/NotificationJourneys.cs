using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>Issue 14 in a real browser: an officer chooses how to be told, reads the daily digest, picks a person's referent.</summary>
public sealed class NotificationJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task Officer_ChoosesHowToBeTold_AndReadsTheDailyDigest()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var app = browser.App;
        var page = await browser.SignedIn(PlacementApp.Officer69, "/notifications");
        await page.GetByRole(AriaRole.Link, new() { Name = "choisir mes préférences de notification" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Préférences de notification", Level = 1 })).ToBeVisibleAsync();
        var declined = page.GetByRole(AriaRole.Group, new() { Name = "Placement décliné par la structure" });
        await Assertions.Expect(declined.GetByRole(AriaRole.Radio, new() { NameRegex = new("^Courriel immédiat \\(par défaut\\)") })).ToBeCheckedAsync();
        var confirmed = page.GetByRole(AriaRole.Group, new() { Name = "Placement confirmé par la structure" });
        await Assertions.Expect(confirmed.GetByRole(AriaRole.Radio, new() { NameRegex = new("^Résumé quotidien \\(par défaut\\)") })).ToBeCheckedAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Group, new() { Name = "Affectation terminée" }).CountAsync()); // a coordinator's kind
        // An incident is always sent at once by e-mail: said, not chosen.
        Assert.Equal(0, await page.GetByRole(AriaRole.Group, new() { Name = "Incident signalé par une structure d'accueil" }).CountAsync());
        await Assertions.Expect(page.Locator("#choix-incident-reported")).ToContainTextAsync("Toujours par courriel, sans délai");
        await BrowserApp.Check(page, "agent-preferences-notification");

        await page.GetByRole(AriaRole.Group, new() { Name = "Proposition acceptée par un coordinateur" }).GetByText("Application seulement").ClickAsync(); // the label: DSFR draws the radio
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes préférences" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vos préférences de notification sont enregistrées.");
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Proposition acceptée par un coordinateur" }).GetByRole(AriaRole.Radio, new() { NameRegex = new("^Application seulement") })).ToBeCheckedAsync();

        // Two confirmations today: tomorrow morning, one e-mail gathers them (rendered here as a mail client would show it).
        var partner = await app.ClientFor(PlacementApp.Partner);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        for (var i = 0; i < 2; i++)
        {
            var post = await Scenarios.PartnerPost(app, capacity: 1);
            var person = await Scenarios.Person(app, post, hours: 20);
            var placement = (await (await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post })).Json()).GetProperty("id").GetString();
            Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/placements/{placement}/confirm", null)).StatusCode);
        }
        var job = app.Services.GetRequiredService<Placement.Notifications.Dispatch.NotificationJob>();
        await job.RunAsync(CancellationToken.None);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Placement.Web.Data.PlacementDbContext>();
        var waiting = await db.Notifications.Where(n => n.Email == PlacementApp.Officer69 && n.MailStatus == Placement.Notifications.Domain.MailStatus.Digest)
            .OrderBy(n => n.CreatedAt).ToListAsync();
        Assert.True(waiting.Count >= 2);
        var digest = await job.DigestAsync(waiting);
        var mail = await browser.NewPage();
        await mail.SetContentAsync(digest.HtmlBody!);
        await Assertions.Expect(mail.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Vos {waiting.Count} notifications du jour");
        Assert.True(await mail.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new("^Placement confirmé : ") }).CountAsync() >= 2);
        await BrowserApp.Check(mail, "courriel-resume-quotidien");
    }

    [SkippableFact]
    public async Task Officer_PicksTheReferent_AmongTheOfficersOfTheSpip()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var app = browser.App;
        var admin = await app.ClientFor(PlacementApp.Admin);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", new { email = "hugo.lambert@spip69.example", displayName = "Hugo Lambert", role = "officer", departements = new[] { "69" } })).StatusCode);
        var post = await Scenarios.PartnerPost(app, capacity: 1);
        var person = await Scenarios.Person(app, post, hours: 20);

        var page = await browser.SignedIn(PlacementApp.Officer69, $"/personnes/{person}");
        var select = page.GetByLabel("Désigner l'agent référent");
        await Assertions.Expect(select.Locator("option:checked")).ToHaveTextAsync("Agent CPIP du Rhône (cpip69@demo.placement)");
        Assert.Equal(0, await select.Locator("option", new() { HasText = "cpip38@demo.placement" }).CountAsync()); // another SPIP
        await select.SelectOptionAsync(new SelectOptionValue { Label = "Hugo Lambert (hugo.lambert@spip69.example)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Désigner" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Hugo Lambert est désormais l'agent référent");
        await Assertions.Expect(page.Locator("#referent + p")).ToContainTextAsync("Hugo Lambert — hugo.lambert@spip69.example");
        await page.Locator("#referent").ScrollIntoViewIfNeededAsync();
        await BrowserApp.Check(page, "fiche-personne-referent");
    }
}
