using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Placement.Web.Tests.Browser;

/// <summary>A tutor on a phone: asks for a sign-in link, opens it from the e-mail, lands signed in, finds their calendar's address.</summary>
public sealed class TutorJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task Tutor_AsksForALink_FollowsIt_AndLandsSignedIn_At375px()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(375, 812);
        await page.GotoAsync("/connexion");
        await page.GetByRole(AriaRole.Link, new() { Name = "Recevoir un lien de connexion par courriel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion des tuteurs", Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Adresse électronique").FillAsync("pas-une-adresse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir un lien de connexion" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saisissez une adresse électronique valide").First).ToBeVisibleAsync();
        await BrowserApp.Check(page, "tuteur-connexion-erreur-375");

        await page.GetByLabel("Adresse électronique").FillAsync(TutorSignInTests.Tutor);
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir un lien de connexion" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("un lien de connexion vient de lui être envoyé");
        await BrowserApp.Check(page, "tuteur-connexion-demandee-375");

        // Without an SMTP server the e-mail is an .eml file in the data folder.
        var mail = Directory.GetFiles(Path.Combine(browser.App.DataDirectory, "mail"), "tutor-link.*.eml")
            .Select(f => MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Any(a => a.Address == TutorSignInTests.Tutor));
        var link = Regex.Match(mail.TextBody ?? "", @"https?://[^/\s]+(/connexion/lien\?token=\S+)").Groups[1].Value;
        Assert.NotEmpty(link);

        // A session this evening on one of the tutor's placements, added by their host.
        Guid placement;
        using (var scope = browser.App.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<Placement.Matching.Persistence.IMatchingStore>();
            var posts = store.Posts.Where(p => p.TutorEmail == TutorSignInTests.Tutor).Select(p => p.Id);
            placement = await store.Placements.Where(p => posts.Contains(p.PostId)
                && (p.Status == Placement.Matching.Domain.PlacementStatus.Confirmed || p.Status == Placement.Matching.Domain.PlacementStatus.InProgress))
                .Select(p => p.Id).FirstAsync();
        }
        var added = await (await browser.App.ClientFor(PlacementApp.Partner)).PostAsJsonAsync($"/api/placements/{placement}/sessions",
            new { date = "2026-11-28", start = "19:30", end = "21:00" });
        Assert.True(added.StatusCode == System.Net.HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var session = (await added.Json()).GetProperty("id").GetString();

        await page.GotoAsync(link);
        await BrowserApp.Check(page, "tuteur-lien-375");
        await page.GetByRole(AriaRole.Button, new() { Name = "Me connecter" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith("/structure/aujourdhui", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        // Their day: the session of this evening, recorded « Présent » in two taps.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aujourd'hui", Level = 1 })).ToBeVisibleAsync();
        var card = page.Locator($"#seance-{session}");
        await Assertions.Expect(card).ToContainTextAsync("19:30 – 21:00");
        await BrowserApp.Check(page, "tuteur-aujourdhui-375");
        await card.Locator("summary", new() { HasTextRegex = new("^Présent$") }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new("^Enregistrer « Présent »") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Présent enregistré");
        await Assertions.Expect(page.Locator($"#seance-{session}")).ToContainTextAsync("1 h 30 créditée");
        await BrowserApp.Check(page, "tuteur-aujourdhui-present-375");

        // Signed in: the tutor's calendar, from the menu.
        await page.GotoAsync("/structure/agenda");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon agenda", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'adresse de mon agenda" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Adresse de votre agenda")).ToHaveValueAsync(new Regex("/api/tutors/me/calendar\\.ics\\?token="));
        await BrowserApp.Check(page, "tuteur-agenda-375");
    }
}
