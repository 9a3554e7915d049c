using System.Net;

namespace Placement.Web.Tests;

/// <summary>
/// Every paged list, API and page, with the pages nobody means (0, −1, the largest integer) and a huge page size: the API
/// answers 400 naming <c>page</c> or <c>pageSize</c>, a page shows the list brought within bounds — never a 500.
/// </summary>
[Collection(ApiCollection.Name)]
public class PagingBoundsTests(PlacementApp app)
{
    public static TheoryData<string, string> ApiLists => new()
    {
        { PlacementApp.Coordinator, "/api/persons" },
        { PlacementApp.Coordinator, "/api/persons/caseload" },
        { PlacementApp.Officer69, "/api/persons/caseload" },
        { PlacementApp.Coordinator, "/api/posts" },
        { PlacementApp.Coordinator, "/api/host-bodies" },
        { PlacementApp.Coordinator, "/api/posts/search" },
        { PlacementApp.Coordinator, "/api/validation-queue" },
        { PlacementApp.Coordinator, "/api/notifications" },
        { PlacementApp.Admin, "/api/imports" },
        { PlacementApp.Admin, "/api/audit" },
        { PlacementApp.Admin, "/api/deliveries" },
    };

    public static TheoryData<string, string> PageLists => new()
    {
        { PlacementApp.Officer69, "/personnes" },
        { PlacementApp.Coordinator, "/personnes" },
        { PlacementApp.Coordinator, "/validation" },
        { PlacementApp.Coordinator, "/catalogue" },
        { PlacementApp.Coordinator, "/notifications" },
        { PlacementApp.Admin, "/administration/journal" },
        { PlacementApp.Admin, "/administration/envois" },
        { PlacementApp.Admin, "/administration/structures" },
    };

    [Theory]
    [MemberData(nameof(ApiLists))]
    public async Task AnApiList_RefusesPagesOutOfBounds_NamingTheField(string email, string path)
    {
        var client = await app.ClientFor(email);
        foreach (var (query, field) in new[] { ("page=0", "page"), ("page=-1", "page"), ("page=2147483647", "page"), ("page=2147483647&pageSize=100", "page"),
                     ("pageSize=2147483647", "pageSize"), ("pageSize=0", "pageSize") })
        {
            var response = await client.GetAsync($"{path}?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}?{query}: {(int)response.StatusCode}");
            Assert.True((await response.Json()).GetProperty("errors").TryGetProperty(field, out _), $"{path}?{query} names {field}");
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{path}?page=1&pageSize=100")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(PageLists))]
    public async Task AListPage_ShowsTheListWithinBounds_WhateverPageIsAsked(string email, string path)
    {
        var client = await CookieClient(email);
        foreach (var page in new[] { "0", "-1", "2147483647", "-2147483648", "21474836" })
        {
            var response = await client.GetAsync($"{path}?page={page}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}?page={page}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Erreur", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task<HttpClient> CookieClient(string email)
    {
        var client = app.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = PlacementApp.Password })).EnsureSuccessStatusCode();
        return client;
    }
}
