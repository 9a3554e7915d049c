using System.Text.Json;
using NetTopologySuite.Geometries;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Geography;
using Placement.Matching.Domain;

namespace Placement.Matching.Engine.Generation;

/// <summary>
/// Synthetic matching instances of any size over the real communes of France, deterministic for a
/// seed. Posts sit at communes drawn by population, persons live near them; proportions follow the
/// demo data: about 6 % minors, 15 % barred from contact with minors, 8 % from a vulnerable public,
/// 7 % with an exclusion zone (a 1.5–3 km disc around a nearby commune), 3 % with an excluded partner,
/// 1–4 places per post; with <c>conflicts</c>, 4 % of persons in co-defendant pairs living near each other.
/// With <c>cities</c>, a dense territory: the posts cluster within 12 km of the most populous communes of the area,
/// the persons live across it — any commune as likely as another, the countryside as the cities — with travel
/// distances of 5 to 30 km, so that a person near a city has thousands of posts in reach, most of which a cheap
/// rule excludes, while many others have none. With <c>networks</c>, co-defendants come in groups
/// of 5 to 30 (a network case) living in the same neighbourhoods, every member barred from every other, until about
/// that many links — one large conflict component where rule 13 binds hard: there, partners are local (three per
/// commune), as town halls and associations are.
/// </summary>
public sealed class InstanceGenerator(FranceGeography geography)
{
    public static readonly DateOnly ReferenceDate = new(2026, 12, 1);

    private static readonly string[] Activities = [.. Catalogue.Features.Activities.ActivityVocabulary.DefaultCodes];
    private static readonly string[] SkillWords = ["jardinage", "nettoyage", "manutention", "cuisine", "service", "tri", "bricolage", "peinture", "accueil", "bureautique", "animation", "logistique"];
    private static readonly string[] Weekdays = [.. TypicalWeeks.Weekdays];
    private static readonly string[] Demands = ["low", "medium", "high"];

    /// <summary>
    /// An instance of <paramref name="persons"/> persons and <paramref name="posts"/> posts. The area is a
    /// département code, <c>r</c> + a region code (<c>r84</c>), or <c>FR</c>; by default it follows the
    /// size: up to 1,000 persons the Rhône, up to 5,000 Auvergne-Rhône-Alpes, beyond that all of France.
    /// </summary>
    public InstanceDto Generate(int persons, int posts, int seed, bool conflicts, string? area = null, int? cities = null, int? networks = null)
    {
        var random = new Random(seed);
        area ??= persons <= 1_000 ? "69" : persons <= 5_000 ? "r84" : "FR";
        var departements = area == "FR" ? geography.Departements.Select(d => d.Code).ToHashSet()
            : area.StartsWith('r') ? geography.Region(area[1..]).Select(d => d.Code).ToHashSet()
            : [area];
        var communes = geography.Communes.Where(c => c.Precision == CoordinatePrecision.Commune && departements.Contains(c.Departement) && c.Location is not null)
            .OrderBy(c => c.Insee, StringComparer.Ordinal).ToArray();
        var postCommunes = cities is { } n
            ? [.. communes.OrderByDescending(c => c.Population).ThenBy(c => c.Insee, StringComparer.Ordinal).Take(n).OrderBy(c => c.Insee, StringComparer.Ordinal)]
            : communes;
        var postSpread = cities is null ? 1.5 : 12.0;
        if (communes.Length == 0) throw new ArgumentException($"Aucune commune localisée dans la zone « {area} ».", nameof(area));
        var cumulative = new double[communes.Length];
        double sum = 0;
        for (var i = 0; i < communes.Length; i++) cumulative[i] = sum += Math.Max(1, communes[i].Population);
        Commune Pick()
        {
            var i = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            return communes[Math.Min(i < 0 ? ~i : i, communes.Length - 1)];
        }
        Commune PickPostCommune() => cities is null ? Pick() : postCommunes[random.Next(postCommunes.Length)];

        var partners = Math.Max(1, posts * 3 / 10);
        var postList = new List<InstancePostDto>(posts);
        for (var i = 0; i < posts; i++)
        {
            var commune = PickPostCommune();
            var activity = Activities[random.Next(Activities.Length)];
            var evening = activity == "evenementiel" && random.NextDouble() < 0.3;
            var schedule = Schedule(random, activity, evening);
            var open = ReferenceDate.AddDays(-random.Next(0, 700));
            postList.Add(new InstancePostDto
            {
                Id = $"post-{i + 1}",
                // In a network case the partners are local — a commune's town hall and two associations — so that
                // co-defendants of one neighbourhood compete for the same few partners.
                PartnerId = networks is null ? $"org-{random.Next(partners) + 1}" : $"org-{commune.Insee}-{random.Next(3) + 1}",
                Activity = activity,
                Skills = PickWords(random, SkillWords, random.Next(0, 3)),
                Location = Near(random, commune, postSpread),
                Capacity = random.NextDouble() switch { < 0.6 => 1, < 0.9 => 2, < 0.97 => 3, _ => 4 },
                MaxWeeklyHoursPerPerson = new[] { 7.0, 10, 14, 21, 24 }[random.Next(5)],
                Schedule = schedule,
                OpenFrom = open,
                OpenUntil = open.AddDays(random.Next(365, 3 * 365)),
                AcceptsMinors = !evening && (activity == "module-pedagogique" || random.NextDouble() < 0.15),
                ContactWithMinors = activity == "module-pedagogique" || random.NextDouble() < 0.08,
                VulnerablePublic = activity is "aide-a-la-personne" or "restauration-aide-alimentaire" || random.NextDouble() < 0.03,
                RequiresDrivingLicence = random.NextDouble() < 0.1,
                PhysicalDemand = Demands[random.Next(3)],
                NightWork = evening,
                WheelchairAccessible = random.NextDouble() < 0.35,
                NearPublicTransport = random.NextDouble() < (commune.Population > 20_000 ? 0.9 : 0.4),
            });
        }

        var personList = new List<InstancePersonDto>(persons);
        for (var i = 0; i < persons; i++)
        {
            var home = cities is null ? Pick() : communes[random.Next(communes.Length)];
            var minor = random.NextDouble() < 0.06;
            var licence = !minor && random.NextDouble() < 0.55;
            var zone = random.NextDouble() < 0.07 ? Zone(random, Pick, home) : null;
            personList.Add(new InstancePersonDto
            {
                Id = $"person-{i + 1}",
                BirthDate = minor ? ReferenceDate.AddYears(-18).AddDays(random.Next(1, 600)) : ReferenceDate.AddYears(-random.Next(18, 60)).AddDays(-random.Next(365)),
                Location = Near(random, home, 2.5),
                MaxTravelKm = cities is null ? new[] { 5.0, 10, 10, 15, 15, 20, 20, 30, 40 }[random.Next(9)] : new[] { 5.0, 10, 15, 20, 25, 30 }[random.Next(6)],
                HasDrivingLicence = licence,
                PublicTransportOnly = !licence && random.NextDouble() < 0.6,
                HoursRemaining = new[] { 20.0, 35, 50, 70, 80, 100, 105, 105, 120, 140, 150, 180, 210, 280 }[random.Next(14)],
                Deadline = ReferenceDate.AddDays(random.Next(8 * 7, 78 * 7)),
                Availability = minor ? TypicalWeeks.Availability(0, minor: true) : AdultAvailability(random),
                Skills = PickWords(random, SkillWords, random.Next(0, 4)),
                MaxPhysicalDemand = random.NextDouble() switch { < 0.7 => "high", < 0.9 => "medium", _ => "low" },
                NeedsWheelchairAccess = random.NextDouble() < 0.01,
                Restrictions = new InstanceRestrictionsDto
                {
                    NoContactWithMinors = random.NextDouble() < 0.15,
                    NoContactWithVulnerablePublic = random.NextDouble() < 0.08,
                    ExcludedPartnerIds = random.NextDouble() < 0.03 ? [networks is null ? $"org-{random.Next(partners) + 1}" : postList[random.Next(postList.Count)].PartnerId!] : null,
                    ExclusionZones = zone is null ? null : [GeoJson.Write(zone)],
                },
            });
        }
        if (conflicts)
        {
            // Co-defendants are judged together and often live close: 4 % of persons, in pairs, the second
            // moved near the first, so that both compete for the same posts.
            var pairs = persons / 50;
            var used = new HashSet<int>();
            for (var k = 0; k < pairs; k++)
            {
                var (a, b) = (random.Next(persons), random.Next(persons));
                if (a == b || !used.Add(a) || !used.Add(b)) continue;
                var home = personList[a].Location!;
                personList[b] = personList[b] with
                {
                    Location = new InstancePointDto { Lat = Math.Round(home.Lat!.Value + (random.NextDouble() - 0.5) * 0.01, 5), Lon = Math.Round(home.Lon!.Value + (random.NextDouble() - 0.5) * 0.01, 5) },
                    Restrictions = personList[b].Restrictions! with { NoContactWithPersonIds = [personList[a].Id!] },
                };
                personList[a] = personList[a] with { Restrictions = personList[a].Restrictions! with { NoContactWithPersonIds = [personList[b].Id!] } };
            }
        }
        if (networks is { } wantedLinks) Networks(random, personList, wantedLinks);
        return new InstanceDto { ReferenceDate = ReferenceDate, Posts = postList, Persons = personList, Pinned = [], Options = new InstanceOptionsDto { TimeLimitSeconds = 60 } };
    }

    /// <summary>Groups of 5–30 co-defendants, each group around one neighbourhood (within ~1 km of its first member), all barred from each other.</summary>
    private static void Networks(Random random, List<InstancePersonDto> persons, int wantedLinks)
    {
        var free = Enumerable.Range(0, persons.Count).OrderBy(_ => random.Next()).ToList();
        var links = 0;
        while (links < wantedLinks && free.Count >= 5)
        {
            var size = Math.Min(free.Count, random.Next(5, 31));
            var group = free.Take(size).ToList();
            free.RemoveRange(0, size);
            var centre = persons[group[0]].Location!;
            var ids = group.Select(i => persons[i].Id!).ToList();
            foreach (var i in group)
            {
                persons[i] = persons[i] with
                {
                    Location = i == group[0] ? centre : new InstancePointDto
                    {
                        Lat = Math.Round(centre.Lat!.Value + (random.NextDouble() - 0.5) * 0.018, 5),
                        Lon = Math.Round(centre.Lon!.Value + (random.NextDouble() - 0.5) * 0.025, 5),
                    },
                    Restrictions = (persons[i].Restrictions ?? new InstanceRestrictionsDto()) with { NoContactWithPersonIds = [.. ids.Where(id => id != persons[i].Id)] },
                };
            }
            links += size * (size - 1) / 2;
        }
    }

    private static List<TimeWindowDto> Schedule(Random random, string activity, bool evening)
    {
        if (activity == "evenementiel") return TypicalWeeks.PostSchedule(0, [], activity, evening);
        var days = PickWords(random, Weekdays, random.Next(2, 6)).OrderBy(d => Array.IndexOf(Weekdays, d)).ToList();
        return TypicalWeeks.PostSchedule(random.Next(4), days, activity, evening: false);
    }

    private static string[] PickWords(Random random, string[] words, int count) =>
        [.. words.OrderBy(_ => random.Next()).Take(count).Order(StringComparer.Ordinal)];

    private static List<TimeWindowDto> AdultAvailability(Random random)
    {
        var pattern = random.Next(4);
        return TypicalWeeks.Availability(pattern, minor: false, evening: pattern == 1 ? (random.Next(2) == 0 ? "tue" : "thu") : "tue");
    }

    private static InstancePointDto Near(Random random, Commune commune, double maxKm)
    {
        var at = TypicalWeeks.Offset(commune.Location!.Value, random.NextDouble() * maxKm, random.NextDouble() * 2 * Math.PI);
        return new InstancePointDto { Lat = at.Lat, Lon = at.Lon };
    }

    private static Polygon Zone(Random random, Func<Commune> pick, Commune home)
    {
        var centre = home;
        for (var i = 0; i < 30; i++)
        {
            var c = pick();
            if (c.Location!.Value.DistanceKmTo(home.Location!.Value) is > 2 and < 25) { centre = c; break; }
        }
        return TypicalWeeks.Disc(centre.Location!.Value, 1.5 + random.NextDouble() * 1.5);
    }

    public static string Serialize(InstanceDto instance) => JsonSerializer.Serialize(instance, InstanceDto.Json);
}
