using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;

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

        await page.GotoAsync(link);
        await BrowserApp.Check(page, "tuteur-lien-375");
        await page.GetByRole(AriaRole.Button, new() { Name = "Me connecter" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith("/structure/aujourdhui", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

        // Signed in: the tutor's calendar, from the menu (« Aujourd'hui » is another page's, to come).
        await page.GotoAsync("/structure/agenda");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mon agenda", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer l'adresse de mon agenda" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Adresse de votre agenda")).ToHaveValueAsync(new Regex("/api/tutors/me/calendar\\.ics\\?token="));
        await BrowserApp.Check(page, "tuteur-agenda-375");
    }
}
