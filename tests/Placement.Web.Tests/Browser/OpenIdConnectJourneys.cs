using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>The service with its OpenID Connect sign-in switched on, against the in-process provider.</summary>
public sealed class OidcBrowserApp : IAsyncLifetime
{
    public TestOpenIdProvider Provider { get; private set; } = null!;

    public BrowserApp Browser { get; } = new();

    public async Task InitializeAsync()
    {
        if (!BrowserApp.Available) return;
        Provider = await TestOpenIdProvider.StartAsync();
        var settings = Browser.App.Settings;
        settings["Placement:Authentication:OpenIdConnect:Enabled"] = "true";
        settings["Placement:Authentication:OpenIdConnect:Authority"] = Provider.Authority;
        settings["Placement:Authentication:OpenIdConnect:ClientId"] = TestOpenIdProvider.ClientId;
        settings["Placement:Authentication:OpenIdConnect:ClientSecret"] = TestOpenIdProvider.ClientSecret;
        settings["Placement:Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false";
        settings["Placement:Authentication:OpenIdConnect:DisplayName"] = "ProConnect";
        // The browser keeps cookies by its own clock: the sign-in's short-lived cookies follow real time, not the fixed one.
        Browser.App.TestServices.Add(services => services.PostConfigure<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(
            Placement.Web.Identity.OpenIdConnectSignIn.Scheme, o => o.TimeProvider = TimeProvider.System));
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
    }
}

/// <summary>Signing in through an OpenID provider: the account with the same e-mail, its role and scope; nobody else.</summary>
public sealed class OpenIdConnectJourneys(OidcBrowserApp oidc) : IClassFixture<OidcBrowserApp>
{
    [SkippableFact]
    public async Task AnOfficerKnownByEmail_SignsInThroughTheProvider_WithTheirRoleAndScope()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        oidc.Provider.Email = PlacementApp.Officer38;
        var page = await oidc.Browser.NewPage();
        await page.GotoAsync("/connexion?returnUrl=%2Fpersonnes");
        await BrowserApp.Check(page, "connexion-proconnect");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec ProConnect" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith("/personnes", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#utilisateur")).ToBeVisibleAsync();
        var response = await page.GotoAsync("/api/persons/caseload?pageSize=5");
        var body = await response!.TextAsync();
        Assert.Contains("\"departement\":\"38\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"departement\":\"69\"", body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AnIdentityWithoutAnAccount_IsToldSo_AndStaysOut()
    {
        Skip.IfNot(BrowserApp.Available, BrowserApp.SkipReason);
        oidc.Provider.Email = "inconnu@exemple.gouv.fr";
        var page = await oidc.Browser.NewPage();
        await page.GotoAsync("/connexion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter avec ProConnect" }).ClickAsync();
        await page.WaitForURLAsync("**/connexion?erreur=inconnu");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("aucun compte Placement");
        var response = await page.GotoAsync("/personnes");
        Assert.Contains("/connexion", page.Url, StringComparison.Ordinal);
        Assert.NotNull(response);
    }
}
