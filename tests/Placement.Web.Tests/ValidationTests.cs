using System.Net;
using System.Text;

namespace Placement.Web.Tests;

/// <summary>Every class of invalid input gets a 400 ProblemDetails naming the field, and nothing is written.</summary>
[Collection(ApiCollection.Name)]
public class ValidationTests(PlacementApp app)
{
    private async Task<(HttpClient Client, string HostBodyId)> Coordinator()
    {
        var client = await app.ClientFor(PlacementApp.Coordinator);
        return (client, await CatalogueApiTests.CreateHostBody(client, $"Association Validation {Guid.NewGuid():N}"));
    }

    private static async Task<int> PostCount(HttpClient client, string hostBodyId) =>
        (await (await client.GetAsync($"/api/posts?hostBodyId={hostBodyId}")).Json()).GetProperty("total").GetInt32();

    public static TheoryData<string, object?, string> BadPosts() => new()
    {
        { "address", new { communeInsee = "69123", location = new { lat = 95.0, lon = 4.8 } }, "address.location.lat" },
        { "address", new { communeInsee = "99999" }, "address.communeInsee" },
        { "schedule", new[] { new { day = "mon", start = "12:00", end = "09:00" } }, "schedule[0].end" },
        { "schedule", new[] { new { day = "lun", start = "09:00", end = "12:00" } }, "schedule[0].day" },
        { "capacity", -1, "capacity" },
        { "activity", "astrologie", "activity" },
        { "physicalDemand", "extreme", "physicalDemand" },
        { "openUntil", "2025-01-01", "openUntil" },
        { "capacity", "two", "capacity" },
        { "title", "", "title" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadPosts))]
    public async Task CreatePost_NamesTheBadField_AndWritesNothing(string property, object? value, string field)
    {
        var (client, hostBodyId) = await Coordinator();
        var post = CatalogueApiTests.Post(hostBodyId);
        post[property] = value;
        var response = await client.PostAsJsonAsync("/api/posts", post);
        Assert.Equal([field], await response.ErrorFields());
        Assert.Equal(0, await PostCount(client, hostBodyId));
    }

    [SkippableFact]
    public async Task CreatePost_NamesEveryBadFieldAtOnce()
    {
        var (client, hostBodyId) = await Coordinator();
        var post = CatalogueApiTests.Post(hostBodyId);
        post["capacity"] = -3;
        post["activity"] = "astrologie";
        post["schedule"] = new[] { new { day = "mon", start = "18:00", end = "08:00" } };
        var response = await client.PostAsJsonAsync("/api/posts", post);
        Assert.Equal(["activity", "capacity", "schedule[0].end"], await response.ErrorFields());
    }

    [SkippableFact]
    public async Task UpdatePost_LeavesThePostUnchanged_OnError()
    {
        var (client, hostBodyId) = await Coordinator();
        var created = await (await client.PostAsJsonAsync("/api/posts", CatalogueApiTests.Post(hostBodyId))).Json();
        var id = created.GetProperty("id").GetString();
        var post = CatalogueApiTests.Post(hostBodyId);
        post["title"] = "Nouveau titre";
        post["maxWeeklyHoursPerPerson"] = 0;
        Assert.Equal(["maxWeeklyHoursPerPerson"], await (await client.PutAsJsonAsync($"/api/posts/{id}", post)).ErrorFields());
        Assert.Equal("Aide jardinier", (await (await client.GetAsync($"/api/posts/{id}")).Json()).GetProperty("title").GetString());
    }

    [SkippableFact]
    public async Task CreatePost_ForAnUnknownHostBody_NamesHostBodyId()
    {
        var client = await app.ClientFor(PlacementApp.Coordinator);
        Assert.Equal(["hostBodyId"], await (await client.PostAsJsonAsync("/api/posts", CatalogueApiTests.Post(Guid.NewGuid().ToString()))).ErrorFields());
    }

    [SkippableFact]
    public async Task CreateHostBody_NamesEveryBadField()
    {
        var client = await app.ClientFor(PlacementApp.Coordinator);
        var response = await client.PostAsJsonAsync("/api/host-bodies", new
        {
            name = "",
            legalType = "club",
            siret = "123",
            habilitation = new { status = "habilitated", validFrom = "2026-01-01", validUntil = "2025-01-01" },
            address = new { communeInsee = "69123", location = new { lat = 45.7, lon = -190 } },
            contact = new { name = "X", email = "pas-un-courriel" },
        });
        Assert.Equal(["address.location.lon", "contact.email", "habilitation.validUntil", "legalType", "siret"], await response.ErrorFields());
    }

    [SkippableFact]
    public async Task UnreadableJson_IsA400NamingTheBody()
    {
        var client = await app.ClientFor(PlacementApp.Coordinator);
        var response = await client.PostAsync("/api/host-bodies", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string, object?, string> BadPersons() => new()
    {
        { "hoursOrdered", 19, "hoursOrdered" },
        { "hoursOrdered", 401, "hoursOrdered" },
        { "hoursDone", 500, "hoursDone" },
        { "restrictions", new { exclusionZones = new object[] { new { type = "Polygon", coordinates = "x" } } }, "restrictions.exclusionZones[0]" },
        { "restrictions", new { exclusionZones = new object[] { new { type = "Point", coordinates = new[] { 4.8, 45.7 } } } }, "restrictions.exclusionZones[0]" },
        { "restrictions", new { exclusionZones = new object[] { new { type = "Polygon", coordinates = new[] { new[] { new[] { 0.0, 0.0 }, new[] { 1.0, 1.0 }, new[] { 1.0, 0.0 }, new[] { 0.0, 1.0 }, new[] { 0.0, 0.0 } } } } } }, "restrictions.exclusionZones[0]" },
        { "deadline", "2030-01-01", "deadline" },
        { "availability", new[] { new { day = "sat", start = "17:00", end = "08:00" } }, "availability[0].end" },
        { "home", new { communeInsee = "69123", location = new { lat = -100, lon = 4.8 } }, "home.location.lat" },
        { "maxTravelKm", 0, "maxTravelKm" },
        { "departement", "99", "departement" },
    };

    [SkippableTheory]
    [MemberData(nameof(BadPersons))]
    public async Task CreatePerson_NamesTheBadField_AndWritesNothing(string property, object? value, string field)
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var before = (await (await officer.GetAsync("/api/persons")).Json()).GetProperty("total").GetInt32();
        var person = PersonsApiTests.Person();
        person[property] = value;
        Assert.Equal([field], await (await officer.PostAsJsonAsync("/api/persons", person)).ErrorFields());
        Assert.Equal(before, (await (await officer.GetAsync("/api/persons")).Json()).GetProperty("total").GetInt32());
    }
}
