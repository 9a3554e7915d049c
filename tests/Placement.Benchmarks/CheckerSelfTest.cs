using System.Globalization;
using System.Text.Json;

namespace Placement.Benchmarks;

/// <summary>
/// Hand-made instances whose answer is known, run before the <see cref="IndependentChecker"/> judges anything: it throws
/// when one is wrong. A person at (0, 0) travels 10 km; posts lie north of it on the meridian.
/// </summary>
internal static class CheckerSelfTest
{
    private const double DegreesPerKm = 180 / Math.PI / 6371.0088;

    public static void Run()
    {
        var two = Expect("two persons, one place", Instance([Person("a"), Person("b")], [Post("q", 0.01)]), maximum: 1, pairs: 2);
        using (var both = JsonDocument.Parse("""{"status":"OPTIMAL","assignments":[{"personId":"a","postId":"q"},{"personId":"b","postId":"q"}],"unassigned":[],"stats":{"placed":2}}"""))
            if (two.Validate(both.RootElement).Count == 0) throw new InvalidOperationException("Independent checker self-test: two persons on one place passed.");
        Expect("at maxTravelKm + 5e-7 km", Instance([Person("a")], [Post("q", (10 + 5e-7) * DegreesPerKm)]), maximum: 1, pairs: 1);
        Expect("at maxTravelKm + 2e-6 km", Instance([Person("a")], [Post("q", (10 + 2e-6) * DegreesPerKm)]), maximum: 0, pairs: 0);
        // A zone of ±0.05° with a hole of ±0.02°: in the hole is allowed, within 1e-7° of its ring is not, 2e-7° inside it is.
        const string zone = """{"type":"Polygon","coordinates":[[[-0.05,-0.05],[0.05,-0.05],[0.05,0.05],[-0.05,0.05],[-0.05,-0.05]],[[-0.02,-0.02],[0.02,-0.02],[0.02,0.02],[-0.02,0.02],[-0.02,-0.02]]]}""";
        Expect("zone with a hole", Instance([Person("a", zone: zone)], [Post("hole", 0.001), Post("ring", 0.02 - 5e-8), Post("near", 0.02 - 2e-7), Post("zone", 0.03)]), maximum: 1, pairs: 2);
        // Born on 29 February 2008: 18 on 1 March 2026, a minor the day before (the post does not accept minors).
        Expect("29 February, the day before", Instance([Person("a", birth: "2008-02-29")], [Post("q", 0.01, acceptsMinors: false)], "2026-02-28"), maximum: 0, pairs: 0);
        Expect("29 February, on 1 March", Instance([Person("a", birth: "2008-02-29")], [Post("q", 0.01, acceptsMinors: false)], "2026-03-01"), maximum: 1, pairs: 1);
    }

    private static IndependentChecker Expect(string name, string json, int maximum, long pairs)
    {
        var checker = IndependentChecker.Parse(json);
        if (checker.Maximum != maximum || checker.EligiblePairs != pairs)
            throw new InvalidOperationException($"Independent checker self-test « {name} »: maximum {checker.Maximum} (expected {maximum}), {checker.EligiblePairs} eligible pairs (expected {pairs}).");
        return checker;
    }

    private static string Instance(string[] persons, string[] posts, string referenceDate = "2026-12-01") =>
        $$"""{"referenceDate":"{{referenceDate}}","persons":[{{string.Join(",", persons)}}],"posts":[{{string.Join(",", posts)}}]}""";

    private static string Person(string id, string birth = "1990-01-01", string zone = "") =>
        $$"""
        {"id":"{{id}}","birthDate":"{{birth}}","location":{"lat":0,"lon":0},"maxTravelKm":10,"hasDrivingLicence":false,"publicTransportOnly":false,
         "hoursRemaining":10,"deadline":"2027-06-01","availability":[{"day":"mon","start":"08:00","end":"13:00"}],"maxPhysicalDemand":"low",
         "needsWheelchairAccess":false,"restrictions":{"exclusionZones":[{{zone}}]} }
        """;

    private static string Post(string id, double lat, bool acceptsMinors = true) =>
        $$"""
        {"id":"{{id}}","partnerId":"org-{{id}}","activity":"a","location":{"lat":{{lat.ToString("R", CultureInfo.InvariantCulture)}},"lon":0},"capacity":1,
         "maxWeeklyHoursPerPerson":10,"schedule":[{"day":"mon","start":"09:00","end":"12:00"}],"openFrom":"2026-01-01","openUntil":"2027-12-31",
         "acceptsMinors":{{(acceptsMinors ? "true" : "false")}},"contactWithMinors":false,"vulnerablePublic":false,"requiresDrivingLicence":false,
         "physicalDemand":"low","nightWork":false,"wheelchairAccessible":true,"nearPublicTransport":true}
        """;
}
