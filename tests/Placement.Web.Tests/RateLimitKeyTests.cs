using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Placement.Web.Hosting;

namespace Placement.Web.Tests;

/// <summary>
/// The limits are keyed on the endpoint reached, not on the path's text: once a limit is used up, every spelling that
/// reaches the same endpoint (trailing slash, another case, the handler's name in another case, HEAD for GET) is refused.
/// </summary>
public sealed class RateLimitKeyTests : IDisposable
{
    private readonly PlacementApp _app = new();

    public RateLimitKeyTests()
    {
        _app.Settings["Placement:RateLimits:SignInPerMinute"] = "2";
        _app.Settings["Placement:RateLimits:SolvesPerMinute"] = "2";
        _app.Settings["Placement:RateLimits:ExportsPerMinute"] = "2";
        _app.Settings["Placement:RateLimits:ApplicationsPerMinute"] = "2";
    }

    [Fact]
    public async Task SignIn_OverTheLimit_IsRefused_HoweverThePathIsSpelt()
    {
        var client = _app.CreateClient();
        var wrong = new { email = PlacementApp.Officer69, password = "pas-le-bon-mot-de-passe" };
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", wrong)).StatusCode);
        foreach (var path in new[] { "/api/auth/login/", "/API/Auth/Login", "/api/auth/login?useCookies=true" })
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync(path, wrong)).StatusCode);
        foreach (var path in new[] { "/connexion", "/connexion/", "/CONNEXION", "/connexion?handler=inconnu" })
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = PlacementApp.Officer69, ["Input.Password"] = "x" });
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync(path, form)).StatusCode);
        }
    }

    [Fact]
    public async Task Solves_AndRuns_OverTheLimit_AreRefused_HoweverThePathIsSpelt()
    {
        var coordinator = await _app.ClientFor(PlacementApp.Coordinator);
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.PostAsJsonAsync("/api/matching/solve", new { })).StatusCode);
        foreach (var path in new[] { "/api/matching/solve/", "/API/MATCHING/SOLVE", "/api/assignment-runs", "/api/assignment-runs/", "/Api/Assignment-Runs" })
            Assert.Equal(HttpStatusCode.TooManyRequests, (await coordinator.PostAsJsonAsync(path, new { })).StatusCode);
    }

    [Fact]
    public async Task Exports_OverTheLimit_AreRefused_WhateverTheHandlerSpelling()
    {
        var cookies = _app.CreateClient();
        (await cookies.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = PlacementApp.Coordinator, password = PlacementApp.Password })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await cookies.GetAsync("/personnes/a-risque?handler=Csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookies.GetAsync("/personnes/a-risque?handler=csv")).StatusCode);
        foreach (var path in new[] { "/personnes/a-risque?handler=CSV", "/personnes/a-risque?handler=xlsx", "/personnes/a-risque/?handler=Csv",
                     "/PERSONNES/A-RISQUE?handler=Csv", "/personnes/a-risque?handler=Csv&handler=autre" })
            Assert.Equal(HttpStatusCode.TooManyRequests, (await cookies.GetAsync(path)).StatusCode);
        using var head = new HttpRequestMessage(HttpMethod.Head, "/personnes/a-risque?handler=Csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await cookies.SendAsync(head)).StatusCode);
        // The page itself is not an export.
        Assert.Equal(HttpStatusCode.OK, (await cookies.GetAsync("/personnes/a-risque")).StatusCode);
    }

    [Fact]
    public async Task Applications_OverTheLimit_AreRefused_HoweverThePathIsSpelt()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/host-body-applications", new { })).StatusCode);
        foreach (var path in new[] { "/api/host-body-applications/", "/API/Host-Body-Applications" })
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync(path, new { })).StatusCode);
        foreach (var path in new[] { "/devenir-structure-d-accueil", "/Devenir-Structure-D-Accueil/" })
            Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "x" }))).StatusCode);
    }

    [Fact]
    public async Task EverySignIn_Solve_Run_AndExportEndpoint_CarriesItsLimit()
    {
        _ = _app.CreateClient();
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        RateLimitKind? Api(string name) =>
            Assert.Single(endpoints, e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name).Metadata.GetMetadata<RateLimitedAttribute>()?.Kind;
        Assert.Equal(RateLimitKind.SignIn, Api("Login"));
        Assert.Equal(RateLimitKind.Solve, Api("SolveInstance"));
        Assert.Equal(RateLimitKind.Solve, Api("CreateRun"));
        Assert.Equal(RateLimitKind.Application, Api("ApplyAsHostBody"));

        var loader = _app.Services.GetRequiredService<PageLoader>();
        var handlers = new List<(string Page, HandlerMethodDescriptor Handler)>();
        foreach (var page in endpoints.Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()).OfType<PageActionDescriptor>().DistinctBy(p => p.ViewEnginePath))
            handlers.AddRange((await loader.LoadAsync(page, EndpointMetadataCollection.Empty)).HandlerMethods.Select(h => (page.ViewEnginePath, h)));
        RateLimitKind? Page(string page, string method, string? name) =>
            Assert.Single(handlers, h => h.Page == page && string.Equals(h.Handler.HttpMethod, method, StringComparison.OrdinalIgnoreCase) && h.Handler.Name == name).Handler.MethodInfo.GetCustomAttribute<RateLimitedAttribute>()?.Kind;
        Assert.Equal(RateLimitKind.SignIn, Page("/Account/SignIn", "POST", null));
        Assert.Equal(RateLimitKind.Application, Page("/Applications/Apply", "POST", null));
        Assert.Equal(RateLimitKind.Solve, Page("/AssignmentRuns/Index", "POST", null));
        var exports = handlers.Where(h => h.Handler.Name is "Xlsx" or "Csv").ToList();
        Assert.True(exports.Count >= 6, $"{exports.Count} export handlers found");
        Assert.All(exports, h => Assert.Equal(RateLimitKind.Export, h.Handler.MethodInfo.GetCustomAttribute<RateLimitedAttribute>()?.Kind));
    }

    public void Dispose() => _app.Dispose();
}
