using System.Net;

namespace Placement.Web.Tests;

[Collection(ApiCollection.Name)]
public class HostTests(PlacementApp app)
{
    [SkippableTheory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_IsHealthy_Anonymously(string path)
    {
        await app.SearchReady();
        var client = await app.ClientFor(null);
        var response = await client.GetAsync(path);
        // The index's first filling ends just after its documents become countable.
        for (var i = 0; i < 50 && response.StatusCode != HttpStatusCode.OK; i++)
        {
            await Task.Delay(100);
            response = await client.GetAsync(path);
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task HomePage_IsInFrench_AndShowsAVisitorNoFigureAboutPersons()
    {
        var html = await (await app.ClientFor(null)).GetStringAsync("/");
        Assert.Contains("<html lang=\"fr\"", html);
        Assert.Contains("Se connecter", html);
        Assert.Contains("/lib/dsfr/dsfr.min.css", html);
        Assert.DoesNotContain("Personnes suivies", html);
        Assert.DoesNotMatch(@"\d+ personnes", html);
    }

    [SkippableFact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        var json = await (await app.ClientFor(null)).GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/auth/login", "/api/host-bodies", "/api/posts", "/api/posts/{id}/publish", "/api/persons", "/api/communes" })
            Assert.Contains($"\"{path}\"", json);
    }
}

[Collection(ApiCollection.Name)]
public class AuthTests(PlacementApp app)
{
    [SkippableFact]
    public async Task Login_GivesABearerToken_ThatCarriesRoleAndScope()
    {
        var client = await app.ClientFor(PlacementApp.Officer69);
        var me = await (await client.GetAsync("/api/auth/me")).Json();
        Assert.Equal("cpip69@demo.placement", me.GetProperty("email").GetString());
        Assert.Equal(["Officer"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["69"], me.GetProperty("departements").EnumerateArray().Select(r => r.GetString()));
    }

    [SkippableFact]
    public async Task Login_Refuses_AWrongPassword()
    {
        var response = await (await app.ClientFor(null)).PostAsJsonAsync("/api/auth/login", new { email = PlacementApp.Officer38, password = "wrong-password-123" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Login_NamesTheMissingFields()
    {
        var response = await (await app.ClientFor(null)).PostAsJsonAsync("/api/auth/login", new { email = "" });
        Assert.Equal(["email", "password"], await response.ErrorFields());
    }

    [SkippableTheory]
    [InlineData("/api/posts")]
    [InlineData("/api/host-bodies")]
    [InlineData("/api/persons")]
    [InlineData("/api/communes?q=lyon")]
    [InlineData("/api/auth/me")]
    public async Task Anonymous_Gets401(string path)
    {
        var response = await (await app.ClientFor(null)).GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

/// <summary>A fresh service is not « ready » until its search index has been filled from the database.</summary>
public sealed class ReadinessTests
{
    [SkippableFact]
    public async Task Ready_WaitsForTheFirstFillingOfTheIndex()
    {
        using var app = new PlacementApp();
        var client = await app.ClientFor(null);
        var first = await client.GetAsync("/health/ready");
        if (first.StatusCode == HttpStatusCode.ServiceUnavailable)
            Assert.Contains("Unhealthy", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.SearchReady();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage ready;
        do ready = await client.GetAsync("/health/ready");
        while (ready.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline && await Task.Delay(100).ContinueWith(_ => true));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var search = app.Services.GetService(typeof(Placement.Catalogue.Search.SearchIndexer)) as Placement.Catalogue.Search.SearchIndexer;
        Assert.True(search!.Filled);
    }
}
