// Independent test oracle for the eligibility rules of docs/spec matching.md (v1), written from the
// specification alone: no production type or code is used or consulted.
namespace Placement.Web.Tests.Model.Oracle;

public sealed record OracleSlot(string Day, TimeOnly Start, TimeOnly End); // day: mon..sun

public sealed record OraclePolygon(IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Rings); // first ring outer, others holes; a MultiPolygon is several OraclePolygon

public sealed record OraclePost(string Id, string PartnerId, double Lat, double Lon, int Capacity,
    double MaxWeeklyHoursPerPerson, IReadOnlyList<OracleSlot> Schedule, DateOnly OpenFrom, DateOnly OpenUntil,
    bool AcceptsMinors, bool ContactWithMinors, bool VulnerablePublic, bool RequiresDrivingLicence,
    string PhysicalDemand, bool NightWork, bool WheelchairAccessible, bool NearPublicTransport)
{
    /// <summary>« Risques particuliers » and « établissement de soins » (issue 29, R.623-14): an examination before the work.</summary>
    public bool ParticularRisks { get; init; }
    public bool CareSetting { get; init; }
}

public sealed record OraclePerson(string Id, DateOnly BirthDate, double Lat, double Lon, double MaxTravelKm,
    bool HasDrivingLicence, bool PublicTransportOnly, double HoursRemaining, DateOnly Deadline,
    IReadOnlyList<OracleSlot> Availability, string MaxPhysicalDemand, bool NeedsWheelchairAccess,
    bool NoContactWithMinors, bool NoContactWithVulnerablePublic, IReadOnlyList<string> ExcludedPartnerIds,
    IReadOnlyList<string> NoContactWithPersonIds, IReadOnlyList<OraclePolygon> ExclusionZones)
{
    /// <summary>Hours a week of the person's job (docs/matching.md, rule 16); null: none.</summary>
    public double? WeeklyWorkHours { get; init; }

    /// <summary>The officer's marker (disability, pregnancy) or the director's requirement; and the fitness recorded.</summary>
    public bool MedicalExaminationRequired { get; init; }
    public bool MedicallyFit { get; init; }
}

public static class SpecOracle
{
    public const double EarthRadiusKm = 6371.0088;
    public const double ZoneBoundaryToleranceDeg = 1e-7;
    public const double DistanceToleranceKm = 1e-6;

    public static readonly IReadOnlyList<string> RuleNames =
    [
        "minors", "contactWithMinors", "vulnerablePublic", "excludedPartner", "exclusionZone", "distance",
        "drivingLicence", "publicTransport", "physicalDemand", "wheelchair", "schedule", "workingTime", "coDefendant",
    ];

    static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    // ---------------------------------------------------------------- rules 1–11 and coDefendant

    public static IReadOnlySet<string> BrokenRules(OraclePerson p, OraclePost q, DateOnly referenceDate,
        IReadOnlySet<string> coDefendantPartnerIds)
    {
        var broken = new HashSet<string>(StringComparer.Ordinal);
        bool minor = IsMinor(p.BirthDate, referenceDate);
        // 1. a minor needs a post open to minors and without night work.
        if (minor && (!q.AcceptsMinors || q.NightWork)) broken.Add("minors");
        // 2.
        if (p.NoContactWithMinors && q.ContactWithMinors) broken.Add("contactWithMinors");
        // 3.
        if (p.NoContactWithVulnerablePublic && q.VulnerablePublic) broken.Add("vulnerablePublic");
        // 4. ordinal (exact) comparison of ids.
        if (p.ExcludedPartnerIds.Contains(q.PartnerId, StringComparer.Ordinal)) broken.Add("excludedPartner");
        // 5. inside or on (within 1e-7°) the boundary of the union of the zones.
        if (InAnyZone(p.ExclusionZones, q.Lon, q.Lat)) broken.Add("exclusionZone");
        // 6.
        if (!(DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon) <= p.MaxTravelKm + DistanceToleranceKm)) broken.Add("distance");
        // 7.
        if (q.RequiresDrivingLicence && !p.HasDrivingLicence) broken.Add("drivingLicence");
        // 8.
        if (p.PublicTransportOnly && !q.NearPublicTransport) broken.Add("publicTransport");
        // 9. low < medium < high.
        if (DemandRank(q.PhysicalDemand) > DemandRank(p.MaxPhysicalDemand)) broken.Add("physicalDemand");
        // 10.
        if (p.NeedsWheelchairAccess && !q.WheelchairAccessible) broken.Add("wheelchair");
        // 11.
        if (!CompletesBeforeDeadline(p, q, referenceDate)) broken.Add("schedule");
        // 16 (docs/matching.md, R.623-16): job and TIG together within 35 + 12 h a week (a minor: 35 h).
        if (!WithinWorkingTime(p, q, referenceDate)) broken.Add("workingTime");
        // 13 (per pair, against placements outside the instance).
        if (coDefendantPartnerIds.Contains(q.PartnerId)) broken.Add("coDefendant");
        return broken;
    }

    /// <summary>Rules 1–11 only (no capacity, no co-defendant): the pair is a candidate.</summary>
    // The same predicates as BrokenRules, short-circuited, cheapest first (for counting large instances).
    public static bool IsEligible(OraclePerson p, OraclePost q, DateOnly referenceDate)
    {
        if (IsMinor(p.BirthDate, referenceDate) && (!q.AcceptsMinors || q.NightWork)) return false;
        if (p.NoContactWithMinors && q.ContactWithMinors) return false;
        if (p.NoContactWithVulnerablePublic && q.VulnerablePublic) return false;
        if (q.RequiresDrivingLicence && !p.HasDrivingLicence) return false;
        if (p.PublicTransportOnly && !q.NearPublicTransport) return false;
        if (DemandRank(q.PhysicalDemand) > DemandRank(p.MaxPhysicalDemand)) return false;
        if (p.NeedsWheelchairAccess && !q.WheelchairAccessible) return false;
        if (p.ExcludedPartnerIds.Contains(q.PartnerId, StringComparer.Ordinal)) return false;
        if (!(DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon) <= p.MaxTravelKm + DistanceToleranceKm)) return false;
        if (!CompletesBeforeDeadline(p, q, referenceDate)) return false;
        if (!WithinWorkingTime(p, q, referenceDate)) return false;
        return !InAnyZone(p.ExclusionZones, q.Lon, q.Lat);
    }

    public static int DemandRank(string demand) => demand switch
    {
        "low" => 0,
        "medium" => 1,
        "high" => 2,
        _ => throw new ArgumentException($"unknown physical demand '{demand}'", nameof(demand)),
    };

    // ---------------------------------------------------------------- rule 1

    public static DateOnly EighteenthBirthday(DateOnly birthDate)
    {
        int year = birthDate.Year + 18;
        // Spec: born on 29 February → 18th birthday is 1 March in a common year (protective reading);
        // DateOnly.AddYears would give 28 February, so handle it explicitly.
        if (birthDate.Month == 2 && birthDate.Day == 29 && !DateTime.IsLeapYear(year))
            return new DateOnly(year, 3, 1);
        return new DateOnly(year, birthDate.Month, birthDate.Day);
    }

    // "younger than 18 on referenceDate": the person who turns 18 exactly on referenceDate is an adult.
    public static bool IsMinor(DateOnly birthDate, DateOnly referenceDate) =>
        referenceDate < EighteenthBirthday(birthDate);

    // ---------------------------------------------------------------- rule 6

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double rad = Math.PI / 180.0;
        double dLat = (lat2 - lat1) * rad;
        // sin² is periodic with period π on the half-angle, so longitudes wrap at ±180° by themselves;
        // normalising Δlon into [-180, 180] first keeps the argument small (more precise).
        double dLonDeg = NormaliseLonDelta(lon2 - lon1);
        double dLon = dLonDeg * rad;
        double s1 = Math.Sin(dLat / 2), s2 = Math.Sin(dLon / 2);
        double a = s1 * s1 + Math.Cos(lat1 * rad) * Math.Cos(lat2 * rad) * s2 * s2;
        a = Math.Clamp(a, 0.0, 1.0);
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(a));
    }

    static double NormaliseLonDelta(double d)
    {
        d %= 360.0;
        if (d > 180.0) d -= 360.0;
        else if (d < -180.0) d += 360.0;
        return d;
    }

    // ---------------------------------------------------------------- rule 11

    /// <summary>Σ daily overlaps (minors: 22:00–06:00 removed and each day capped at 8 h), in minutes.</summary>
    public static decimal OverlapMinutes(OraclePerson p, OraclePost q, bool minor)
    {
        decimal total = 0;
        foreach (var day in Days)
        {
            // Overlap = length of (union of P's windows that day) ∩ (union of Q's windows that day),
            // so overlapping windows of one side are not counted twice.
            var a = Union(p.Availability, day);
            var b = Union(q.Schedule, day);
            if (minor)
            {
                a = Clip(a, 6 * 60, 22 * 60);
                b = Clip(b, 6 * 60, 22 * 60);
            }
            decimal dayMinutes = IntersectionLength(a, b);
            if (minor) dayMinutes = Math.Min(dayMinutes, 8 * 60);
            total += dayMinutes;
        }
        return total;
    }

    /// <summary>W of rule 11, in minutes (exact decimal arithmetic).</summary>
    static decimal WeeklyMinutes(OraclePerson p, OraclePost q, DateOnly referenceDate)
    {
        bool minor = IsMinor(p.BirthDate, referenceDate);
        decimal w = Math.Min(OverlapMinutes(p, q, minor), ToDecimal(q.MaxWeeklyHoursPerPerson) * 60);
        if (minor) w = Math.Min(w, 35 * 60);
        return w;
    }

    public static double WeeklyHours(OraclePerson p, OraclePost q, DateOnly referenceDate) =>
        (double)(WeeklyMinutes(p, q, referenceDate) / 60);

    /// <summary>Days of N's numerator: min(deadline, openUntil) − max(referenceDate, openFrom); may be negative.</summary>
    public static int WeeksDays(OraclePerson p, OraclePost q, DateOnly referenceDate)
    {
        var end = p.Deadline < q.OpenUntil ? p.Deadline : q.OpenUntil;
        var start = referenceDate > q.OpenFrom ? referenceDate : q.OpenFrom;
        // The spec's formula taken literally: the difference of the two dates (not +1 for an inclusive end).
        return end.DayNumber - start.DayNumber;
    }

    public static double Weeks(OraclePerson p, OraclePost q, DateOnly referenceDate) =>
        WeeksDays(p, q, referenceDate) / 7.0;

    /// <summary>Rule 11: W > 0 and W × N ≥ hoursRemaining, compared exactly (W in minutes, N in days).</summary>
    public static bool CompletesBeforeDeadline(OraclePerson p, OraclePost q, DateOnly referenceDate)
    {
        decimal wMinutes = WeeklyMinutes(p, q, referenceDate);
        if (wMinutes <= 0) return false;
        // W×N ≥ H  ⇔  (wMinutes/60)·(days/7) ≥ H  ⇔  wMinutes·days ≥ H·420, in decimal so that the
        // decimal inputs (e.g. 10.1 h) are compared as the real numbers they denote ("exactly equal" passes).
        decimal days = WeeksDays(p, q, referenceDate);
        return wMinutes * days >= ToDecimal(p.HoursRemaining) * 420;
    }

    /// <summary>
    /// R.623-14 (issue 29): a medical examination before the work when the person is a minor, disabled or pregnant (or the SPIP
    /// requires one), or the post involves night work, particular risks or a care setting — until the person is recorded fit.
    /// </summary>
    public static bool MedicalExaminationPending(OraclePerson p, OraclePost q, DateOnly today) =>
        !p.MedicallyFit && (IsMinor(p.BirthDate, today) || p.MedicalExaminationRequired || q.NightWork || q.ParticularRisks || q.CareSetting);

    /// <summary>Rule 16: with a job of J hours, C = (47, a minor 35) − J; eligible only if C &gt; 0 and C × N ≥ hours remaining.</summary>
    public static bool WithinWorkingTime(OraclePerson p, OraclePost q, DateOnly referenceDate)
    {
        if (p.WeeklyWorkHours is not { } job) return true;
        var left = (IsMinor(p.BirthDate, referenceDate) ? 35m : 47m) - ToDecimal(job);
        if (left <= 0) return false;
        // C×N ≥ H  ⇔  C·days ≥ 7·H, in decimal as rule 11.
        return left * WeeksDays(p, q, referenceDate) >= ToDecimal(p.HoursRemaining) * 7;
    }

    // Doubles parsed from decimal JSON text round-trip to their shortest decimal form ("R"), which is
    // the number the author wrote.
    static decimal ToDecimal(double v) =>
        decimal.Parse(v.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    static decimal Minutes(TimeOnly t) => (decimal)t.Ticks / TimeSpan.TicksPerMinute;

    static decimal EndMinutes(OracleSlot s)
    {
        // end > start and no interval crosses midnight, so an end of 00:00 can only mean 24:00.
        return s.End == TimeOnly.MinValue ? 24 * 60 : Minutes(s.End);
    }

    static List<(decimal S, decimal E)> Union(IReadOnlyList<OracleSlot> slots, string day)
    {
        var list = slots.Where(s => s.Day == day)
            .Select(s => (S: Minutes(s.Start), E: EndMinutes(s)))
            .Where(x => x.E > x.S)
            .OrderBy(x => x.S).ToList();
        var merged = new List<(decimal S, decimal E)>();
        foreach (var x in list)
        {
            if (merged.Count > 0 && x.S <= merged[^1].E)
                merged[^1] = (merged[^1].S, Math.Max(merged[^1].E, x.E));
            else merged.Add(x);
        }
        return merged;
    }

    static List<(decimal S, decimal E)> Clip(List<(decimal S, decimal E)> xs, decimal lo, decimal hi) =>
        xs.Select(x => (S: Math.Max(x.S, lo), E: Math.Min(x.E, hi))).Where(x => x.E > x.S).ToList();

    static decimal IntersectionLength(List<(decimal S, decimal E)> a, List<(decimal S, decimal E)> b)
    {
        decimal total = 0;
        foreach (var x in a)
            foreach (var y in b)
            {
                decimal s = Math.Max(x.S, y.S), e = Math.Min(x.E, y.E);
                if (e > s) total += e - s;
            }
        return total; // both sides are disjoint unions, so the pairwise sum is the exact length.
    }

    // ---------------------------------------------------------------- rule 5

    /// <summary>True when (lon, lat) is inside, or within 1e-7° of the boundary of, the union of the zones.</summary>
    // A point outside every polygon is at the same distance from the union's boundary as from the nearest
    // polygon, and a point inside any polygon is in the union, so testing each polygon (closed, with the
    // tolerance) is exactly the union test, overlapping or touching parts included.
    public static bool InAnyZone(IReadOnlyList<OraclePolygon> zones, double lon, double lat)
    {
        foreach (var z in zones)
            if (InPolygon(z, lon, lat)) return true;
        return false;
    }

    public static bool InPolygon(OraclePolygon polygon, double lon, double lat)
    {
        if (polygon.Rings.Count == 0) return false;
        var rings = polygon.Rings.Select(UnwrapRing).ToList();
        // Every hole lies in the outer ring, so a point farther than the tolerance from the outer ring's
        // bounding box (at every shift) is outside: a quick exit, not a different rule.
        double minX = rings[0].Min(v => v.X), maxX = rings[0].Max(v => v.X);
        double minY = rings[0].Min(v => v.Y), maxY = rings[0].Max(v => v.Y);
        const double t = ZoneBoundaryToleranceDeg * 2;
        if (lat < minY - t || lat > maxY + t) return false;
        if (!new[] { lon, lon + 360.0, lon - 360.0 }.Any(x => x >= minX - t && x <= maxX + t)) return false;
        // Longitudes wrap at ±180°: a ring is unwrapped to be continuous (it may then reach beyond ±180),
        // and the point is tried at lon, lon ± 360 (the same place on Earth).
        foreach (double x in new[] { lon, lon + 360.0, lon - 360.0 })
        {
            // On (within tolerance of) any ring's boundary, the outer one or a hole's: excluded.
            foreach (var r in rings)
                if (DistanceToRing(r, x, lat) <= ZoneBoundaryToleranceDeg) return true;
            if (!InsideRing(rings[0], x, lat)) continue;
            bool inHole = false;
            for (int i = 1; i < rings.Count; i++)
                if (InsideRing(rings[i], x, lat)) { inHole = true; break; }
            if (!inHole) return true;
        }
        return false;
    }

    static (double X, double Y)[] UnwrapRing(IReadOnlyList<(double Lon, double Lat)> ring)
    {
        var pts = new (double X, double Y)[ring.Count];
        double offset = 0;
        for (int i = 0; i < ring.Count; i++)
        {
            if (i > 0)
            {
                double prev = ring[i - 1].Lon, cur = ring[i].Lon;
                if (cur - prev > 180) offset -= 360;      // crossed the antimeridian westwards
                else if (cur - prev < -180) offset += 360; // crossed it eastwards
            }
            pts[i] = (ring[i].Lon + offset, ring[i].Lat);
        }
        return pts;
    }

    /// <summary>Even-odd ray casting; the ring may or may not repeat its first point at the end.</summary>
    static bool InsideRing((double X, double Y)[] r, double x, double y)
    {
        bool inside = false;
        int n = r.Length;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            var (xi, yi) = r[i];
            var (xj, yj) = r[j];
            if ((yi > y) != (yj > y))
            {
                double xCross = xj + (y - yj) * (xi - xj) / (yi - yj);
                if (x < xCross) inside = !inside;
            }
        }
        return inside;
    }

    static double DistanceToRing((double X, double Y)[] r, double x, double y)
    {
        double best = double.PositiveInfinity;
        int n = r.Length;
        for (int i = 0, j = n - 1; i < n; j = i++)
            best = Math.Min(best, DistanceToSegment(x, y, r[j].X, r[j].Y, r[i].X, r[i].Y));
        return best;
    }

    static double DistanceToSegment(double px, double py, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.Clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0, 1);
        double cx = ax + t * dx - px, cy = ay + t * dy - py;
        return Math.Sqrt(cx * cx + cy * cy);
    }

    // ---------------------------------------------------------------- rule 13

    static Dictionary<string, HashSet<string>> Links(IEnumerable<OraclePerson> persons)
    {
        var links = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string a, string b)
        {
            if (!links.TryGetValue(a, out var set)) links[a] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(b);
        }
        foreach (var p in persons)
            foreach (var other in p.NoContactWithPersonIds)
            {
                if (other == p.Id) continue; // a person listing themself is no pair
                Add(p.Id, other);
                Add(other, p.Id); // either direction
            }
        return links;
    }

    public static IReadOnlyList<(string PersonA, string PersonB, string PartnerId)> CoDefendantViolations(
        IEnumerable<(string PersonId, string PartnerId)> activePlacements, IEnumerable<OraclePerson> persons)
    {
        var links = Links(persons);
        var byPartner = activePlacements
            .GroupBy(x => x.PartnerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.PersonId).Distinct(StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);
        var result = new List<(string, string, string)>();
        foreach (var (partner, people) in byPartner.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var sorted = people.OrderBy(x => x, StringComparer.Ordinal).ToList();
            for (int i = 0; i < sorted.Count; i++)
                for (int j = i + 1; j < sorted.Count; j++)
                    if (links.TryGetValue(sorted[i], out var s) && s.Contains(sorted[j]))
                        result.Add((sorted[i], sorted[j], partner)); // each unordered pair once per partner, A < B (ordinal)
        }
        return result;
    }

    public static IReadOnlySet<string> CoDefendantPartnerIds(string personId,
        IEnumerable<(string PersonId, string PartnerId)> activePlacements, IEnumerable<OraclePerson> persons)
    {
        var links = Links(persons);
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (!links.TryGetValue(personId, out var mine)) return result;
        foreach (var (who, partner) in activePlacements)
            if (who != personId && mine.Contains(who)) result.Add(partner);
        return result;
    }
}
