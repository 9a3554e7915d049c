using System.Net;
using System.Text.Json;

namespace Placement.Web.Tests;

/// <summary>Who sees what: the scope rules hold on every endpoint.</summary>
[Collection(ApiCollection.Name)]
public class ScopeTests(PlacementApp app)
{
    private async Task<string> APersonOf(string departement)
    {
        var officer = await app.ClientFor(departement == "69" ? PlacementApp.Officer69 : PlacementApp.Officer38);
        var page = await (await officer.GetAsync("/api/persons?pageSize=1")).Json();
        return page.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    [SkippableFact]
    public async Task Officer_ListsOnlyThePersonsOfTheirSpip()
    {
        var page = await (await (await app.ClientFor(PlacementApp.Officer69)).GetAsync("/api/persons?pageSize=100")).Json();
        Assert.True(page.GetProperty("total").GetInt32() > 50);
        Assert.All(page.GetProperty("items").EnumerateArray(), p => Assert.Equal("69", p.GetProperty("departement").GetString()));
    }

    [SkippableFact]
    public async Task OfficerOf38_CannotReadAPersonOf69_ItDoesNotExistForThem()
    {
        var id = await APersonOf("69");
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(PlacementApp.Officer69)).GetAsync($"/api/persons/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor(PlacementApp.Officer38)).GetAsync($"/api/persons/{id}")).StatusCode);
    }

    [SkippableFact]
    public async Task OfficerOf38_CannotEditAPersonOf69()
    {
        var id = await APersonOf("69");
        var person = await (await (await app.ClientFor(PlacementApp.Officer69)).GetAsync($"/api/persons/{id}")).Json();
        var response = await (await app.ClientFor(PlacementApp.Officer38)).PutAsJsonAsync($"/api/persons/{id}", person);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task Coordinator_ReadsPersonsOfTheRegion()
    {
        var client = await app.ClientFor(PlacementApp.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/persons/{await APersonOf("38")}")).StatusCode);
        Assert.True((await (await client.GetAsync("/api/persons")).Json()).GetProperty("total").GetInt32() >= 540, "all the demo persons of the region");
    }

    [SkippableTheory]
    [InlineData(PlacementApp.Partner)]
    [InlineData(PlacementApp.Admin)]
    public async Task PartnersAndAdministrators_NeverReadPersons(string email)
    {
        var client = await app.ClientFor(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/persons")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/persons/{await APersonOf("69")}")).StatusCode);
    }

    [SkippableFact]
    public async Task Partner_SeesOnlyItsOwnHostBodyAndPosts()
    {
        var partner = await app.ClientFor(PlacementApp.Partner);
        var me = await (await partner.GetAsync("/api/auth/me")).Json();
        var own = me.GetProperty("hostBodyId").GetString();

        var hostBodies = await (await partner.GetAsync("/api/host-bodies")).Json();
        Assert.Equal(1, hostBodies.GetProperty("total").GetInt32());
        Assert.Equal(own, hostBodies.GetProperty("items")[0].GetProperty("id").GetString());

        var posts = await (await partner.GetAsync("/api/posts?pageSize=100")).Json();
        Assert.True(posts.GetProperty("total").GetInt32() >= 1);
        Assert.All(posts.GetProperty("items").EnumerateArray(), p => Assert.Equal(own, p.GetProperty("hostBodyId").GetString()));
    }

    [SkippableFact]
    public async Task Partner_CannotReadAnotherHostBodyOrItsPosts()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var partner = await app.ClientFor(PlacementApp.Partner);
        var own = (await (await partner.GetAsync("/api/auth/me")).Json()).GetProperty("hostBodyId").GetString();
        var other = (await (await coordinator.GetAsync("/api/posts?departement=38&pageSize=1")).Json()).GetProperty("items")[0];
        Assert.NotEqual(own, other.GetProperty("hostBodyId").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/host-bodies/{other.GetProperty("hostBodyId").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/api/posts/{other.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync($"/api/posts/{other.GetProperty("id").GetString()}/suspend", null)).StatusCode);
    }

    [SkippableFact]
    public async Task Officers_ReadTheWholeCatalogue_ButDoNotWriteIt()
    {
        var officer = await app.ClientFor(PlacementApp.Officer38);
        Assert.True((await (await officer.GetAsync("/api/host-bodies")).Json()).GetProperty("total").GetInt32() >= 600, "every host body of the demo region");
        var response = await officer.PostAsJsonAsync("/api/host-bodies", JsonSerializer.SerializeToElement(new { name = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
