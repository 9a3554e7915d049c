using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Placement.Web.Tests;

/// <summary>
/// The session cookie cannot be used by another site: every unsafe API endpoint (POST, PUT, PATCH, DELETE) reached with the
/// cookie from a page of another origin is refused with 403, whatever its body; from Placement's own pages, or with a bearer
/// token, it is not.
/// </summary>
public sealed class CrossSiteApiRequestTests(PlacementApp app) : IClassFixture<PlacementApp>
{
    private const string Evil = "https://evil.example";

    [SkippableFact]
    public async Task EveryUnsafeApiEndpoint_ReachedByCookieFromAnotherSite_IsRefused_With403()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE").Select(m => (Method: m, Path: Concrete(e.RoutePattern.RawText!))))
            .Distinct().ToList();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} unsafe API endpoints found");
        var cookies = await CookieClient(PlacementApp.Admin);
        foreach (var (method, path) in endpoints)
        {
            foreach (var (header, value) in new[] { ("Origin", Evil), ("Sec-Fetch-Site", "cross-site"), ("Referer", Evil + "/page") })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("a=1", Encoding.UTF8, "application/x-www-form-urlencoded") };
                request.Headers.TryAddWithoutValidation(header, value);
                var response = await cookies.SendAsync(request);
                // Refused: as a forgery, or already as a form where the endpoint reads JSON only (415, before anything is read).
                Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType
                    || (response.StatusCode == HttpStatusCode.Forbidden && (await response.Content.ReadAsStringAsync()).Contains("autre site", StringComparison.Ordinal)),
                    $"{method} {path} with {header}: {value} → {(int)response.StatusCode}");
            }
        }
        // The session still works: nothing above was done.
        Assert.Equal(HttpStatusCode.OK, (await cookies.GetAsync("/api/auth/me")).StatusCode);
    }

    [SkippableFact]
    public async Task TheSameRequest_FromPlacementsOwnPages_OrWithABearerToken_IsServed()
    {
        var cookies = await CookieClient(PlacementApp.Officer69);
        foreach (var (header, value) in new[] { ("Sec-Fetch-Site", "same-origin"), ("Origin", "http://localhost") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/read-all");
            request.Headers.TryAddWithoutValidation(header, value);
            var response = await cookies.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{header}: {value} → {(int)response.StatusCode}");
        }
        var bearer = await app.ClientFor(PlacementApp.Officer69);
        using var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/read-all");
        withToken.Headers.TryAddWithoutValidation("Origin", Evil);
        Assert.True((await bearer.SendAsync(withToken)).IsSuccessStatusCode);
    }

    private async Task<HttpClient> CookieClient(string email)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = PlacementApp.Password })).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>A route pattern with its parameters filled: <c>/api/persons/{id:guid}</c> → <c>/api/persons/0000…</c>.</summary>
    private static string Concrete(string pattern) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), "\\{[^}]*\\}", Guid.Empty.ToString());
}
