using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>Signing in and out in a real browser: the pages, the errors, the wait after repeated failures, the keyboard.</summary>
public sealed class SignInJourneys(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task AVisitor_SeesThePresentation_AndNoFigureAboutPersons()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.NewPage();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("travail d'intérêt général");
        Assert.DoesNotContain("Personnes suivies", await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserApp.Check(page, "accueil-visiteur");
    }

    [SkippableFact]
    public async Task AnOfficer_SignsIn_LandsOnThePageAsked_AndSignsOut()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.NewPage();
        await page.GotoAsync("/personnes");
        Assert.Contains("/connexion", page.Url, StringComparison.Ordinal);
        await BrowserApp.Check(page, "connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(PlacementApp.Officer69);
        await page.GetByLabel("Mot de passe").FillAsync(PlacementApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync("**/personnes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vous êtes déconnecté" })).ToBeVisibleAsync();
        await page.GotoAsync("/personnes");
        Assert.Contains("/connexion", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AWrongPassword_IsSaidInFrench_FiveMakeTheNextAttemptWait_AndTheRightPasswordPassesAfterTheWait()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.NewPage();
        await page.GotoAsync("/connexion");
        for (var i = 1; i <= 5; i++)
        {
            await page.GetByLabel("Adresse électronique").FillAsync(PlacementApp.Officer38);
            await page.GetByLabel("Mot de passe").FillAsync("pas-le-bon-mot-de-passe");
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Adresse électronique ou mot de passe incorrect");
            if (i == 1) await BrowserApp.Check(page, "connexion-erreur");
        }
        // Nothing locks: the next attempt, even with the right password, waits 30 seconds, and is told so.
        await page.GetByLabel("Adresse électronique").FillAsync(PlacementApp.Officer38);
        await page.GetByLabel("Mot de passe").FillAsync(PlacementApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("réessayez dans 30 secondes");
        Assert.DoesNotContain("verrouillé", await page.GetByRole(AriaRole.Alert).InnerTextAsync(), StringComparison.Ordinal);

        browser.App.Clock.Advance(TimeSpan.FromSeconds(30));
        await page.GetByLabel("Adresse électronique").FillAsync(PlacementApp.Officer38);
        await page.GetByLabel("Mot de passe").FillAsync(PlacementApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator("#utilisateur")).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task SigningIn_WorksWithTheKeyboardOnly()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        var page = await browser.NewPage();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FocusAsync();
        await page.Keyboard.TypeAsync(PlacementApp.Coordinator);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(PlacementApp.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator("#utilisateur")).ToBeVisibleAsync();
        await BrowserApp.Check(page, "accueil-coordinateur");
    }
}
