using System.Text.Json;
using Placement.Catalogue.Contracts;
using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

/// <summary>Rule 13 against placements outside the instance: a per-pair rule, named <c>coDefendant</c>.</summary>
public class CoDefendantRuleTests
{
    [Fact]
    public void APostOfAPartnerWhereACoDefendantIsPlaced_BreaksCoDefendant()
    {
        var person = Make.Person(with: p => p with { CoDefendantPartnerIds = Make.Set("org-1") });
        Assert.Equal(Rule.CoDefendant, Make.Broken(person, Make.Post(partner: "org-1")));
        Assert.Equal(Rule.None, Make.Broken(person, Make.Post(partner: "org-2")));
        Assert.Equal("coDefendant", RuleNames.Name(Rule.CoDefendant));
    }

    [Fact]
    public void Solve_PlacesThePersonElsewhere_WhenAnotherPartnerHasRoom()
    {
        var person = Make.Person(with: p => p with { CoDefendantPartnerIds = Make.Set("org-1") });
        var result = new AssignmentSolver().Solve(Make.Instance([person], [Make.Post("q1", "org-1"), Make.Post("q2", "org-2")]));
        Assert.Equal("q2", Assert.Single(result.Assignments).PostId);
    }

    [Fact]
    public void Solve_ReportsCoDefendantInBlockingRules_WhenItIsWhatBlocks()
    {
        var person = Make.Person(with: p => p with { CoDefendantPartnerIds = Make.Set("org-1") });
        var result = new AssignmentSolver().Solve(Make.Instance([person], [Make.Post("q1", "org-1")]));
        var unassigned = Assert.Single(result.Unassigned);
        Assert.Equal(UnassignedReasons.NoEligiblePost, unassigned.Reason);
        Assert.Equal(new Dictionary<string, int> { ["coDefendant"] = 1 }, unassigned.BlockingRules);
    }

    private const string Instance = """
        {
          "referenceDate": "2026-12-01",
          "posts": [{ "id": "post-1", "partnerId": "org-1", "activity": "espaces-verts", "location": { "lat": 45.764, "lon": 4.8357 },
            "capacity": 2, "maxWeeklyHoursPerPerson": 12, "schedule": [{ "day": "sat", "start": "09:00", "end": "12:00" }],
            "openFrom": "2026-01-01", "openUntil": "2027-12-31", "acceptsMinors": false, "contactWithMinors": false, "vulnerablePublic": false,
            "requiresDrivingLicence": false, "physicalDemand": "medium", "nightWork": false, "wheelchairAccessible": true, "nearPublicTransport": true }],
          "persons": [{ "id": "person-1", "birthDate": "2001-05-12", "location": { "lat": 45.75, "lon": 4.85 }, "maxTravelKm": 15,
            "hasDrivingLicence": false, "publicTransportOnly": true, "hoursRemaining": 30, "deadline": "2027-10-31",
            "availability": [{ "day": "sat", "start": "08:00", "end": "17:00" }], "maxPhysicalDemand": "medium", "needsWheelchairAccess": false,
            "restrictions": { "coDefendantPartnerIds": CODEFENDANTS } }]
        }
        """;

    private static InstanceDto Read(string coDefendants) =>
        JsonSerializer.Deserialize<InstanceDto>(Instance.Replace("CODEFENDANTS", coDefendants, StringComparison.Ordinal), InstanceDto.Json)!;

    [Fact]
    public void TheInstanceFormat_CarriesCoDefendantPartnerIds_AndTheSolverHonoursThem()
    {
        var instance = Read("""["org-1"]""").ToInstance();
        Assert.Equal(Make.Set("org-1"), instance.Persons[0].CoDefendantPartnerIds);
        var result = new AssignmentSolver().Solve(instance);
        Assert.Equal(new Dictionary<string, int> { ["coDefendant"] = 1 }, Assert.Single(result.Unassigned).BlockingRules);
        Assert.Single(new AssignmentSolver().Solve(Read("[]").ToInstance()).Assignments);
    }

    [Fact]
    public void ANullInsideCoDefendantPartnerIds_IsMalformed_AndNamesTheField()
    {
        var error = Assert.Throws<ValidationFailedException>(() => Read("[null]").ToInstance());
        Assert.Equal(["persons[0].restrictions.coDefendantPartnerIds[0]"], error.Errors.Keys);
    }
}
