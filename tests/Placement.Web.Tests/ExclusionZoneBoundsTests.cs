using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Domain;
using Placement.Web.Data;

namespace Placement.Web.Tests;

/// <summary>Issue 25, item 1: exclusion zones are bounded when written (said on the field) and never checked again when read.</summary>
[Collection(ApiCollection.Name)]
public class ExclusionZoneBoundsTests(PlacementApp app)
{
    /// <summary>A star polygon of <paramref name="positions"/> positions (the closing one included), radii alternating 0.3° / 0.02°: valid, and the worst case of the topology check.</summary>
    internal static object Star(int positions, double lon = 4.85, double lat = 45.75)
    {
        var n = positions - 1;
        var ring = new List<double[]>();
        for (var i = 0; i < n; i++)
        {
            var r = i % 2 == 0 ? 0.3 : 0.02;
            var a = 2 * Math.PI * i / n;
            ring.Add([lon + r * Math.Cos(a), lat + r * Math.Sin(a)]);
        }
        ring.Add(ring[0]);
        return new { type = "Polygon", coordinates = new[] { ring.ToArray() } };
    }

    internal static Dictionary<string, object?> WithZones(params object[] zones)
    {
        var person = PersonsApiTests.Person();
        person["restrictions"] = new { exclusionZones = zones };
        return person;
    }

    internal static async Task<string> Errors(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return string.Join(" ", (await response.Json()).GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    [SkippableFact]
    public async Task Put_RefusesAZoneOverTheVertexBound_NamingTheZoneAndTheBound()
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var id = (await (await officer.PostAsJsonAsync("/api/persons", PersonsApiTests.Person())).Json()).GetProperty("id").GetString();
        var response = await officer.PutAsJsonAsync($"/api/persons/{id}", WithZones(Star(100), Star(8_000)));
        var message = await Errors(response, "restrictions.exclusionZones[1]");
        Assert.Contains("2000", message, StringComparison.Ordinal);
        Assert.Contains("8000", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_RefusesMoreZonesThanTheBound_AndMoreVerticesInAllThanTheBound()
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var many = await officer.PostAsJsonAsync("/api/persons", WithZones([.. Enumerable.Range(0, 11).Select(i => Star(10, 4.0 + i * 0.1))]));
        Assert.Contains("10 zones", await Errors(many, "restrictions.exclusionZones"), StringComparison.Ordinal);
        var heavy = await officer.PostAsJsonAsync("/api/persons", WithZones(Star(2_000), Star(2_000, 5.5), Star(2_000, 6.2)));
        Assert.Contains("5000", await Errors(heavy, "restrictions.exclusionZones"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AJsonImport_RefusesAZoneOverTheBound_OnItsLine()
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var person = WithZones(Star(3_000));
        person["caseNumber"] = "Z-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        using var content = new StringContent(JsonSerializer.Serialize(new[] { person }), System.Text.Encoding.UTF8, "application/json");
        var report = await (await officer.PostAsync("/api/imports/persons?dryRun=true&fileName=p.json", content)).Json();
        Assert.Contains("2000", report.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("exclusionZones[0]", report.GetRawText(), StringComparison.Ordinal);
    }
}

/// <summary>
/// Issue 25, item 1: a stored exclusion zone is never validated again — not at a read, not at a test of a post against it,
/// not in a run. Alone (it counts the topology checks of the process, which a test beside it would add to).
/// </summary>
[Collection(Model.ModelCollection.Name)]
public sealed class StoredZoneReadsTests(PlacementApp app) : IClassFixture<PlacementApp>
{
    [SkippableFact]
    public async Task Reads_OfAPersonWithTheLargestAllowedZone_NeverCheckItsTopology()
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var created = await officer.PostAsJsonAsync("/api/persons", ExclusionZoneBoundsTests.WithZones(ExclusionZoneBoundsTests.Star(2_000), ExclusionZoneBoundsTests.Star(2_000, 4.9, 45.7), ExclusionZoneBoundsTests.Star(1_000, 5.0, 45.8)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetString();

        var before = ExclusionZones.TopologyChecks;
        foreach (var url in new[] { "/api/persons/caseload", $"/api/persons/{id}", $"/api/persons/{id}/suitable-posts", "/personnes", $"/personnes/{id}", $"/personnes/{id}/postes" })
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/persons/caseload")).StatusCode);
        var run = await Runs.WaitFinished(coordinator, await Runs.Start(coordinator, new { personIds = new[] { id }, departements = new[] { "69" }, timeLimitSeconds = 20 }));
        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        Assert.Equal(before, ExclusionZones.TopologyChecks);
    }

    [SkippableFact]
    public async Task AStoredZoneTheValidatorWouldRefuse_StillReads_WithoutATopologyCheck()
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var id = (await (await officer.PostAsJsonAsync("/api/persons", ExclusionZoneBoundsTests.WithZones(ExclusionZoneBoundsTests.Star(10)))).Json()).GetProperty("id").GetString()!;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            var document = await db.Database.SqlQueryRaw<string>("SELECT \"Document\" AS \"Value\" FROM \"Persons\" WHERE \"Id\" = {0}", Guid.Parse(id)).SingleAsync();
            var node = JsonNode.Parse(document)!;
            // Over today's bound, and a ring that crosses itself (a bow tie): both refused when written.
            object bowTie = new { type = "Polygon", coordinates = new[] { new[] { new[] { 4.8, 45.7 }, new[] { 4.9, 45.8 }, new[] { 4.9, 45.7 }, new[] { 4.8, 45.8 }, new[] { 4.8, 45.7 } } } };
            node["restrictions"]!["exclusionZones"] = JsonSerializer.SerializeToNode(new[] { ExclusionZoneBoundsTests.Star(3_000), bowTie });
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("UPDATE \"Persons\" SET \"Document\" = {0} WHERE \"Id\" = {1}", node.ToJsonString(), Guid.Parse(id)));
        }
        var before = ExclusionZones.TopologyChecks;
        var read = await officer.GetAsync($"/api/persons/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(3_000, (await read.Json()).GetProperty("restrictions").GetProperty("exclusionZones")[0].GetProperty("coordinates")[0].GetArrayLength());
        foreach (var url in new[] { $"/api/persons/{id}/suitable-posts", "/api/persons/caseload", $"/personnes/{id}", $"/personnes/{id}/postes" })
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(url)).StatusCode);
        Assert.Equal(before, ExclusionZones.TopologyChecks);
    }
}
