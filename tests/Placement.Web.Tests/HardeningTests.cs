using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace Placement.Web.Tests;

/// <summary>Security headers, cookie flags, rate limits, and the demo password kept to development.</summary>
[Collection(ApiCollection.Name)]
public class SecurityHeadersTests(PlacementApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/connexion")]
    [InlineData("/api/communes?q=lyon")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders_AndACspWithoutInlineScript(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        var csp = string.Join("", response.Headers.GetValues("Content-Security-Policy"));
        // Scripts come from the service only: no inline script, no eval (inline styles are allowed for the DSFR's scripts).
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task TheSessionCookie_IsHttpOnly_AndSameSiteLax()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = PlacementApp.Officer69, password = PlacementApp.Password });
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("placement=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>A service with low limits: the requests over them get 429, in French, with Retry-After.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly PlacementApp _app = new();

    public RateLimitTests()
    {
        _app.Settings["Placement:RateLimits:SignInPerMinute"] = "3";
        _app.Settings["Placement:RateLimits:ExportsPerMinute"] = "2";
    }

    [Fact]
    public async Task SignInAttempts_OverTheLimit_Get429_WithAFrenchProblem()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = PlacementApp.Officer69, password = "pas-le-bon-mot-de-passe" })).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = PlacementApp.Officer69, password = PlacementApp.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal("Trop de demandes.", (await refused.Json()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Exports_OverTheLimit_GetTheFrenchErrorPage()
    {
        var officer = await _app.ClientFor(PlacementApp.Coordinator);
        var cookies = _app.CreateClient();
        (await cookies.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = PlacementApp.Coordinator, password = PlacementApp.Password })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await cookies.GetAsync("/personnes/a-risque?handler=Csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookies.GetAsync("/personnes/a-risque?handler=Xlsx")).StatusCode);
        var refused = await cookies.GetAsync("/personnes/a-risque?handler=Csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Trop de demandes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(officer);
    }

    public void Dispose() => _app.Dispose();
}

/// <summary>Outside development: HSTS, Secure cookies, and never the demo password.</summary>
public sealed class ProductionHardeningTests
{
    [Fact]
    public void DemoAccounts_OutsideDevelopment_StopTheStart_WithTheReason()
    {
        var dir = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, error) = ExecutableTests.Run("seed", "--Placement:DataDirectory", dir, "--Placement:Demo:Enabled", "true");
            Assert.Equal(2, code);
            Assert.Contains("Placement:Demo:Enabled", error + output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TheDemoPassword_IsNeverGivenToAnAccount_OutsideDevelopment()
    {
        var dir = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output, error) = ExecutableTests.Run("seed", "--Placement:DataDirectory", dir,
                "--Placement:Bootstrap:AdminEmail", "admin@spip.justice.fr", "--Placement:Bootstrap:AdminPassword", PlacementApp.Password);
            Assert.NotEqual(0, code);
            Assert.Contains("mot de passe de démonstration", error + output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task OverHttps_TheServiceSendsHsts_AndSecureCookies()
    {
        using var app = new PlacementApp { HostEnvironment = "Production" };
        app.Settings["Placement:Demo:Enabled"] = "false";
        app.Settings["Placement:Demo:SeedWhenEmpty"] = "false";
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://placement.example") });
        var page = await client.GetAsync("/connexion");
        Assert.Contains("max-age=", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Request bodies are bounded by the server itself (Kestrel): 2 MB, 64 MB for a solver instance; beyond, 413 in French.</summary>
public sealed class RequestSizeTests : IDisposable
{
    private readonly PlacementApp _app = new();

    [Fact]
    public async Task ABodyOverTheLimit_Is413InFrench_ExceptForASolverInstance()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var login = await (await http.PostAsJsonAsync("/api/auth/login", new { email = PlacementApp.Coordinator, password = PlacementApp.Password })).Json();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        var big = "{\"name\":\"" + new string('a', 3 * 1024 * 1024) + "\"}";

        var refused = await http.PostAsync("/api/host-bodies", new StringContent(big, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var problem = await refused.Json();
        Assert.True(problem.GetProperty("detail").GetString()!.Contains("2 Mo", StringComparison.Ordinal), problem.ToString());
        Assert.Equal("Requête trop volumineuse.", problem.GetProperty("title").GetString());
        Assert.Contains("2 Mo", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var instance = await http.PostAsync("/api/matching/solve", new StringContent(big, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, instance.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
