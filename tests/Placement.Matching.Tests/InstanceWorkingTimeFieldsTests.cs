using System.Text.Json;
using System.Text.Json.Nodes;
using Placement.Catalogue.Contracts;
using Placement.Matching.Engine;
using Placement.Matching.Engine.Generation;

namespace Placement.Matching.Tests;

/// <summary>
/// The instance's optional fields of issue 29: a person's <c>weeklyWorkHours</c> (0–168, absent: no job; <c>null</c> is
/// malformed), <c>medicalExaminationRequired</c> and <c>medicallyFit</c>, a post's <c>particularRisks</c> and <c>careSetting</c>
/// (false by default; <c>null</c> or a wrong type is malformed, with the field's path). Without them an instance solves as before.
/// </summary>
public class InstanceWorkingTimeFieldsTests
{
    private const string Instance = """
        {
          "referenceDate": "2026-12-01",
          "posts": [{ "id": "post-1", "partnerId": "org-1", "activity": "espaces-verts", "location": { "lat": 45.764, "lon": 4.8357 },
            "capacity": 2, "maxWeeklyHoursPerPerson": 12, "schedule": [{ "day": "sat", "start": "09:00", "end": "12:00" }],
            "openFrom": "2026-01-01", "openUntil": "2027-12-31", "acceptsMinors": true, "contactWithMinors": false, "vulnerablePublic": false,
            "requiresDrivingLicence": false, "physicalDemand": "medium", "nightWork": false, "wheelchairAccessible": true, "nearPublicTransport": true }],
          "persons": [{ "id": "person-1", "birthDate": "2001-05-12", "location": { "lat": 45.75, "lon": 4.85 }, "maxTravelKm": 15,
            "hasDrivingLicence": false, "publicTransportOnly": true, "hoursRemaining": 30, "deadline": "2027-10-31",
            "availability": [{ "day": "sat", "start": "08:00", "end": "17:00" }], "maxPhysicalDemand": "medium", "needsWheelchairAccess": false },
            { "id": "person-2", "birthDate": "1990-01-01", "location": { "lat": 45.75, "lon": 4.85 }, "maxTravelKm": 15,
            "hasDrivingLicence": true, "publicTransportOnly": false, "hoursRemaining": 30, "deadline": "2027-10-31",
            "availability": [{ "day": "sat", "start": "08:00", "end": "17:00" }], "maxPhysicalDemand": "high", "needsWheelchairAccess": false }]
        }
        """;

    /// <summary>The instance with <paramref name="value"/> (JSON text) set as <paramref name="field"/> of <c>persons[person]</c> or <c>posts[0]</c>.</summary>
    private static string With(string list, int index, string field, string value)
    {
        var node = JsonNode.Parse(Instance)!;
        node[list]![index]![field] = JsonNode.Parse(value);
        if (value == "null") node[list]![index]!.AsObject()[field] = null;
        return node.ToJsonString();
    }

    private static InstanceDto Read(string json) => JsonSerializer.Deserialize<InstanceDto>(json, InstanceDto.Json)!;

    [Fact]
    public void ToInstance_LeavesNoJobAndNoExaminationFlag_WhenTheFieldsAreAbsent()
    {
        var instance = Read(Instance).ToInstance();

        Assert.All(instance.Persons, p => Assert.Equal((null, false, false), (p.WeeklyWorkHours, p.MedicalExaminationRequired, p.MedicallyFit)));
        Assert.Equal((false, false), (instance.Posts[0].ParticularRisks, instance.Posts[0].CareSetting));
    }

    [Fact]
    public void ToInstance_CarriesEveryNewField_WhenGiven()
    {
        var json = With("persons", 1, "weeklyWorkHours", "38.5");
        json = JsonNode.Parse(json)!.Let(n =>
        {
            n["persons"]![1]!["medicalExaminationRequired"] = true;
            n["persons"]![1]!["medicallyFit"] = true;
            n["posts"]![0]!["particularRisks"] = true;
            n["posts"]![0]!["careSetting"] = true;
        });
        var instance = Read(json).ToInstance();

        Assert.Null(instance.Persons[0].WeeklyWorkHours);
        Assert.Equal((38.5, true, true), (instance.Persons[1].WeeklyWorkHours, instance.Persons[1].MedicalExaminationRequired, instance.Persons[1].MedicallyFit));
        Assert.Equal((true, true), (instance.Posts[0].ParticularRisks, instance.Posts[0].CareSetting));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("168")]
    public void ToInstance_AcceptsWeeklyWorkHours_AtTheBoundsOfTheWeek(string hours)
    {
        Assert.Equal(double.Parse(hours, System.Globalization.CultureInfo.InvariantCulture),
            Read(With("persons", 0, "weeklyWorkHours", hours)).ToInstance().Persons[0].WeeklyWorkHours);
    }

    [Theory]
    [InlineData(0, "-1")]
    [InlineData(0, "-0.01")]
    [InlineData(1, "168.5")]
    [InlineData(1, "1e9")]
    [InlineData(0, "null")]
    [InlineData(1, "null")]
    public void ToInstance_IsMalformedAndNamesTheField_WhenWeeklyWorkHoursIsNegativeBeyond168OrNull(int person, string hours)
    {
        var error = Assert.Throws<ValidationFailedException>(() => Read(With("persons", person, "weeklyWorkHours", hours)).ToInstance());

        Assert.Equal([$"persons[{person}].weeklyWorkHours"], error.Errors.Keys);
    }

    [Theory]
    [InlineData("persons", 1, "weeklyWorkHours", "\"40\"")]
    [InlineData("persons", 0, "weeklyWorkHours", "true")]
    [InlineData("persons", 0, "weeklyWorkHours", "[40]")]
    [InlineData("persons", 1, "medicalExaminationRequired", "\"oui\"")]
    [InlineData("persons", 0, "medicalExaminationRequired", "null")]
    [InlineData("persons", 1, "medicallyFit", "1")]
    [InlineData("persons", 0, "medicallyFit", "null")]
    [InlineData("posts", 0, "particularRisks", "\"false\"")]
    [InlineData("posts", 0, "particularRisks", "null")]
    [InlineData("posts", 0, "careSetting", "[true]")]
    [InlineData("posts", 0, "careSetting", "null")]
    public void Reading_IsMalformedAtTheFieldsPath_WhenANewFieldHasTheWrongTypeOrIsNull(string list, int index, string field, string value)
    {
        var error = Assert.Throws<JsonException>(() => Read(With(list, index, field, value)));

        Assert.StartsWith($"$.{list}[{index}].{field}", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void ToInstance_NamesEveryBadWeeklyWorkHours_InsideThePersonsArray()
    {
        var json = JsonNode.Parse(Instance)!.Let(n =>
        {
            n["persons"]![0]!["weeklyWorkHours"] = -5;
            n["persons"]![1]!["weeklyWorkHours"] = 200;
        });
        var error = Assert.Throws<ValidationFailedException>(() => Read(json).ToInstance());

        Assert.Equal(["persons[0].weeklyWorkHours", "persons[1].weeklyWorkHours"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Serialize_WritesTheNewFieldsOnlyWhenSet_AndReadsThemBack()
    {
        var plain = Read(Instance);
        var written = InstanceGenerator.Serialize(plain);
        foreach (var field in new[] { "weeklyWorkHours", "medicalExaminationRequired", "medicallyFit", "particularRisks", "careSetting" })
            Assert.DoesNotContain(field, written, StringComparison.Ordinal);

        var set = plain with
        {
            Persons = [plain.Persons![0] with { WeeklyWorkHours = 20, MedicalExaminationRequired = true, MedicallyFit = true }, plain.Persons[1]],
            Posts = [plain.Posts![0] with { ParticularRisks = true, CareSetting = true }],
        };
        var back = Read(InstanceGenerator.Serialize(set)).ToInstance();
        Assert.Equal((20.0, true, true), (back.Persons[0].WeeklyWorkHours!.Value, back.Persons[0].MedicalExaminationRequired, back.Persons[0].MedicallyFit));
        Assert.Null(back.Persons[1].WeeklyWorkHours);
        Assert.Equal((true, true), (back.Posts[0].ParticularRisks, back.Posts[0].CareSetting));
    }

    [Fact]
    public void Solve_GivesTheSameResult_WhenTheNewFieldsAreAbsentOrAtTheirDefaults()
    {
        var explicitDefaults = JsonNode.Parse(Instance)!.Let(n =>
        {
            foreach (var person in n["persons"]!.AsArray())
            {
                person!["medicalExaminationRequired"] = false;
                person["medicallyFit"] = false;
            }
            n["posts"]![0]!["particularRisks"] = false;
            n["posts"]![0]!["careSetting"] = false;
        });
        var solver = new AssignmentSolver();
        var before = solver.Solve(Read(Instance).ToInstance());
        var after = solver.Solve(Read(explicitDefaults).ToInstance());

        Assert.Equal(2, before.Assignments.Count);
        Assert.Equal(before.Assignments.Select(a => (a.PersonId, a.PostId, a.Score, a.DistanceKm, a.WeeklyHours, string.Join("|", a.Explanation))),
            after.Assignments.Select(a => (a.PersonId, a.PostId, a.Score, a.DistanceKm, a.WeeklyHours, string.Join("|", a.Explanation))));
        Assert.All(before.Assignments, a => Assert.Equal(4, a.Explanation.Count));
    }

    [Fact]
    public void Solve_HonoursWeeklyWorkHoursFromTheInstance()
    {
        // person-2 works 46 h: 1 h a week over 47 weeks to the deadline (capped by the post's end, 2027-12-31) is 47 ≥ 30 — placed,
        // 1 h a week; with 47 h they have no hour left.
        var placed = new AssignmentSolver().Solve(Read(With("persons", 1, "weeklyWorkHours", "46")).ToInstance());
        Assert.Equal(1, placed.Assignments.Single(a => a.PersonId == "person-2").WeeklyHours, 9);

        var unplaced = new AssignmentSolver().Solve(Read(With("persons", 1, "weeklyWorkHours", "47")).ToInstance());
        Assert.Equal(new Dictionary<string, int> { ["workingTime"] = 1 }, unplaced.Unassigned.Single(u => u.PersonId == "person-2").BlockingRules);
    }
}

internal static class JsonNodeEdits
{
    /// <summary>The node's JSON text after <paramref name="edit"/>.</summary>
    public static string Let(this JsonNode node, Action<JsonNode> edit)
    {
        edit(node);
        return node.ToJsonString();
    }
}
