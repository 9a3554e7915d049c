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
        _app.Settings["Placement:RateLimits:CoDefendantLinksPerMinute"] = "2";
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
    public async Task EverySignIn_Solve_Run_Export_AndCoDefendantLinkEndpoint_CarriesItsLimit()
    {
        _ = _app.CreateClient();
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        RateLimitKind? Api(string name) =>
            Assert.Single(endpoints, e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name).Metadata.GetMetadata<RateLimitedAttribute>()?.Kind;
        Assert.Equal(RateLimitKind.SignIn, Api("Login"));
        Assert.Equal(RateLimitKind.Solve, Api("SolveInstance"));
        Assert.Equal(RateLimitKind.Solve, Api("CreateRun"));
        Assert.Equal(RateLimitKind.Application, Api("ApplyAsHostBody"));
        Assert.Equal(RateLimitKind.CoDefendantLink, Api("LinkCoDefendant"));

        var loader = _app.Services.GetRequiredService<PageLoader>();
        var handlers = new List<(string Page, HandlerMethodDescriptor Handler)>();
        foreach (var page in endpoints.Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()).OfType<PageActionDescriptor>().DistinctBy(p => p.ViewEnginePath))
            handlers.AddRange((await loader.LoadAsync(page, EndpointMetadataCollection.Empty)).HandlerMethods.Select(h => (page.ViewEnginePath, h)));
        RateLimitKind? Page(string page, string method, string? name) =>
            Assert.Single(handlers, h => h.Page == page && string.Equals(h.Handler.HttpMethod, method, StringComparison.OrdinalIgnoreCase) && h.Handler.Name == name).Handler.MethodInfo.GetCustomAttribute<RateLimitedAttribute>()?.Kind;
        Assert.Equal(RateLimitKind.SignIn, Page("/Account/SignIn", "POST", null));
        Assert.Equal(RateLimitKind.Application, Page("/Applications/Apply", "POST", null));
        Assert.Equal(RateLimitKind.Solve, Page("/AssignmentRuns/Index", "POST", null));
        Assert.Equal(RateLimitKind.CoDefendantLink, Page("/Persons/LinkCoDefendant", "POST", null));
        var exports = handlers.Where(h => h.Handler.Name is "Xlsx" or "Csv").ToList();
        Assert.True(exports.Count >= 6, $"{exports.Count} export handlers found");
        Assert.All(exports, h => Assert.Equal(RateLimitKind.Export, h.Handler.MethodInfo.GetCustomAttribute<RateLimitedAttribute>()?.Kind));
    }

    /// <summary>Issue 25, item 8: linking a co-defendant by case number and birth date is the one lookup that may reach another SPIP: trying birth dates is slow.</summary>
    [Fact]
    public async Task CoDefendantLinks_OverTheLimit_AreRefused_OnTheApiAndThePage()
    {
        var officer = await _app.ClientFor(PlacementApp.Officer69);
        var person = (await (await officer.GetAsync("/api/persons?pageSize=1")).Json()).GetProperty("items")[0].GetProperty("id").GetString();
        var miss = new { caseNumber = "PERSONNE-0000", birthDate = "1999-04-02" };
        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"/api/persons/{person}/co-defendants", miss)).StatusCode);
        foreach (var path in new[] { $"/api/persons/{person}/co-defendants", $"/API/Persons/{person}/Co-Defendants/" })
            Assert.Equal(HttpStatusCode.TooManyRequests, (await officer.PostAsJsonAsync(path, miss)).StatusCode);
        var cookies = _app.CreateClient();
        (await cookies.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = PlacementApp.Officer69, password = PlacementApp.Password })).EnsureSuccessStatusCode();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.CaseNumber"] = "PERSONNE-0000", ["Input.BirthDate"] = "1999-04-02" });
        Assert.Equal(HttpStatusCode.TooManyRequests, (await cookies.PostAsync($"/personnes/{person}/co-auteur", form)).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
