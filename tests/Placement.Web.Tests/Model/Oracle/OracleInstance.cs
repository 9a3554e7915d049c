using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Placement.Web.Tests.Model.Oracle;

/// <summary>Reads a v1 matching instance (JSON, optionally gzip) into oracle records, independently of the production reader.</summary>
public sealed record OracleInstance(DateOnly ReferenceDate, IReadOnlyList<OraclePost> Posts, IReadOnlyList<OraclePerson> Persons)
{
    public static OracleInstance Load(string path)
    {
        using var file = File.OpenRead(path);
        using Stream s = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var doc = JsonDocument.Parse(s);
        return Parse(doc.RootElement);
    }

    public static OracleInstance Parse(JsonElement root)
    {
        var reference = Date(root.GetProperty("referenceDate"));
        var posts = root.GetProperty("posts").EnumerateArray().Select(ParsePost).ToList();
        var persons = root.GetProperty("persons").EnumerateArray().Select(ParsePerson).ToList();
        return new OracleInstance(reference, posts, persons);
    }

    static DateOnly Date(JsonElement e) => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    static TimeOnly Time(JsonElement e)
    {
        var t = e.GetString()!;
        if (t == "24:00") return TimeOnly.MinValue; // the oracle reads an end of 00:00 as 24:00
        return TimeOnly.ParseExact(t, "HH:mm", CultureInfo.InvariantCulture);
    }

    static List<OracleSlot> Slots(JsonElement e) => e.EnumerateArray()
        .Select(x => new OracleSlot(x.GetProperty("day").GetString()!, Time(x.GetProperty("start")), Time(x.GetProperty("end"))))
        .ToList();

    static OraclePost ParsePost(JsonElement e)
    {
        var loc = e.GetProperty("location");
        return new OraclePost(e.GetProperty("id").GetString()!, e.GetProperty("partnerId").GetString()!,
            loc.GetProperty("lat").GetDouble(), loc.GetProperty("lon").GetDouble(), e.GetProperty("capacity").GetInt32(),
            e.GetProperty("maxWeeklyHoursPerPerson").GetDouble(), Slots(e.GetProperty("schedule")),
            Date(e.GetProperty("openFrom")), Date(e.GetProperty("openUntil")),
            e.GetProperty("acceptsMinors").GetBoolean(), e.GetProperty("contactWithMinors").GetBoolean(),
            e.GetProperty("vulnerablePublic").GetBoolean(), e.GetProperty("requiresDrivingLicence").GetBoolean(),
            e.GetProperty("physicalDemand").GetString()!, e.GetProperty("nightWork").GetBoolean(),
            e.GetProperty("wheelchairAccessible").GetBoolean(), e.GetProperty("nearPublicTransport").GetBoolean());
    }

    static OraclePerson ParsePerson(JsonElement e)
    {
        var loc = e.GetProperty("location");
        bool Flag(JsonElement r, string name) => r.ValueKind == JsonValueKind.Object && r.TryGetProperty(name, out var v) && v.GetBoolean();
        List<string> Ids(JsonElement r, string name) => r.ValueKind == JsonValueKind.Object && r.TryGetProperty(name, out var v)
            ? v.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var r = e.TryGetProperty("restrictions", out var rr) ? rr : default;
        var zones = new List<OraclePolygon>();
        if (r.ValueKind == JsonValueKind.Object && r.TryGetProperty("exclusionZones", out var zs))
            foreach (var z in zs.EnumerateArray())
            {
                var type = z.GetProperty("type").GetString();
                var coords = z.GetProperty("coordinates");
                if (type == "Polygon") zones.Add(Polygon(coords));
                else if (type == "MultiPolygon") zones.AddRange(coords.EnumerateArray().Select(Polygon));
                else throw new InvalidDataException($"unknown geometry {type}");
            }
        return new OraclePerson(e.GetProperty("id").GetString()!, Date(e.GetProperty("birthDate")),
            loc.GetProperty("lat").GetDouble(), loc.GetProperty("lon").GetDouble(), e.GetProperty("maxTravelKm").GetDouble(),
            e.GetProperty("hasDrivingLicence").GetBoolean(), e.GetProperty("publicTransportOnly").GetBoolean(),
            e.GetProperty("hoursRemaining").GetDouble(), Date(e.GetProperty("deadline")), Slots(e.GetProperty("availability")),
            e.GetProperty("maxPhysicalDemand").GetString()!, e.GetProperty("needsWheelchairAccess").GetBoolean(),
            Flag(r, "noContactWithMinors"), Flag(r, "noContactWithVulnerablePublic"), Ids(r, "excludedPartnerIds"),
            Ids(r, "noContactWithPersonIds"), zones);
    }

    static OraclePolygon Polygon(JsonElement rings) => new(rings.EnumerateArray()
        .Select(ring => (IReadOnlyList<(double Lon, double Lat)>)ring.EnumerateArray()
            .Select(pt => (pt[0].GetDouble(), pt[1].GetDouble())).ToList())
        .ToList());

    /// <summary>Number of (person, post) pairs passing rules 1–11 (no capacity, no co-defendant), pruned by a latitude band first.</summary>
    public long CountEligiblePairs()
    {
        var byLat = Posts.OrderBy(q => q.Lat).ToArray();
        var lats = byLat.Select(q => q.Lat).ToArray();
        long count = 0;
        var lockObj = new object();
        Parallel.ForEach(Persons, () => 0L, (p, _, local) =>
        {
            // A great-circle distance d implies |Δlat| ≤ d / R (radians): a safe bound, slightly widened.
            double band = (p.MaxTravelKm + SpecOracle.DistanceToleranceKm) / SpecOracle.EarthRadiusKm * 180 / Math.PI + 1e-6;
            int i = LowerBound(lats, p.Lat - band);
            for (; i < byLat.Length && byLat[i].Lat <= p.Lat + band; i++)
            {
                var q = byLat[i];
                if (SpecOracle.DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon) > p.MaxTravelKm + SpecOracle.DistanceToleranceKm) continue;
                if (SpecOracle.IsEligible(p, q, ReferenceDate)) local++;
            }
            return local;
        }, local => { lock (lockObj) count += local; });
        return count;
    }

    static int LowerBound(double[] xs, double v)
    {
        int lo = 0, hi = xs.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (xs[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
