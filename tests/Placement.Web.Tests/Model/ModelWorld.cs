using System.Globalization;
using Placement.Web.Tests.Model.Oracle;
using Placement.Matching.Domain;

namespace Placement.Web.Tests.Model;

public sealed record Slot(string Day, string Start, string End)
{
    public OracleSlot Oracle => new(Day, TimeOnly.ParseExact(Start, "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(End, "HH:mm", CultureInfo.InvariantCulture));
    public override string ToString() => $"{Day} {Start}-{End}";
}

/// <summary>An exclusion zone: a square of half-side <see cref="HalfKm"/> around a point; a hole around the point; or its west edge through the point.</summary>
public sealed record Zone(double Lat, double Lon, double HalfKm, string Shape)
{
    public const string Around = "around", Hole = "hole", Edge = "edge", Multi = "multi";

    public override string ToString() => $"{Shape} {HalfKm:0.##} km at ({Lat:0.#####}, {Lon:0.#####})";

    public object GeoJson()
    {
        var dLat = HalfKm / 111.2;
        var dLon = HalfKm / (111.2 * Math.Cos(Lat * Math.PI / 180));
        static double[][] Square(double west, double south, double east, double north) =>
            [[west, south], [east, south], [east, north], [west, north], [west, south]];
        return Shape switch
        {
            Hole => new { type = "Polygon", coordinates = new[] { Square(Lon - dLon, Lat - dLat, Lon + dLon, Lat + dLat), Square(Lon - dLon / 4, Lat - dLat / 4, Lon + dLon / 4, Lat + dLat / 4) } },
            Edge => new { type = "Polygon", coordinates = new[] { Square(Lon, Lat - dLat, Lon + 2 * dLon, Lat + dLat) } },
            Multi => (object)new
            {
                type = "MultiPolygon",
                coordinates = new[] { new[] { Square(Lon - dLon, Lat - dLat, Lon + dLon, Lat + dLat) }, new[] { Square(Lon + dLon, Lat - dLat, Lon + 3 * dLon, Lat + dLat) } },
            },
            _ => new { type = "Polygon", coordinates = new[] { Square(Lon - dLon, Lat - dLat, Lon + dLon, Lat + dLat) } },
        };
    }
}

public sealed record Commune(string Insee, string Departement, double Lat, double Lon);

/// <summary>A person as the generator chose it. Co-defendants and excluded host bodies are indices into the world.</summary>
public sealed record PersonSpec(string CaseNumber, string Departement, Commune Commune, DateOnly BirthDate, double Lat, double Lon, double MaxTravelKm,
    bool Licence, bool PublicTransportOnly, double HoursOrdered, double HoursDone, DateOnly SentenceDate, DateOnly Deadline, IReadOnlyList<Slot> Availability,
    string MaxPhysical, bool Wheelchair, bool NoMinors, bool NoVulnerable, IReadOnlyList<int> ExcludedHosts, IReadOnlyList<int> NoContact, IReadOnlyList<Zone> Zones)
{
    public override string ToString() =>
        $"{CaseNumber} ({Departement}) born {BirthDate:yyyy-MM-dd} at ({Lat:0.#####}, {Lon:0.#####}) ≤{MaxTravelKm:0.###} km{(Licence ? " licence" : "")}{(PublicTransportOnly ? " transport-only" : "")} " +
        $"{HoursOrdered - HoursDone} h by {Deadline:yyyy-MM-dd} [{string.Join(", ", Availability)}] ≤{MaxPhysical}{(Wheelchair ? " wheelchair" : "")}{(NoMinors ? " no-minors" : "")}{(NoVulnerable ? " no-vulnerable" : "")}" +
        (ExcludedHosts.Count > 0 ? $" excludes hosts {string.Join(",", ExcludedHosts)}" : "") + (NoContact.Count > 0 ? $" no contact with persons {string.Join(",", NoContact)}" : "") +
        (Zones.Count > 0 ? $" zones [{string.Join("; ", Zones)}]" : "");
}

public sealed record PostSpec(string Reference, int Host, Commune Commune, double Lat, double Lon, int Capacity, double MaxWeekly, IReadOnlyList<Slot> Schedule,
    DateOnly OpenFrom, DateOnly OpenUntil, bool AcceptsMinors, bool ContactWithMinors, bool Vulnerable, bool Licence, string Physical, bool Night,
    bool Wheelchair, bool NearTransport, string Status)
{
    public override string ToString() =>
        $"{Reference} host {Host} at ({Lat:0.#####}, {Lon:0.#####}) {Capacity} place(s) ≤{MaxWeekly} h/week [{string.Join(", ", Schedule)}] {OpenFrom:yyyy-MM-dd}..{OpenUntil:yyyy-MM-dd} {Physical}" +
        $"{(AcceptsMinors ? " minors" : "")}{(ContactWithMinors ? " contact-minors" : "")}{(Vulnerable ? " vulnerable" : "")}{(Licence ? " licence" : "")}{(Night ? " night" : "")}" +
        $"{(Wheelchair ? " wheelchair" : "")}{(NearTransport ? " transport" : "")} {Status}";

    public OraclePost Oracle(string id = "p", string partner = "h") => new(id, partner, Lat, Lon, Capacity, MaxWeekly, [.. Schedule.Select(s => s.Oracle)], OpenFrom, OpenUntil,
        AcceptsMinors, ContactWithMinors, Vulnerable, Licence, Physical, Night, Wheelchair, NearTransport);
}

/// <summary>A world's host bodies: communes by right, associations habilitated, one expired, one pending.</summary>
public sealed record HostSpec(int Index, string Name, string Siret, string LegalType, Commune Commune, double Lat, double Lon, string Habilitation, DateOnly? From, DateOnly? Until)
{
    public object Fields(string? habilitation = null)
    {
        var (status, from, until) = (habilitation ?? Habilitation) switch
        {
            "valid" => ("habilitated", (DateOnly?)new DateOnly(2026, 1, 1), (DateOnly?)new DateOnly(2027, 12, 31)),
            "expired" => ("habilitated", new DateOnly(2025, 1, 1), new DateOnly(2026, 11, 27)),
            "future" => ("habilitated", new DateOnly(2026, 11, 29), new DateOnly(2027, 12, 31)),
            "pending" => ("pending", null, null),
            "withdrawn" => ("withdrawn", null, null),
            _ => ("by-right", null, null),
        };
        return new
        {
            name = Name,
            legalType = LegalType,
            siret = Siret,
            habilitation = new { status, validFrom = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), validUntil = until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            address = new { communeInsee = Commune.Insee, location = new { lat = Lat, lon = Lon } },
            contact = new { name = "Service TIG", phone = "04 74 00 00 00" },
        };
    }
}

/// <summary>
/// The small world a sequence runs on, drawn from its seed: about 30 persons of the Rhône and the Isère around Vienne and Givors
/// (co-defendants listed in one direction or both, excluded host bodies, exclusion zones around posts), 40 posts of the 10 host
/// bodies, capacities 1–2. Values are drawn where the rules bind: travel limits a few metres either side of a post, minors a day
/// either side of their 18th birthday, deadlines a few days either side of what a post's schedule allows, zones whose edge
/// passes through a post or with a hole around it.
/// </summary>
public sealed class ModelWorld
{
    public const int Persons = 30, Posts = 40, HostCount = 10;
    public static readonly DateOnly Today = new(2026, 11, 28);

    public static readonly Commune[] Communes =
    [
        new("69091", "69", 45.59063, 4.76878), new("69118", "69", 45.55, 4.8), new("69007", "69", 45.48925, 4.81001), new("69064", "69", 45.463, 4.76765),
        new("69189", "69", 45.52531, 4.86664), new("69235", "69", 45.53255, 4.8619), new("69080", "69", 45.55203, 4.71544),
        new("38544", "38", 45.52569, 4.87484), new("38087", "38", 45.5785, 4.80985), new("38110", "38", 45.58481, 4.87703), new("38487", "38", 45.55826, 4.84313),
        new("38318", "38", 45.53217, 4.90922), new("38157", "38", 45.51546, 4.96173), new("38558", "38", 45.59049, 4.91528),
    ];

    public static IReadOnlyList<HostSpec> Hosts(string tag)
    {
        var list = new List<HostSpec>();
        for (var k = 0; k < HostCount; k++)
        {
            var commune = Communes[(k * 3) % Communes.Length];
            var association = k >= 6;
            list.Add(new HostSpec(k, $"Structure modèle {tag} {k}", Siret(tag, k), association ? "association" : "commune", commune,
                commune.Lat + 0.003 * k, commune.Lon - 0.002 * k, k switch { 6 or 7 => "valid", 8 => "expired", 9 => "pending", _ => "by-right" }, null, null));
        }
        return list;
    }

    /// <summary>A SIRET with a good Luhn key, unique to the tag and index.</summary>
    public static string Siret(string tag, int k)
    {
        var stem = (StableHash(tag) % 1_000_000_000L).ToString("000000000", CultureInfo.InvariantCulture) + k.ToString("0000", CultureInfo.InvariantCulture);
        for (var d = 0; d <= 9; d++)
        {
            var s = stem + d;
            var sum = 0;
            for (var i = 0; i < 14; i++)
            {
                var v = s[13 - i] - '0';
                if (i % 2 == 1) { v *= 2; if (v > 9) v -= 9; }
                sum += v;
            }
            if (sum % 10 == 0) return s;
        }
        throw new InvalidOperationException();
    }

    /// <summary>FNV-1a: the same in every process (string.GetHashCode is not).</summary>
    public static long StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }

    public ModelWorld(int seed, int sequence)
    {
        var random = new Random(seed);
        Tag = $"M{sequence:0000}-{(uint)seed % 100000:00000}";
        for (var j = 0; j < Posts; j++) PostSpecs.Add(Post(random, j));
        for (var i = 0; i < Persons; i++) PersonSpecs.Add(Person(random, i, PostSpecs));
        // Co-defendants: eight pairs, listed by one of them or both.
        for (var n = 0; n < 8; n++)
        {
            var a = random.Next(Persons);
            var b = random.Next(Persons);
            if (a == b) continue;
            var way = random.Next(5);
            if (way is 0 or 1 or 4) PersonSpecs[a] = PersonSpecs[a] with { NoContact = [.. PersonSpecs[a].NoContact.Append(b).Distinct()] };
            if (way is 2 or 3 or 4) PersonSpecs[b] = PersonSpecs[b] with { NoContact = [.. PersonSpecs[b].NoContact.Append(a).Distinct()] };
        }
    }

    /// <summary>Unique to the sequence: case numbers and post references carry it.</summary>
    public string Tag { get; }
    public List<PostSpec> PostSpecs { get; } = [];
    public List<PersonSpec> PersonSpecs { get; } = [];

    public static readonly Slot[] SlotPool =
    [
        new("mon", "08:00", "12:00"), new("mon", "13:30", "17:00"), new("tue", "09:00", "12:00"), new("wed", "14:00", "18:00"), new("thu", "08:30", "11:30"),
        new("fri", "13:00", "16:00"), new("sat", "08:00", "12:00"), new("sat", "09:00", "17:00"), new("sun", "09:00", "12:00"), new("wed", "20:00", "23:30"),
        new("fri", "05:00", "08:00"), new("tue", "18:00", "22:30"), new("sat", "13:00", "18:00"), new("thu", "14:00", "15:30"),
    ];

    public static IReadOnlyList<Slot> Slots(Random random, int count)
    {
        var chosen = new List<Slot>();
        foreach (var slot in SlotPool.OrderBy(_ => random.Next()))
        {
            if (chosen.Count == count) break;
            if (chosen.Any(c => c.Day == slot.Day)) continue; // one window a day: never two that overlap
            chosen.Add(slot);
        }
        return chosen;
    }

    public static readonly string[] Demands = ["low", "medium", "high"];

    public static (double Lat, double Lon) Around(Random random, double lat, double lon, double maxKm)
    {
        var km = maxKm * Math.Sqrt(random.NextDouble());
        var angle = random.NextDouble() * 2 * Math.PI;
        return (lat + km / 111.2 * Math.Cos(angle), lon + km / (111.2 * Math.Cos(lat * Math.PI / 180)) * Math.Sin(angle));
    }

    public const double CentreLat = 45.545, CentreLon = 4.84;

    public PostSpec Post(Random random, int j, string? reference = null)
    {
        var host = j % HostCount;
        var (lat, lon) = Around(random, CentreLat, CentreLon, 11);
        var commune = Communes.OrderBy(c => (c.Lat - lat) * (c.Lat - lat) + (c.Lon - lon) * (c.Lon - lon)).First();
        var openFrom = random.Next(6) == 0 ? Today.AddDays(random.Next(1, 40)) : new DateOnly(2026, 1, 1);
        var openUntil = random.Next(4) == 0 ? openFrom.AddDays(random.Next(20, 200)) : new DateOnly(2027, 12, 31);
        var night = random.Next(7) == 0;
        return new PostSpec(reference ?? $"{Tag}-P{j:00}", host, commune, Math.Round(lat, 6), Math.Round(lon, 6), 1 + random.Next(2),
            new[] { 3, 4, 6, 8, 12, 3.5 }[random.Next(6)], Slots(random, 1 + random.Next(3)), openFrom, openUntil,
            random.Next(3) == 0, random.Next(4) == 0, random.Next(4) == 0, random.Next(5) == 0, Demands[random.Next(3)], night,
            random.Next(2) == 0, random.Next(10) < 7, random.Next(20) switch { 0 => "draft", 1 => "pending-validation", _ => "published" });
    }

    public PersonSpec Person(Random random, int i, IReadOnlyList<PostSpec> posts, string? caseNumber = null)
    {
        var commune = Communes[random.Next(Communes.Length)];
        var (lat, lon) = Around(random, commune.Lat, commune.Lon, 3);
        lat = Math.Round(lat, 6);
        lon = Math.Round(lon, 6);
        var birth = random.Next(10) switch
        {
            0 => new DateOnly(2008, 11, 29).AddDays(random.Next(300)), // a minor
            1 => random.Next(2) == 0 ? new DateOnly(2008, 11, 28) : new DateOnly(2008, 11, 29), // 18 today, or tomorrow
            _ => new DateOnly(1965 + random.Next(40), 1 + random.Next(12), 1 + random.Next(28)),
        };
        var sentence = new DateOnly(2026, 10, 1);
        var ordered = random.Next(3) == 0 ? 20 + random.Next(300) : 20 + random.Next(20);
        var done = random.Next(4) == 0 ? Math.Min(ordered - 5, random.Next(15)) : 0;
        var availability = Slots(random, 1 + random.Next(4));
        var target = posts[random.Next(posts.Count)];
        var maxTravel = (double)new[] { 3, 4, 6, 8, 10, 12 }[random.Next(6)];
        if (random.Next(4) == 0)
            // A few metres either side of a post: the distance rule binds.
            maxTravel = Math.Max(0.5, Math.Round(SpecOracle.DistanceKm(lat, lon, target.Lat, target.Lon) + (random.Next(2) == 0 ? -0.02 : 0.02), 3));
        var deadline = new DateOnly(2027, 6, 30).AddDays(random.Next(270));
        var spec = new PersonSpec(caseNumber ?? $"{Tag}-{i:00}", commune.Departement, commune, birth, lat, lon, maxTravel, random.Next(10) < 6, random.Next(10) < 3,
            ordered, done, sentence, deadline, availability, Demands[random.Next(3)], random.Next(10) == 0, random.Next(5) == 0, random.Next(5) == 0,
            random.Next(5) == 0 ? [random.Next(HostCount)] : [], [], []);
        if (random.Next(3) == 0)
        {
            // A deadline a few days either side of what the post's schedule allows (rule 11 binds).
            var probe = SpecOracle.WeeklyHours(Oracle(spec), target.Oracle(), Today);
            if (probe > 0)
            {
                var days = (int)Math.Ceiling((ordered - done) / probe * 7) + random.Next(-4, 5);
                var start = target.OpenFrom > Today ? target.OpenFrom : Today;
                var wanted = start.AddDays(days);
                if (wanted >= sentence && wanted <= sentence.AddMonths(18)) spec = spec with { Deadline = wanted };
            }
        }
        if (random.Next(5) == 0)
        {
            var around = posts[random.Next(posts.Count)];
            var shape = new[] { Zone.Around, Zone.Hole, Zone.Edge, Zone.Multi }[random.Next(4)];
            spec = spec with { Zones = [new Zone(around.Lat, around.Lon, Math.Round(0.3 + random.NextDouble() * 2, 2), shape)] };
        }
        return spec;
    }

    /// <summary>The oracle's view of a spec, for the generator to aim values where rules bind (not for judging).</summary>
    public static OraclePerson Oracle(PersonSpec s) => new("x", s.BirthDate, s.Lat, s.Lon, s.MaxTravelKm, s.Licence, s.PublicTransportOnly, s.HoursOrdered - s.HoursDone,
        s.Deadline, [.. s.Availability.Select(a => a.Oracle)], s.MaxPhysical, s.Wheelchair, s.NoMinors, s.NoVulnerable, [], [], []);
}
