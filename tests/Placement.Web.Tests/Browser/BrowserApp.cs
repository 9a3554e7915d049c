using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Placement.Web.Tests.Browser;

/// <summary>
/// The real service on a loopback port (fresh database, demo data, fixed clock) and Debian's Chromium driven by
/// Playwright — one of each per test class. Where Chromium is absent the browser tests are skipped, with the reason.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public static bool Available => File.Exists(Chromium);

    public static string SkipReason => $"Chromium absent ({Chromium}) : apt-get install chromium (.ci/run l'installe).";

    private IPlaywright? _playwright;

    /// <summary>Script errors seen by each page: a page that logs one is not done.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> Errors = new();

    public PlacementApp App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!Available) return;
        App.UseKestrel(0);
        App.StartServer();
        await App.IndexFilled();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "localhost", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--lang=fr-FR"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
        await App.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies), French, on the service.</summary>
    public async Task<IPage> NewPage()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "fr-FR", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = Errors.GetOrCreateValue(page);
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.Contains("status of 40", StringComparison.Ordinal)) errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        return page;
    }

    /// <summary>Signs in through the sign-in page, as a user would (with the demo password unless told); the page answers either way.</summary>
    public async Task<IPage> SignedIn(string email, string? path = null, string password = PlacementApp.Password)
    {
        var page = await NewPage();
        await page.GotoAsync("/connexion" + (path is null ? "" : "?returnUrl=" + Uri.EscapeDataString(path)));
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    /// <summary>Saves a full-page screenshot under TestResults/screenshots/ and checks the page with axe: no serious or critical violation.</summary>
    public static async Task Check(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + "-ecran.png") });
        Assert.True(!Errors.TryGetValue(page, out var errors) || errors.Count == 0, $"{name}: script errors: " + string.Join(" | ", errors ?? []));
        var results = await page.RunAxe();
        var bad = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{name}: " + string.Join("; ", bad.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Placement.sln"))) dir = dir.Parent;
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
