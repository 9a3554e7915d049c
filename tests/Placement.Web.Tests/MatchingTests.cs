using System.Net;
using System.Text;
using System.Text.Json;

namespace Placement.Web.Tests;

/// <summary>The matching.md example instance, as a reusable JSON text.</summary>
internal static class Instances
{
    public const string Example = """
        {
          "referenceDate": "2026-12-01",
          "posts": [{
            "id": "post-1", "partnerId": "org-1", "activity": "espaces-verts", "skills": ["jardinage"],
            "location": { "lat": 45.764, "lon": 4.8357 }, "capacity": 2, "maxWeeklyHoursPerPerson": 12,
            "schedule": [{ "day": "sat", "start": "09:00", "end": "12:00" }],
            "openFrom": "2026-01-01", "openUntil": "2027-12-31",
            "acceptsMinors": false, "contactWithMinors": false, "vulnerablePublic": false,
            "requiresDrivingLicence": false, "physicalDemand": "medium", "nightWork": false,
            "wheelchairAccessible": true, "nearPublicTransport": true, "someFutureField": 1
          }],
          "persons": [{
            "id": "person-1", "birthDate": "2001-05-12", "location": { "lat": 45.75, "lon": 4.85 }, "maxTravelKm": 15,
            "hasDrivingLicence": false, "publicTransportOnly": true, "hoursRemaining": 120, "deadline": "2027-10-31",
            "availability": [{ "day": "sat", "start": "08:00", "end": "17:00" }],
            "skills": ["cuisine"], "maxPhysicalDemand": "medium", "needsWheelchairAccess": false,
            "restrictions": {
              "noContactWithMinors": true, "noContactWithVulnerablePublic": false,
              "excludedPartnerIds": ["org-17"], "noContactWithPersonIds": ["person-9"],
              "exclusionZones": [ { "type": "Polygon", "coordinates": [[[4.80,45.70],[4.90,45.70],[4.90,45.80],[4.80,45.70]]] } ]
            }
          }, {
            "id": "person-2", "birthDate": "1990-01-01", "location": { "lat": 48.85, "lon": 2.35 }, "maxTravelKm": 10,
            "hasDrivingLicence": true, "publicTransportOnly": false,
            "hoursRemaining": 50, "deadline": "2027-06-01", "availability": [{ "day": "sat", "start": "08:00", "end": "17:00" }],
            "maxPhysicalDemand": "high", "needsWheelchairAccess": false
          }],
          "pinned": [],
          "options": { "timeLimitSeconds": 10 }
        }
        """;

    public static string With(string find, string replace) => Example.Replace(find, replace, StringComparison.Ordinal);
}

[Collection(ApiCollection.Name)]
public class MatchingApiTests(PlacementApp app)
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Coordinator_SolvesAnInstance_AndGetsTheResultOfMatchingMd()
    {
        var response = await (await app.ClientFor(PlacementApp.Coordinator)).PostAsync("/api/matching/solve", Json(Instances.Example));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Json();
        Assert.Equal("OPTIMAL", result.GetProperty("status").GetString());
        var assignment = result.GetProperty("assignments")[0];
        Assert.Equal(("person-1", "post-1"), (assignment.GetProperty("personId").GetString(), assignment.GetProperty("postId").GetString()));
        Assert.Contains("km (limite 15 km)", assignment.GetProperty("explanation")[0].GetString(), StringComparison.Ordinal);
        var unassigned = result.GetProperty("unassigned")[0];
        Assert.Equal("no-eligible-post", unassigned.GetProperty("reason").GetString());
        Assert.Equal(1, unassigned.GetProperty("blockingRules").GetProperty("distance").GetInt32());
        var stats = result.GetProperty("stats");
        Assert.Equal(2, stats.GetProperty("persons").GetInt32());
        Assert.Equal(1, stats.GetProperty("placed").GetInt32());
        Assert.Equal(stats.GetProperty("objective").GetInt64(), stats.GetProperty("bestBound").GetInt64());
    }

    [Theory]
    [InlineData("\"lat\": 45.75, \"lon\": 4.85", "\"lat\": 95.75, \"lon\": 4.85", "persons[0].location.lat")]
    [InlineData("\"capacity\": 2", "\"capacity\": -2", "posts[0].capacity")]
    [InlineData("\"start\": \"09:00\", \"end\": \"12:00\"", "\"start\": \"12:00\", \"end\": \"09:00\"", "posts[0].schedule[0].end")]
    [InlineData("\"type\": \"Polygon\"", "\"type\": \"Triangle\"", "persons[0].restrictions.exclusionZones[0]")]
    [InlineData("\"pinned\": []", "\"pinned\": [{ \"personId\": \"person-1\", \"postId\": \"post-404\" }]", "pinned[0].postId")]
    [InlineData("\"id\": \"person-2\"", "\"id\": \"person-1\"", "persons[1].id")]
    [InlineData("\"maxPhysicalDemand\": \"high\"", "\"maxPhysicalDemand\": \"huge\"", "persons[1].maxPhysicalDemand")]
    [InlineData("\"timeLimitSeconds\": 10", "\"timeLimitSeconds\": 0", "options.timeLimitSeconds")]
    [InlineData("\"hoursRemaining\": 50", "\"hoursRemaining\": \"fifty\"", "persons[1].hoursRemaining")]
    [InlineData("\"hoursRemaining\": 50, ", "", "persons[1].hoursRemaining")]
    [InlineData("\"capacity\": 2, ", "", "posts[0].capacity")]
    [InlineData("\"maxTravelKm\": 10,", "", "persons[1].maxTravelKm")]
    [InlineData("\"lat\": 48.85, ", "", "persons[1].location.lat")]
    [InlineData("\"nightWork\": false,", "", "posts[0].nightWork")]
    [InlineData("\"maxPhysicalDemand\": \"high\", \"needsWheelchairAccess\": false", "\"maxPhysicalDemand\": \"high\", \"needsWheelchairAccess\": null", "persons[1].needsWheelchairAccess")]
    [InlineData("\"pinned\": []", "\"pinned\": [null]", "pinned[0]")]
    [InlineData("\"skills\": [\"cuisine\"]", "\"skills\": [null]", "persons[0].skills[0]")]
    [InlineData("\"schedule\": [{ \"day\": \"sat\", \"start\": \"09:00\", \"end\": \"12:00\" }]", "\"schedule\": [null]", "posts[0].schedule[0]")]
    [InlineData("\"excludedPartnerIds\": [\"org-17\"]", "\"excludedPartnerIds\": [null]", "persons[0].restrictions.excludedPartnerIds[0]")]
    [InlineData("\"exclusionZones\": [ {", "\"exclusionZones\": [ null, {", "persons[0].restrictions.exclusionZones[0]")]
    public async Task AnInvalidInstance_IsA400NamingTheField(string find, string replace, string field)
    {
        var response = await (await app.ClientFor(PlacementApp.Coordinator)).PostAsync("/api/matching/solve", Json(Instances.With(find, replace)));
        Assert.Equal([field], await response.ErrorFields());
    }

    [Theory]
    [InlineData(PlacementApp.Officer69, HttpStatusCode.Forbidden)]
    [InlineData(PlacementApp.Partner, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task OnlyCoordinators_Solve(string? email, HttpStatusCode expected)
    {
        var response = await (await app.ClientFor(email)).PostAsync("/api/matching/solve", Json(Instances.Example));
        Assert.Equal(expected, response.StatusCode);
    }
}

/// <summary><c>match</c> and <c>generate-instance</c> through the real executable.</summary>
public class MatchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("placement-match-").FullName;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Match_WritesTheResultToStdout()
    {
        var (code, output, err) = ExecutableTests.Run("match", "--input", Write("i.json", Instances.Example));
        Assert.True(code == 0, err);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal("OPTIMAL", result.GetProperty("status").GetString());
        Assert.Equal(2, result.GetProperty("assignments").GetArrayLength() + result.GetProperty("unassigned").GetArrayLength());
    }

    [Fact]
    public void Match_WritesTheResultToTheOutputFile()
    {
        var output = Path.Combine(_dir, "r.json");
        var (code, stdout, err) = ExecutableTests.Run("match", "--input", Write("i.json", Instances.Example), "--output", output);
        Assert.True(code == 0, err);
        Assert.Equal("", stdout.Trim());
        Assert.Equal("OPTIMAL", JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Match_OnAnInvalidInstance_NamesTheField_AndExitsWith2()
    {
        var (code, _, err) = ExecutableTests.Run("match", "--input", Write("bad.json", Instances.With("\"capacity\": 2", "\"capacity\": -2")));
        Assert.Equal(2, code);
        Assert.Contains("posts[0].capacity", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"persons\": [{", "\"persons\": [null, {", "persons[0]")]
    [InlineData("\"posts\": [{", "\"posts\": [null, {", "posts[0]")]
    [InlineData("\"hoursRemaining\": 50, ", "", "persons[1].hoursRemaining")]
    public void Match_OnNullsAndMissingNumbers_NamesThePath_AndExitsWith2_WithoutAStackTrace(string find, string replace, string field)
    {
        var (code, output, err) = ExecutableTests.Run("match", "--input", Write("bad.json", Instances.With(find, replace)));
        Assert.Equal(2, code);
        Assert.Contains(field + " : Ce champ est obligatoire.", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err + output, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_WithAnOutputThatCannotBeWritten_ExitsWith2_BeforeSolving()
    {
        var file = Write("not-a-folder", "x");
        var (code, _, err) = ExecutableTests.Run("match", "--input", Write("i.json", Instances.Example), "--output", Path.Combine(file, "result.json"));
        Assert.Equal(2, code);
        Assert.StartsWith($"Fichier de sortie impossible à écrire : {Path.Combine(file, "result.json")} (", err.Trim(), StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void Match_OnUnreadableJson_NamesThePlace_AndExitsWith2()
    {
        var (code, _, err) = ExecutableTests.Run("match", "--input", Write("bad.json", Instances.With("\"capacity\": 2", "\"capacity\": \"two\"")));
        Assert.Equal(2, code);
        Assert.Contains("posts[0].capacity", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_WithoutInput_ExitsWith2()
    {
        var (code, _, err) = ExecutableTests.Run("match");
        Assert.Equal(2, code);
        Assert.Contains("--input", err, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateInstance_IsDeterministic_AndSolvable()
    {
        var first = ExecutableTests.Run("generate-instance", "--persons", "60", "--posts", "200", "--seed", "7", "--conflicts");
        var second = ExecutableTests.Run("generate-instance", "--persons", "60", "--posts", "200", "--seed", "7", "--conflicts");
        Assert.True(first.ExitCode == 0, first.Err);
        Assert.Equal(first.Out, second.Out);
        var instance = JsonDocument.Parse(first.Out).RootElement;
        Assert.Equal(60, instance.GetProperty("persons").GetArrayLength());
        Assert.Equal(200, instance.GetProperty("posts").GetArrayLength());
        Assert.Contains(instance.GetProperty("persons").EnumerateArray(), p => p.GetProperty("restrictions").TryGetProperty("noContactWithPersonIds", out _));

        var (code, output, err) = ExecutableTests.Run("match", "--input", Write("g.json", first.Out));
        Assert.True(code == 0, err);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("stats").GetProperty("placed").GetInt32() > 30);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
