using NetTopologySuite.Geometries;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;

namespace Placement.Matching.Tests;

/// <summary>Readable defaults for engine tests: an adult in Lyon and a post 2 km away that suit each other.</summary>
internal static class Make
{
    public static readonly DateOnly Today = new(2026, 12, 1);
    public static readonly GeoPoint Lyon = new(45.75, 4.85);

    public static MatchPerson Person(string id = "p1", Func<MatchPerson, MatchPerson>? with = null)
    {
        var person = new MatchPerson(id, new DateOnly(1995, 3, 1), Lyon, 15, HasDrivingLicence: true, PublicTransportOnly: false,
            HoursRemaining: 60, Deadline: Today.AddDays(52 * 7), WeeklySchedule.Parse("mon 08:00-18:00; tue 08:00-18:00; sat 08:00-12:00"),
            ["jardinage"], PhysicalDemand.High, NeedsWheelchairAccess: false, NoContactWithMinors: false, NoContactWithVulnerablePublic: false,
            new HashSet<string>(), new HashSet<string>(), ExclusionZones.None);
        return with is null ? person : with(person);
    }

    public static MatchPost Post(string id = "q1", string partner = "org-1", Func<MatchPost, MatchPost>? with = null)
    {
        var post = new MatchPost(id, partner, "espaces-verts", ["jardinage"], new GeoPoint(45.768, 4.85), Capacity: 1, MaxWeeklyHoursPerPerson: 12,
            WeeklySchedule.Parse("mon 09:00-12:00; tue 09:00-12:00"), new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31),
            AcceptsMinors: true, ContactWithMinors: false, VulnerablePublic: false, RequiresDrivingLicence: false, PhysicalDemand.Medium,
            NightWork: false, WheelchairAccessible: true, NearPublicTransport: true);
        return with is null ? post : with(post);
    }

    public static MatchingInstance Instance(IEnumerable<MatchPerson> persons, IEnumerable<MatchPost> posts, IEnumerable<PinnedPair>? pinned = null, double timeLimit = 10) =>
        new(Today, [.. posts], [.. persons], [.. pinned ?? []], new MatchingOptions(timeLimit));

    public static Rule Broken(MatchPerson person, MatchPost post) => EligibilityRules.Evaluate(person, post, Today).Broken;

    public static readonly GeometryFactory Geometry = new();

    public static Polygon Square(double lon0, double lat0, double lon1, double lat1, params LinearRing[] holes) =>
        Geometry.CreatePolygon(Ring(lon0, lat0, lon1, lat1), holes);

    public static LinearRing Ring(double lon0, double lat0, double lon1, double lat1) =>
        Geometry.CreateLinearRing([new(lon0, lat0), new(lon1, lat0), new(lon1, lat1), new(lon0, lat1), new(lon0, lat0)]);

    public static HashSet<string> Set(params string[] ids) => [.. ids];
}
