using System.Net;

namespace Placement.Web.Tests;

[Collection(ApiCollection.Name)]
public class PersonsApiTests(PlacementApp app)
{
    internal static Dictionary<string, object?> Person(string departement = "69", string commune = "69266") => new()
    {
        ["firstName"] = "Karim",
        ["lastName"] = "Benali",
        ["departement"] = departement,
        ["referentOfficer"] = new { name = "Agent CPIP du Rhône", email = "cpip69@demo.placement" },
        ["birthDate"] = "1999-04-02",
        ["home"] = new { communeInsee = commune },
        ["maxTravelKm"] = 15,
        ["publicTransportOnly"] = true,
        ["hoursOrdered"] = 105,
        ["hoursDone"] = 0,
        ["sentenceDate"] = "2026-09-15",
        ["deadline"] = "2028-03-15",
        ["suspensions"] = new[] { new { start = "2026-10-01", end = "2026-10-15" } },
        ["availability"] = new[] { new { day = "sat", start = "08:00", end = "17:00" } },
        ["skills"] = new[] { "cuisine", "Service" },
        ["maxPhysicalDemand"] = "medium",
        ["restrictions"] = new
        {
            noContactWithMinors = true,
            exclusionZones = new object[]
            {
                new { type = "Polygon", coordinates = new[] { new[] { new[] { 4.80, 45.70 }, new[] { 4.90, 45.70 }, new[] { 4.90, 45.80 }, new[] { 4.80, 45.70 } } } },
                new { type = "MultiPolygon", coordinates = new[] { new[] { new[] { new[] { 5.0, 45.0 }, new[] { 5.1, 45.0 }, new[] { 5.1, 45.1 }, new[] { 5.0, 45.0 } } } } },
            },
        },
    };

    [SkippableFact]
    public async Task Officer_RegistersAPersonOfTheirSpip_AndReadsItBack()
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var response = await officer.PostAsJsonAsync("/api/persons", Person());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var person = await (await officer.GetAsync(response.Headers.Location)).Json();
        Assert.Equal("Benali", person.GetProperty("lastName").GetString());
        Assert.Equal(105, person.GetProperty("hoursRemaining").GetDouble());
        Assert.Equal("2028-03-30", person.GetProperty("effectiveDeadline").GetString());
        Assert.Equal(15, person.GetProperty("maxTravelKm").GetDouble());
        Assert.Equal(["cuisine", "service"], person.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        var zones = person.GetProperty("restrictions").GetProperty("exclusionZones");
        Assert.Equal("Polygon", zones[0].GetProperty("type").GetString());
        Assert.Equal("MultiPolygon", zones[1].GetProperty("type").GetString());
        Assert.Equal(4.9, zones[0].GetProperty("coordinates")[0][1][0].GetDouble());
        Assert.Equal("69", person.GetProperty("home").GetProperty("departement").GetString());
    }

    [SkippableFact]
    public async Task Officer_CannotRegisterAPersonInAnotherSpip()
    {
        var response = await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync("/api/persons", Person("38", "38185"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableFact]
    public async Task Officer_UpdatesAPerson_ButCannotMoveItOutOfTheirScope()
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var id = (await (await officer.PostAsJsonAsync("/api/persons", Person())).Json()).GetProperty("id").GetString();

        var edited = Person();
        edited["hoursDone"] = 35;
        var updated = await officer.PutAsJsonAsync($"/api/persons/{id}", edited);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(70, (await updated.Json()).GetProperty("hoursRemaining").GetDouble());

        var moved = await officer.PutAsJsonAsync($"/api/persons/{id}", Person("38", "38185"));
        Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        Assert.Equal("69", (await (await officer.GetAsync($"/api/persons/{id}")).Json()).GetProperty("departement").GetString());
    }

    [SkippableFact]
    public async Task AnUnknownPerson_Is404()
    {
        var response = await (await app.ClientFor(PlacementApp.Officer69)).GetAsync($"/api/persons/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task TheResponse_RoundTripsAsAnUpdate()
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var page = await (await officer.GetAsync("/api/persons?pageSize=5")).Json();
        foreach (var person in page.GetProperty("items").EnumerateArray())
        {
            var response = await officer.PutAsJsonAsync($"/api/persons/{person.GetProperty("id").GetString()}", person);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var after = await response.Json();
            Assert.Equal(person.GetProperty("restrictions").GetRawText(), after.GetProperty("restrictions").GetRawText());
            Assert.Equal(person.GetProperty("availability").GetRawText(), after.GetProperty("availability").GetRawText());
        }
    }
}
