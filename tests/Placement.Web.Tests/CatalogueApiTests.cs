using System.Net;
using System.Text.Json;

namespace Placement.Web.Tests;

[Collection(ApiCollection.Name)]
public class CatalogueApiTests(PlacementApp app)
{
    internal static object HostBody(string name = "Association Les Jardins de Vénissieux") => new
    {
        name,
        legalType = "association",
        siret = "73282932000074",
        habilitation = new { status = "habilitated", validFrom = "2026-01-01", validUntil = "2030-12-31" },
        address = new { street = "12 rue de la République", communeInsee = "69259" },
        contact = new { name = "Claire Martin", email = "claire.martin@jardins-venissieux.fr" },
    };

    internal static Dictionary<string, object?> Post(string hostBodyId) => new()
    {
        ["hostBodyId"] = hostBodyId,
        ["title"] = "Aide jardinier",
        ["description"] = "Entretien des jardins partagés : désherbage, arrosage, récolte.",
        ["activity"] = "espaces-verts",
        ["skills"] = new[] { "jardinage" },
        ["capacity"] = 2,
        ["maxWeeklyHoursPerPerson"] = 10,
        ["schedule"] = new[] { new { day = "mon", start = "09:00", end = "12:00" }, new { day = "thu", start = "14:00", end = "17:00" } },
        ["openFrom"] = "2026-01-01",
        ["openUntil"] = "2027-12-31",
        ["tutor"] = new { name = "Paul Girard", phone = "04 78 00 00 00" },
        ["physicalDemand"] = "medium",
        ["nearPublicTransport"] = true,
    };

    internal static async Task<string> CreateHostBody(HttpClient coordinator, string name)
    {
        var response = await coordinator.PostAsJsonAsync("/api/host-bodies", HostBody(name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetString()!;
    }

    [SkippableFact]
    public async Task Coordinator_RegistersAHostBody_CompletedFromItsCommune()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var response = await coordinator.PostAsJsonAsync("/api/host-bodies", HostBody("Association Test Création"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("69", body.GetProperty("departement").GetString());
        Assert.Equal("69", body.GetProperty("address").GetProperty("departement").GetString());
        Assert.True(body.GetProperty("address").GetProperty("location").GetProperty("lat").GetDouble() > 45);
        Assert.Equal(app.Clock.GetUtcNow(), body.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(response.Headers.Location!.ToString(), $"/api/host-bodies/{body.GetProperty("id").GetString()}");

        var again = await (await coordinator.GetAsync(response.Headers.Location)).Json();
        Assert.Equal("Association Test Création", again.GetProperty("name").GetString());
        Assert.Equal("habilitated", again.GetProperty("habilitation").GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task APost_GoesThroughItsLifecycle_AndIllegalMovesAre409()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var hostBodyId = await CreateHostBody(coordinator, "Association Cycle de vie");
        var created = await coordinator.PostAsJsonAsync("/api/posts", Post(hostBodyId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var post = await created.Json();
        var id = post.GetProperty("id").GetString();
        Assert.Equal("draft", post.GetProperty("status").GetString());

        var illegal = await coordinator.PostAsync($"/api/posts/{id}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, illegal.StatusCode);
        Assert.Equal("application/problem+json", illegal.Content.Headers.ContentType?.MediaType);

        foreach (var (action, status) in new[] { ("submit", "pending-validation"), ("publish", "published"), ("suspend", "suspended"), ("publish", "published"), ("close", "closed") })
        {
            var moved = await coordinator.PostAsync($"/api/posts/{id}/{action}", null);
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            Assert.Equal(status, (await moved.Json()).GetProperty("status").GetString());
        }
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsync($"/api/posts/{id}/suspend", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PutAsJsonAsync($"/api/posts/{id}", Post(hostBodyId))).StatusCode);
    }

    [SkippableFact]
    public async Task APartnersReference_NamesOnePostOfItsHostBody()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var hostBodyId = await CreateHostBody(coordinator, "Association Références");
        var first = Post(hostBodyId);
        first["reference"] = "  ESP-VERTS-01 ";
        var created = await coordinator.PostAsJsonAsync("/api/posts", first);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var post = await created.Json();
        Assert.Equal("ESP-VERTS-01", post.GetProperty("reference").GetString());

        var twin = await coordinator.PostAsJsonAsync("/api/posts", first);
        Assert.Equal(HttpStatusCode.BadRequest, twin.StatusCode);
        Assert.True((await twin.Json()).GetProperty("errors").TryGetProperty("reference", out _));

        var other = Post(hostBodyId);
        other["reference"] = "ESP-VERTS-02";
        var second = await (await coordinator.PostAsJsonAsync("/api/posts", other)).Json();
        var same = new Dictionary<string, object?>(first);
        same.Remove("hostBodyId");
        var renamed = await coordinator.PutAsJsonAsync($"/api/posts/{second.GetProperty("id").GetString()}", same);
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);

        var elsewhere = Post(await CreateHostBody(coordinator, "Association Références bis"));
        elsewhere["reference"] = "ESP-VERTS-01";
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync("/api/posts", elsewhere)).StatusCode);
        var tooLong = Post(hostBodyId);
        tooLong["reference"] = new string('R', 61);
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.PostAsJsonAsync("/api/posts", tooLong)).StatusCode);
    }

    [SkippableFact]
    public async Task Partner_WritesItsOwnPosts_ButOnlyTheSpipPublishes()
    {
        var partner = await app.ClientFor(PlacementApp.Partner);
        var own = (await (await partner.GetAsync("/api/auth/me")).Json()).GetProperty("hostBodyId").GetString()!;
        var created = await partner.PostAsJsonAsync("/api/posts", Post(own));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/posts/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync($"/api/posts/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(PlacementApp.Coordinator)).PostAsync($"/api/posts/{id}/publish", null)).StatusCode);
    }

    [SkippableFact]
    public async Task Partner_CannotChangeItsOwnHabilitation()
    {
        var partner = await app.ClientFor(PlacementApp.Partner);
        var own = (await (await partner.GetAsync("/api/auth/me")).Json()).GetProperty("hostBodyId").GetString()!;
        var current = await (await partner.GetAsync($"/api/host-bodies/{own}")).Json();
        var edited = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(current.GetRawText())!;
        edited["habilitation"] = JsonSerializer.SerializeToElement(new { status = "habilitated", validFrom = "2026-01-01", validUntil = "2040-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PutAsJsonAsync($"/api/host-bodies/{own}", edited)).StatusCode);

        edited["habilitation"] = current.GetProperty("habilitation");
        edited["contact"] = JsonSerializer.SerializeToElement(new { name = "Nouveau contact", email = "nouveau@exemple.fr" });
        var ok = await partner.PutAsJsonAsync($"/api/host-bodies/{own}", edited);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Nouveau contact", (await ok.Json()).GetProperty("contact").GetProperty("name").GetString());
    }

    [SkippableFact]
    public async Task Posts_AreFilteredByDepartementAndStatus_AndPaged()
    {
        var client = await app.ClientFor(PlacementApp.Officer38);
        var page = await (await client.GetAsync("/api/posts?departement=38&status=published&page=2&pageSize=25")).Json();
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(25, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() > 50);
        Assert.Equal(25, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), p =>
        {
            Assert.Equal("38", p.GetProperty("departement").GetString());
            Assert.Equal("published", p.GetProperty("status").GetString());
        });
    }

    [SkippableTheory]
    [InlineData("/api/posts?pageSize=0", "pageSize")]
    [InlineData("/api/posts?pageSize=101", "pageSize")]
    [InlineData("/api/posts?page=0", "page")]
    [InlineData("/api/posts?status=archived", "status")]
    [InlineData("/api/host-bodies?page=-1", "page")]
    [InlineData("/api/communes?q=", "q")]
    public async Task BadQueryParameters_AreNamed(string path, string field)
    {
        var response = await (await app.ClientFor(PlacementApp.Coordinator)).GetAsync(path);
        Assert.Equal([field], await response.ErrorFields());
    }

    [SkippableFact]
    public async Task Communes_AreFoundByNameOrPostalCode()
    {
        var client = await app.ClientFor(PlacementApp.Officer69);
        var byName = await (await client.GetAsync("/api/communes?q=villeurb")).Json();
        Assert.Equal("69266", byName[0].GetProperty("insee").GetString());
        Assert.Equal("commune", byName[0].GetProperty("precision").GetString());
        var byCode = await (await client.GetAsync("/api/communes?q=38000")).Json();
        Assert.Equal("Grenoble", byCode[0].GetProperty("name").GetString());
    }
}
