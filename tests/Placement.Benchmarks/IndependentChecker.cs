using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Placement.Benchmarks;

/// <summary>
/// A matching instance read and judged from the shared specification alone (<c>shared/spec/matching.md</c>, v1), never
/// from the engine's code, so as not to share its blind spots: its own JSON reading, its own rules 1–11, 13 against
/// placements outside the instance (<c>restrictions.coDefendantPartnerIds</c>) and 15, every person against every post
/// (a latitude band only skips posts out of reach), the maximum b-matching over the eligible pairs (pinned persons count
/// as placed, their posts keep only the places left), and a result's hard rules.
/// </summary>
public sealed class IndependentChecker
{
    private const double EarthRadiusKm = 6371.0088;
    private const double DistanceToleranceKm = 1e-6;
    private const double BoundaryToleranceDegrees = 1e-7;
    private static readonly GeometryFactory Geometry = new();
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly string[] Demands = ["low", "medium", "high"];

    private readonly Person[] persons;
    private readonly Post[] posts;
    private readonly Dictionary<string, int> personIndex, postIndex;
    private readonly Dictionary<int, int> pinned;
    private readonly int[][] eligible;
    private readonly int[] free;

    private IndependentChecker(JsonElement root)
    {
        var reference = Date(root, "referenceDate");
        posts = [.. Field(root, "posts").EnumerateArray().Select(ReadPost)];
        persons = [.. Field(root, "persons").EnumerateArray().Select(p => ReadPerson(p, reference))];
        personIndex = Index(persons.Select(p => p.Id));
        postIndex = Index(posts.Select(q => q.Id));
        pinned = root.TryGetProperty("pinned", out var pins)
            ? pins.EnumerateArray().ToDictionary(p => Lookup(personIndex, Text(p, "personId")), p => Lookup(postIndex, Text(p, "postId")))
            : [];
        TimeLimitSeconds = root.TryGetProperty("options", out var options) && options.TryGetProperty("timeLimitSeconds", out var limit) ? limit.GetDouble() : null;
        HasPersonLinks = persons.Any(p => p.NoContactWith.Any(personIndex.ContainsKey));

        var byLatitude = Enumerable.Range(0, posts.Length).OrderBy(q => posts[q].Lat).ToArray();
        var latitudes = byLatitude.Select(q => posts[q].Lat).ToArray();
        eligible = new int[persons.Length][];
        Parallel.For(0, persons.Length, p => eligible[p] = EligiblePosts(persons[p], pinned.ContainsKey(p), byLatitude, latitudes));
        EligiblePairs = eligible.Sum(e => (long)e.Length);
        free = [.. posts.Select(q => q.Capacity)];
        foreach (var q in pinned.Values) free[q]--;
        for (var q = 0; q < free.Length; q++) free[q] = Math.Max(0, free[q]);
        Maximum = pinned.Count + BMatching.Maximum(eligible, free);
    }

    /// <summary>Pairs passing rules 1–11, 13 (outside the instance) and 15, before capacity; pinned persons have none.</summary>
    public long EligiblePairs { get; }

    /// <summary>The most persons placed at once (rules 12 and 14 too; rule 13 inside the instance is not counted).</summary>
    public int Maximum { get; }

    /// <summary>Whether some <c>noContactWithPersonIds</c> names a person of the instance: then rule 13 binds and <see cref="Maximum"/> is only a bound.</summary>
    public bool HasPersonLinks { get; }

    public double? TimeLimitSeconds { get; }

    public static IndependentChecker Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        return new IndependentChecker(document.RootElement);
    }

    public static IndependentChecker Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new IndependentChecker(document.RootElement);
    }

    /// <summary>
    /// What is wrong with a result of this instance, empty when nothing is: every person exactly once, pinned persons on
    /// their post, no post beyond its free places, every other assignment eligible, no co-defendants (either direction)
    /// with the same partner unless both are pinned, <c>stats.placed</c> the number of assignments, and no OPTIMAL short
    /// of the maximum when rule 13 does not bind.
    /// </summary>
    public IReadOnlyList<string> Validate(JsonElement result)
    {
        var problems = new List<string>();
        var seen = new int[persons.Length];
        var placedOn = new Dictionary<int, int>();
        var newlyOn = new int[posts.Length];
        foreach (var a in Field(result, "assignments").EnumerateArray())
        {
            string personId = Text(a, "personId"), postId = Text(a, "postId");
            if (!personIndex.TryGetValue(personId, out var p) || !postIndex.TryGetValue(postId, out var q))
            {
                problems.Add($"unknown assignment {personId} → {postId}");
                continue;
            }
            seen[p]++;
            placedOn[p] = q;
            if (pinned.TryGetValue(p, out var pin))
            {
                if (pin != q) problems.Add($"{personId} is pinned on {posts[pin].Id}, assigned to {postId}");
                continue;
            }
            newlyOn[q]++;
            if (Array.BinarySearch(eligible[p], q) < 0) problems.Add($"{personId} → {postId} is not eligible (rule {BrokenRule(persons[p], posts[q])})");
        }
        foreach (var u in Field(result, "unassigned").EnumerateArray())
        {
            var personId = Text(u, "personId");
            if (!personIndex.TryGetValue(personId, out var p))
            {
                problems.Add($"unknown unassigned person {personId}");
                continue;
            }
            seen[p]++;
            if (pinned.ContainsKey(p)) problems.Add($"pinned {personId} is unassigned");
        }
        problems.AddRange(Enumerable.Range(0, persons.Length).Where(p => seen[p] != 1).Select(p => $"{persons[p].Id} appears {seen[p]} times"));
        problems.AddRange(Enumerable.Range(0, posts.Length).Where(q => newlyOn[q] > free[q]).Select(q => $"{posts[q].Id}: {newlyOn[q]} placed on {free[q]} free places"));
        foreach (var (p, q) in placedOn)
            foreach (var other in persons[p].NoContactWith)
                if (personIndex.TryGetValue(other, out var o) && placedOn.TryGetValue(o, out var r) && posts[q].Partner == posts[r].Partner
                    && !(pinned.ContainsKey(p) && pinned.ContainsKey(o)) && (p < o || !persons[o].NoContactWith.Contains(persons[p].Id)))
                    problems.Add($"co-defendants {persons[p].Id} and {other} both with {posts[q].Partner}");
        var stats = Field(result, "stats");
        if (Field(stats, "placed").GetInt32() != placedOn.Count) problems.Add($"stats.placed {stats.GetProperty("placed")} ≠ {placedOn.Count} assignments");
        if (!HasPersonLinks && Text(result, "status") == "OPTIMAL" && placedOn.Count != Maximum) problems.Add($"OPTIMAL with {placedOn.Count} placed, the maximum is {Maximum}");
        return problems;
    }

    private int[] EligiblePosts(Person p, bool isPinned, int[] byLatitude, double[] latitudes)
    {
        if (isPinned) return [];
        // A pair in reach has |Δlatitude| ≤ distance / R; the band is wider by a generous margin.
        var band = (p.MaxTravelKm + DistanceToleranceKm) / EarthRadiusKm * (180 / Math.PI) * 1.01 + 1e-6;
        var from = LowerBound(latitudes, p.Lat - band);
        var found = new List<int>();
        for (var i = from; i < latitudes.Length && latitudes[i] <= p.Lat + band; i++)
            if (BrokenRule(p, posts[byLatitude[i]]) == 0) found.Add(byLatitude[i]);
        found.Sort();
        return [.. found];
    }

    /// <summary>The first rule (by its number in the spec) that keeps <paramref name="p"/> off <paramref name="q"/>, 0 for none; the dearer rules last.</summary>
    private static int BrokenRule(Person p, Post q) =>
        p.Minor && (!q.AcceptsMinors || q.NightWork) ? 1
        : p.NoContactWithMinors && q.ContactWithMinors ? 2
        : p.NoContactWithVulnerablePublic && q.VulnerablePublic ? 3
        : q.RequiresDrivingLicence && !p.HasDrivingLicence ? 7
        : p.PublicTransportOnly && !q.NearPublicTransport ? 8
        : q.Demand > p.MaxDemand ? 9
        : p.NeedsWheelchairAccess && !q.WheelchairAccessible ? 10
        : p.HoursRemaining <= 0 ? 15
        : p.ExcludedPartners.Contains(q.Partner) ? 4
        : p.CoDefendantPartners.Contains(q.Partner) ? 13
        : DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon) > p.MaxTravelKm + DistanceToleranceKm ? 6
        : !CompletesInTime(p, q) ? 11
        : p.Zones.Any(z => Covers(z, q.Lon, q.Lat)) ? 5
        : 0;

    /// <summary>Rule 11 in minutes: W × N ≥ hours ⇔ W(min) × days ≥ 420 × hours, exact in decimal.</summary>
    private static bool CompletesInTime(Person p, Post q)
    {
        int overlap = 0, from = p.Minor ? 6 * 60 : 0, to = p.Minor ? 22 * 60 : 24 * 60;
        for (var d = 0; d < 7; d++)
        {
            var day = Overlap(p.Availability[d], q.Schedule[d], from, to);
            overlap += p.Minor ? Math.Min(day, 8 * 60) : day;
        }
        var weekly = Math.Min(overlap, q.MaxWeeklyHoursPerPerson * 60);
        if (p.Minor) weekly = Math.Min(weekly, 35 * 60);
        var days = Min(p.Deadline, q.OpenUntil).DayNumber - Max(p.ReferenceDate, q.OpenFrom).DayNumber;
        return weekly > 0 && weekly * days >= p.HoursRemaining * 420;
    }

    /// <summary>Minutes in both lists of disjoint sorted intervals and in [from, to).</summary>
    private static int Overlap((int Start, int End)[] a, (int Start, int End)[] b, int from, int to)
    {
        int total = 0, i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var length = Math.Min(Math.Min(a[i].End, b[j].End), to) - Math.Max(Math.Max(a[i].Start, b[j].Start), from);
            if (length > 0) total += length;
            if (a[i].End < b[j].End) i++;
            else j++;
        }
        return total;
    }

    /// <summary>Haversine; the sine of half the longitude difference makes ±180° wrap by itself.</summary>
    internal static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double radians = Math.PI / 180;
        double sinLat = Math.Sin((lat2 - lat1) * radians / 2), sinLon = Math.Sin((lon2 - lon1) * radians / 2);
        var a = sinLat * sinLat + Math.Cos(lat1 * radians) * Math.Cos(lat2 * radians) * sinLon * sinLon;
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Rule 5 for one part: inside, or within 1e-7° of a ring (a hole's too); the point's longitude taken by whole turns next to the part.</summary>
    private static bool Covers(Polygon part, double lon, double lat)
    {
        var centre = part.EnvelopeInternal.Centre.X;
        var point = Geometry.CreatePoint(new Coordinate(lon + 360 * Math.Round((centre - lon) / 360), lat));
        return part.IsWithinDistance(point, BoundaryToleranceDegrees);
    }

    private static Post ReadPost(JsonElement q) => new(
        Text(q, "id"), Text(q, "partnerId"), Field(Field(q, "location"), "lat").GetDouble(), Field(Field(q, "location"), "lon").GetDouble(),
        Field(q, "capacity").GetInt32(), Field(q, "maxWeeklyHoursPerPerson").GetDecimal(), Week(Field(q, "schedule")),
        Date(q, "openFrom"), Date(q, "openUntil"), Flag(q, "acceptsMinors"), Flag(q, "contactWithMinors"), Flag(q, "vulnerablePublic"),
        Flag(q, "requiresDrivingLicence"), Demand(q, "physicalDemand"), Flag(q, "nightWork"), Flag(q, "wheelchairAccessible"), Flag(q, "nearPublicTransport"));

    private static Person ReadPerson(JsonElement p, DateOnly reference)
    {
        var restrictions = p.TryGetProperty("restrictions", out var r) ? r : default;
        bool Restricted(string name) => restrictions.ValueKind == JsonValueKind.Object && restrictions.TryGetProperty(name, out var v) && v.GetBoolean();
        string[] Ids(string name) => restrictions.ValueKind == JsonValueKind.Object && restrictions.TryGetProperty(name, out var v) ? [.. v.EnumerateArray().Select(e => e.GetString()!)] : [];
        var zones = restrictions.ValueKind == JsonValueKind.Object && restrictions.TryGetProperty("exclusionZones", out var z) ? z.EnumerateArray().SelectMany(Parts).ToArray() : [];
        return new Person(
            Text(p, "id"), reference, IsMinor(Date(p, "birthDate"), reference), Field(Field(p, "location"), "lat").GetDouble(), Field(Field(p, "location"), "lon").GetDouble(),
            Field(p, "maxTravelKm").GetDouble(), Flag(p, "hasDrivingLicence"), Flag(p, "publicTransportOnly"), Field(p, "hoursRemaining").GetDecimal(),
            Date(p, "deadline"), Week(Field(p, "availability")), Demand(p, "maxPhysicalDemand"), Flag(p, "needsWheelchairAccess"),
            Restricted("noContactWithMinors"), Restricted("noContactWithVulnerablePublic"), [.. Ids("excludedPartnerIds")], [.. Ids("coDefendantPartnerIds")],
            Ids("noContactWithPersonIds"), zones);
    }

    /// <summary>Rule 1: younger than 18 on the reference date; born on 29 February, 18 on 1 March of a common year.</summary>
    private static bool IsMinor(DateOnly birth, DateOnly reference)
    {
        var year = birth.Year + 18;
        var adult = birth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? new DateOnly(year, 3, 1) : new DateOnly(year, birth.Month, birth.Day);
        return reference < adult;
    }

    /// <summary>A GeoJSON Polygon or MultiPolygon as its parts, each ring's longitudes unwrapped so that no edge jumps across ±180°.</summary>
    private static IEnumerable<Polygon> Parts(JsonElement zone) => Text(zone, "type") switch
    {
        "Polygon" => [Polygon(Field(zone, "coordinates"))],
        "MultiPolygon" => Field(zone, "coordinates").EnumerateArray().Select(Polygon),
        var type => throw new InvalidDataException($"exclusion zone of type {type}"),
    };

    private static Polygon Polygon(JsonElement rings)
    {
        var all = rings.EnumerateArray().Select(ring =>
        {
            var coordinates = ring.EnumerateArray().Select(c => new Coordinate(c[0].GetDouble(), c[1].GetDouble())).ToArray();
            for (var i = 1; i < coordinates.Length; i++)
                coordinates[i].X += 360 * Math.Round((coordinates[i - 1].X - coordinates[i].X) / 360);
            return Geometry.CreateLinearRing(coordinates);
        }).ToArray();
        return Geometry.CreatePolygon(all[0], all[1..]);
    }

    /// <summary>Per day (mon = 0), the intervals in minutes, sorted and merged: overlapping ones counted once.</summary>
    private static (int Start, int End)[][] Week(JsonElement intervals)
    {
        var week = Enumerable.Range(0, 7).Select(_ => new List<(int Start, int End)>()).ToArray();
        foreach (var i in intervals.EnumerateArray())
            week[Array.IndexOf(Days, Text(i, "day")) is var d and >= 0 ? d : throw new InvalidDataException($"day {i}")].Add((Minutes(i, "start"), Minutes(i, "end")));
        return [.. week.Select(day =>
        {
            var merged = new List<(int Start, int End)>();
            foreach (var (start, end) in day.OrderBy(x => x.Start))
                if (merged.Count > 0 && start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
                else merged.Add((start, end));
            return merged.ToArray();
        })];
    }

    private static int Minutes(JsonElement e, string name)
    {
        var parts = Text(e, name).Split(':');
        return int.Parse(parts[0], CultureInfo.InvariantCulture) * 60 + int.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static JsonElement Field(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : throw new InvalidDataException($"missing {name} in {Truncate(e)}");

    private static string Truncate(JsonElement e) => e.GetRawText() is var raw && raw.Length > 80 ? raw[..80] + "…" : raw;
    private static string Text(JsonElement e, string name) => Field(e, name).GetString()!;
    private static bool Flag(JsonElement e, string name) => Field(e, name).GetBoolean();
    private static DateOnly Date(JsonElement e, string name) => DateOnly.ParseExact(Text(e, name), "yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static int Demand(JsonElement e, string name) => Array.IndexOf(Demands, Text(e, name)) is var rank and >= 0 ? rank : throw new InvalidDataException($"{name} {Text(e, name)}");
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static int Lookup(Dictionary<string, int> index, string id) => index.TryGetValue(id, out var i) ? i : throw new InvalidDataException($"pinned unknown {id}");
    private static Dictionary<string, int> Index(IEnumerable<string> ids) => ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);

    private sealed record Post(
        string Id, string Partner, double Lat, double Lon, int Capacity, decimal MaxWeeklyHoursPerPerson, (int Start, int End)[][] Schedule,
        DateOnly OpenFrom, DateOnly OpenUntil, bool AcceptsMinors, bool ContactWithMinors, bool VulnerablePublic,
        bool RequiresDrivingLicence, int Demand, bool NightWork, bool WheelchairAccessible, bool NearPublicTransport);

    private sealed record Person(
        string Id, DateOnly ReferenceDate, bool Minor, double Lat, double Lon, double MaxTravelKm, bool HasDrivingLicence, bool PublicTransportOnly,
        decimal HoursRemaining, DateOnly Deadline, (int Start, int End)[][] Availability, int MaxDemand, bool NeedsWheelchairAccess,
        bool NoContactWithMinors, bool NoContactWithVulnerablePublic, HashSet<string> ExcludedPartners, HashSet<string> CoDefendantPartners,
        string[] NoContactWith, Polygon[] Zones);
}
