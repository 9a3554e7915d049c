using System.Globalization;
using Bogus;
using NetTopologySuite.Geometries;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Matching.Engine;
using Placement.Catalogue.Features.HostBodies;
using Placement.Matching.Engine.Generation;
using Placement.Matching.Features.Persons;
using Placement.Matching.Domain;
using static Placement.Web.Demo.DemoVocabulary;

namespace Placement.Web.Demo;

/// <summary>Sizes of a generated demo data set.</summary>
public sealed record DemoDataSize(int HostBodies = 600, int Posts = 2000, int PersonsAwaiting = 500, int PlacementsInProgress = 40);

/// <summary>
/// Generates the demo data set: Auvergne-Rhône-Alpes (INSEE region 84, 12 départements), real
/// communes weighted by population, the activity vocabulary of domain.md, French names (Bogus, locale
/// fr). Deterministic: the same seed and size give byte-identical files. Dates are relative to
/// <see cref="ReferenceDate"/>, not to the clock.
/// </summary>
public sealed class DemoDataGenerator(FranceGeography geography)
{
    public const string Region = "84";
    public const int DefaultSeed = 2026;
    public static readonly DateOnly ReferenceDate = new(2026, 12, 1);

    /// <summary>The demo officers' e-mail addresses, referent of part of their SPIP's persons.</summary>
    public static readonly IReadOnlyDictionary<string, string> DemoOfficers = new Dictionary<string, string>
    {
        ["69"] = "cpip69@demo.placement",
        ["38"] = "cpip38@demo.placement",
    };

    private static readonly string[] Weekdays = [.. TypicalWeeks.Weekdays];

    public DemoDataSet Generate(int seed = DefaultSeed, DemoDataSize? size = null)
    {
        size ??= new DemoDataSize();
        var f = new Faker("fr") { Random = new Randomizer(seed) };
        var departements = geography.Region(Region).ToList();
        var communes = geography.Communes
            .Where(c => c.Precision is CoordinatePrecision.Commune or CoordinatePrecision.Centroid && departements.Any(d => d.Code == c.Departement))
            .OrderBy(c => c.Insee, StringComparer.Ordinal).ToArray();
        var byPopulation = new WeightedPick<Commune>(communes, c => Math.Max(1, c.Population));
        var bySqrtPopulation = new WeightedPick<Commune>(communes, c => Math.Sqrt(Math.Max(1, c.Population)));

        var hostBodies = GenerateHostBodies(f, size.HostBodies, departements, byPopulation, bySqrtPopulation);
        var posts = GeneratePosts(f, size.Posts, hostBodies);
        var persons = GeneratePersons(f, size.PersonsAwaiting + size.PlacementsInProgress, departements, byPopulation, hostBodies);
        var placements = GeneratePlacements(f, size.PlacementsInProgress, persons, posts.Select(p => p.Post).ToList());
        // Drawn from their own sequence, so that everything above stays as it was.
        var showcase = new Faker("fr") { Random = new Randomizer(seed + 1) };
        var allPosts = posts.Select(p => p.Post).ToList();
        allPosts.AddRange(PartnerShowcasePosts(showcase, hostBodies.Select(h => h.Body).ToList(), allPosts));
        placements.AddRange(PartnerShowcasePlacements(showcase, hostBodies.Select(h => h.Body).ToList(), allPosts, persons, placements));
        var placed = placements.ToDictionary(p => p.PersonId, p => p.Hours.Sum(h => h.Hours));
        var finalPersons = persons.Select(p => placed.TryGetValue(p.Id, out var done) ? p with { HoursDone = done } : p).ToList();
        return new DemoDataSet(hostBodies.Select(h => h.Body).ToList(), allPosts, finalPersons, placements);
    }

    /// <summary>
    /// The host body of the demo partner account: the first of the Rhône habilitated by the SPIP (not a public body, habilitated
    /// by right: partners are mostly associations, and the portal shows their habilitation's period) that may host on the
    /// reference date and has published posts. The loader gives the account this host body; the generator gives it something
    /// to show on every page of the portal.
    /// </summary>
    public static DemoHostBody PartnerHost(IReadOnlyList<DemoHostBody> hostBodies, IReadOnlyList<DemoPost> posts)
    {
        ArgumentNullException.ThrowIfNull(hostBodies);
        ArgumentNullException.ThrowIfNull(posts);
        return hostBodies.First(h => h.Address!.Departement == "69" && h.ToDetails().Habilitation is { Status: HabilitationStatus.Habilitated } habilitation
            && habilitation.IsValidOn(ReferenceDate)
            && posts.Any(p => p.HostBodyId == h.Id && p.Status == "published"));
    }

    private static readonly string[] ShowcaseStatuses = ["published", "draft", "pending-validation", "suspended", "closed"];
    private static readonly string[] ShowcasePlacements = ["completed", "confirmed", "proposed"];

    /// <summary>The partner's posts in every state of the lifecycle: copies of one of its published posts, retitled.</summary>
    private static List<DemoPost> PartnerShowcasePosts(Faker f, List<DemoHostBody> hostBodies, List<DemoPost> posts)
    {
        var host = PartnerHost(hostBodies, posts);
        var own = posts.Where(p => p.HostBodyId == host.Id).ToList();
        var model = own.First(p => p.Status == "published");
        var titles = new Queue<string>(f.Random.Shuffle(PostKinds.First(k => k.Activity == model.Activity).Titles.Where(t => t != model.Title)).ToList());
        return [.. ShowcaseStatuses
            .Where(status => status == "published" || own.All(p => p.Status != status))
            .Select(status => model with
            {
                Id = f.Random.Guid(),
                Status = status,
                Title = titles.Count > 0 ? titles.Dequeue() : $"{model.Title} ({EnumNames.Parse<PostStatus>(status, "status").Label().ToLowerInvariant()})",
                Capacity = 2,
            })];
    }

    /// <summary>
    /// Placements on the partner's published posts: one proposed, one confirmed with hours logged, one completed — persons of
    /// its SPIP not placed yet, whom the post suits (the same test as the other demo placements).
    /// </summary>
    private static List<DemoPlacement> PartnerShowcasePlacements(Faker f, List<DemoHostBody> hostBodies, List<DemoPost> posts, List<DemoPerson> persons, List<DemoPlacement> placements)
    {
        var host = PartnerHost(hostBodies, posts);
        var open = posts.Where(p => p.HostBodyId == host.Id && p.Status == "published").ToList();
        var taken = placements.GroupBy(p => p.PostId).ToDictionary(g => g.Key, g => g.Count());
        var placed = placements.Select(p => p.PersonId).ToHashSet();
        var added = new List<DemoPlacement>();
        foreach (var status in ShowcasePlacements)
        {
            var pick = open.Where(p => taken.GetValueOrDefault(p.Id) < p.Capacity)
                .SelectMany(post => persons.Where(x => x.Departement == host.Address!.Departement && !placed.Contains(x.Id) && Suits(x, post)).Select(x => (Post: post, Person: x)))
                .OrderBy(x => status == "completed" ? x.Person.HoursOrdered : 0).ThenBy(x => x.Person.Id)
                .Select(x => ((DemoPost, DemoPerson)?)(x.Post, x.Person)).FirstOrDefault();
            if (pick is not var (post, person)) continue;
            taken[post.Id] = taken.GetValueOrDefault(post.Id) + 1;
            placed.Add(person.Id);
            var logs = new List<DemoHoursLog>();
            var target = person.HoursOrdered;
            var goal = status switch { "completed" => target, "confirmed" => Math.Min(target - 7, 21), _ => 0 };
            // Back from a week before the reference date, two sessions a week, until the hours logged reach the goal.
            var dates = Enumerable.Range(0, 200).Select(i => ReferenceDate.AddDays(-7 - (i / 2 * 7) - (i % 2 * 3))).GetEnumerator();
            while (logs.Sum(l => l.Hours) < goal - 1e-9 && dates.MoveNext())
                logs.Add(new DemoHoursLog(dates.Current, Math.Min(7, goal - logs.Sum(l => l.Hours)), f.Random.Bool(0.3f) ? "Ponctuel et motivé." : null));
            logs.Reverse();
            var confirmed = logs.Count > 0 ? logs[0].Date.AddDays(-7) : ReferenceDate.AddDays(-3);
            added.Add(new DemoPlacement(f.Random.Guid(), person.Id, post.Id, target, confirmed, logs, status == "proposed" ? "proposed" : "confirmed"));
        }
        return added;
    }

    private sealed record GeneratedHost(DemoHostBody Body, HostKind Kind, Commune Commune, string Domain);
    private sealed record GeneratedPost(DemoPost Post);

    private static List<GeneratedHost> GenerateHostBodies(Faker f, int count, List<Departement> departements,
        WeightedPick<Commune> byPopulation, WeightedPick<Commune> bySqrtPopulation)
    {
        var kinds = new WeightedPick<HostKind>(HostKinds, k => k.Share);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var hosts = new List<GeneratedHost>();
        while (hosts.Count < count)
        {
            var kind = kinds.Pick(f);
            var commune = kind.LegalType == "commune" ? bySqrtPopulation.Pick(f) : byPopulation.Pick(f);
            var departement = departements.First(d => d.Code == commune.Departement);
            var name = f.PickRandom(kind.Names).Replace("{c}", commune.Name, StringComparison.Ordinal).Replace("{d}", departement.Name, StringComparison.Ordinal);
            if (!usedNames.Add(name)) continue;
            var since = ReferenceDate.AddDays(-f.Random.Int(60, 5 * 365));
            var legalType = EnumNames.Parse<LegalType>(kind.LegalType, "legalType");
            var habilitation = Habilitation.IsPublicBody(legalType)
                ? HabilitationDto.Initial(legalType)
                : f.Random.Double() switch
                {
                    < 0.88 => new HabilitationDto { Status = "habilitated", ValidFrom = since, ValidUntil = since.AddYears(5) },
                    < 0.95 => new HabilitationDto { Status = "pending" },
                    _ => new HabilitationDto { Status = "suspended", ValidFrom = since, ValidUntil = since.AddYears(5) },
                };
            var domain = Slug(name.Length > 40 ? name[..40] : name) + ".fr";
            hosts.Add(new GeneratedHost(new DemoHostBody
            {
                Id = f.Random.Guid(),
                Name = name,
                LegalType = kind.LegalType,
                Siret = Siret(f),
                Habilitation = habilitation,
                Address = new AddressDto
                {
                    Street = $"{f.Random.Int(1, 120)} {f.Address.StreetName()}",
                    CommuneInsee = commune.Insee,
                    Departement = commune.Departement,
                    Location = Near(f, commune.Location!.Value, 1.5),
                },
                Contact = new ContactDto { Name = f.Name.FullName(), Email = $"contact@{domain}", Phone = Phone(f) },
            }, kind, commune, domain));
        }
        return hosts;
    }

    private static List<GeneratedPost> GeneratePosts(Faker f, int count, List<GeneratedHost> hosts)
    {
        var posts = new List<GeneratedPost>();
        // Every host body offers at least one post; the rest go to random hosts (larger communes more often).
        var owners = hosts.Concat(Enumerable.Range(0, Math.Max(0, count - hosts.Count)).Select(_ => f.PickRandom(hosts))).Take(count);
        foreach (var host in owners)
        {
            var activity = f.PickRandom(host.Kind.Activities);
            var kind = PostKinds.First(k => k.Activity == activity);
            var schedule = Schedule(f, kind.Activity);
            var weekly = schedule.Sum(w => (TimeOnly.Parse(w.End!, CultureInfo.InvariantCulture) - TimeOnly.Parse(w.Start!, CultureInfo.InvariantCulture)).TotalHours);
            var openFrom = ReferenceDate.AddDays(-f.Random.Int(0, 700));
            var title = f.PickRandom(kind.Titles);
            var nightWork = schedule.Any(w => string.CompareOrdinal(w.End, "22:00") > 0);
            var acceptsMinors = !nightWork && (kind.Activity == "module-pedagogique" || (host.Kind.LegalType == "commune" && f.Random.Double() < 0.2) || f.Random.Double() < 0.05);
            var tutorFirst = f.Name.FirstName();
            var tutorLast = f.Name.LastName();
            var bigTown = host.Commune.Population > 20_000;
            var name = host.Body.Name!;
            posts.Add(new GeneratedPost(new DemoPost
            {
                Id = f.Random.Guid(),
                HostBodyId = host.Body.Id,
                Status = f.Random.Double() switch { < 0.85 => "published", < 0.90 => "draft", < 0.95 => "pending-validation", < 0.98 => "suspended", _ => "closed" },
                Title = title,
                Description = $"{title} au sein de « {host.Body.Name} » à {host.Commune.Name}. La personne accueillie aide à {kind.Task}, "
                    + $"encadrée par un tuteur ou une tutrice. Tenue adaptée fournie{(nightWork ? " ; horaires en soirée" : "")}.",
                Activity = kind.Activity,
                Skills = f.Random.ListItems(kind.Skills.ToList(), Math.Min(kind.Skills.Length, f.Random.Int(0, 2))).ToList(),
                Address = host.Body.Address,
                Capacity = f.Random.Double() switch { < 0.6 => 1, < 0.9 => 2, < 0.97 => 3, _ => 4 },
                MaxWeeklyHoursPerPerson = Math.Min(weekly, f.PickRandom(7.0, 10.0, 14.0, 21.0, 24.0)),
                Schedule = schedule,
                OpenFrom = openFrom,
                OpenUntil = openFrom.AddDays(f.Random.Int(365, 3 * 365)),
                Tutor = new ContactDto { Name = $"{tutorFirst} {tutorLast}", Email = $"{Slug(tutorFirst)}.{Slug(tutorLast)}@{host.Domain}", Phone = Phone(f) },
                AcceptsMinors = acceptsMinors,
                ContactWithMinors = host.Kind.WorksWithYouth || kind.Activity == "module-pedagogique",
                VulnerablePublic = kind.VulnerablePublic || name.StartsWith("EHPAD", StringComparison.Ordinal),
                RequiresDrivingLicence = f.Random.Double() < kind.LicenceShare,
                PhysicalDemand = f.PickRandom(kind.Demands),
                NightWork = nightWork,
                WheelchairAccessible = f.Random.Double() < 0.35,
                NearPublicTransport = f.Random.Double() < (bigTown ? 0.9 : 0.4),
                // Workshops with machines; hospitals and nursing homes (vaccinations): both call for a medical examination.
                ParticularRisks = name.StartsWith("Atelier", StringComparison.Ordinal) || kind.Activity == "batiment-renovation",
                CareSetting = name.StartsWith("Centre hospitalier", StringComparison.Ordinal) || name.StartsWith("EHPAD", StringComparison.Ordinal),
            }));
        }
        return posts;
    }

    private static List<TimeWindowDto> Schedule(Faker f, string activity)
    {
        var days = f.Random.ListItems(Weekdays.ToList(), f.Random.Int(2, 5)).OrderBy(d => Array.IndexOf(Weekdays, d)).ToList();
        if (activity == "evenementiel") return TypicalWeeks.PostSchedule(0, days, activity, evening: f.Random.Bool(0.3f));
        if (activity == "module-pedagogique")
            return [new() { Day = f.PickRandom("wed", "sat"), Start = "09:00", End = "12:00" }, new() { Day = f.PickRandom("wed", "sat"), Start = "14:00", End = "17:00" }];
        return TypicalWeeks.PostSchedule(f.Random.Int(0, 3), days, activity, evening: false);
    }

    private static List<DemoPerson> GeneratePersons(Faker f, int count, List<Departement> departements, WeightedPick<Commune> byPopulation, List<GeneratedHost> hosts)
    {
        var officers = departements.ToDictionary(d => d.Code, d => Enumerable.Range(0, 4)
            .Select(_ => { var first = f.Name.FirstName(); var last = f.Name.LastName(); return new ContactDto { Name = $"{first} {last}", Email = $"{Slug(first)}.{Slug(last)}@justice.fr", Phone = Phone(f) }; })
            .ToList());
        var hoursBuckets = new WeightedPick<int>([20, 35, 50, 70, 80, 100, 105, 120, 140, 150, 180, 200, 210, 250, 280, 300, 400],
            h => h switch { <= 50 => 8, <= 105 => 14, <= 150 => 9, <= 210 => 5, <= 300 => 2, _ => 0.5 });
        var persons = new List<DemoPerson>();
        for (var i = 0; i < count; i++)
        {
            var home = byPopulation.Pick(f);
            var minor = f.Random.Double() < 0.06;
            var sentence = ReferenceDate.AddDays(-f.Random.Int(7, 240));
            var birth = minor
                ? ReferenceDate.AddYears(-18).AddDays(f.Random.Int(1, 600))
                : ReferenceDate.AddYears(-f.Random.Int(18, 60)).AddDays(-f.Random.Int(0, 364));
            if (birth.AddYears(16) > sentence) sentence = birth.AddYears(16);
            // One adult in twenty-five was sentenced longer ago: their deadline is near, or already past.
            if (!minor && i % 25 == 3) sentence = sentence.AddDays(-300);
            var licence = !minor && f.Random.Double() < 0.55;
            var officer = DemoOfficers.TryGetValue(home.Departement, out var demoEmail) && f.Random.Double() < 0.3
                ? new ContactDto { Name = home.Departement == "69" ? "Agent CPIP du Rhône" : "Agent CPIP de l'Isère", Email = demoEmail, Phone = "04 00 00 00 00" }
                : f.PickRandom(officers[home.Departement]);
            var suspensions = f.Random.Double() < 0.05 && ReferenceDate.DayNumber - sentence.DayNumber > 60
                ? new List<DateRangeDto> { new() { Start = sentence.AddDays(20), End = sentence.AddDays(20 + f.Random.Int(14, 40)) } }
                : null;
            var gender = f.PickRandom<Bogus.DataSets.Name.Gender>();
            persons.Add(new DemoPerson
            {
                Id = f.Random.Guid(),
                FirstName = f.Name.FirstName(gender),
                LastName = f.Name.LastName(gender),
                Departement = home.Departement,
                ReferentOfficer = officer,
                BirthDate = birth,
                Home = new AddressDto { Street = $"{f.Random.Int(1, 200)} {f.Address.StreetName()}", CommuneInsee = home.Insee, Departement = home.Departement, Location = Near(f, home.Location!.Value, 2.5) },
                MaxTravelKm = f.PickRandom(5, 10, 10, 15, 15, 20, 20, 30, 40),
                HasDrivingLicence = licence,
                PublicTransportOnly = !licence && f.Random.Double() < 0.6,
                HoursOrdered = hoursBuckets.Pick(f),
                HoursDone = 0,
                SentenceDate = sentence,
                Deadline = sentence.AddMonths(f.Random.Double() < 0.8 ? 18 : 12),
                Suspensions = suspensions,
                Availability = minor ? TypicalWeeks.Availability(0, minor: true) : AdultAvailability(f),
                Skills = f.Random.ListItems(PersonSkills.ToList(), f.Random.Int(0, 3)).Order(StringComparer.Ordinal).ToList(),
                MaxPhysicalDemand = f.Random.Double() switch { < 0.7 => "high", < 0.9 => "medium", _ => "low" },
                NeedsWheelchairAccess = f.Random.Double() < 0.01,
                Restrictions = new RestrictionsDto
                {
                    NoContactWithMinors = f.Random.Double() < 0.15,
                    NoContactWithVulnerablePublic = f.Random.Double() < 0.08,
                    ExcludedHostBodyIds = f.Random.Double() < 0.03 && hosts.Where(h => h.Commune.Departement == home.Departement).ToList() is { Count: > 0 } local
                        ? [f.PickRandom(local).Body.Id] : null,
                    ExclusionZones = f.Random.Double() < 0.07 ? [GeoJson.Write(Zone(f, byPopulation, home))] : null,
                },
            });
        }
        // Co-defendants: about 4 % of persons, in pairs of the same SPIP, each barred from the other.
        var pairs = persons.GroupBy(p => p.Departement).SelectMany(g => g.Chunk(2)).Where(c => c.Length == 2).ToList();
        foreach (var pair in f.Random.ListItems(pairs, Math.Min(pairs.Count, count / 50)))
        {
            var (a, b) = (persons.IndexOf(pair[0]), persons.IndexOf(pair[1]));
            persons[a] = persons[a] with { Restrictions = persons[a].Restrictions! with { NoContactWithPersonIds = [persons[b].Id] } };
            persons[b] = persons[b] with { Restrictions = persons[b].Restrictions! with { NoContactWithPersonIds = [persons[a].Id] } };
        }
        return persons;
    }

    private static List<TimeWindowDto> AdultAvailability(Faker f)
    {
        var pattern = f.Random.Int(0, 3);
        return TypicalWeeks.Availability(pattern, minor: false, evening: pattern == 1 ? f.PickRandom("tue", "thu") : "tue");
    }

    /// <summary>An interdiction de paraître: a disc of 1.5–3 km around a commune near home, sometimes with a hole.</summary>
    private static Polygon Zone(Faker f, WeightedPick<Commune> byPopulation, Commune home)
    {
        var centre = Enumerable.Range(0, 50).Select(_ => byPopulation.Pick(f))
            .FirstOrDefault(c => c.Location!.Value.DistanceKmTo(home.Location!.Value) is > 2 and < 25) ?? home;
        var radius = f.Random.Double(1.5, 3.0);
        return TypicalWeeks.Disc(centre.Location!.Value, radius, f.Random.Double() < 0.15 ? radius / 4 : null);
    }

    private static List<DemoPlacement> GeneratePlacements(Faker f, int count, List<DemoPerson> persons, List<DemoPost> posts)
    {
        var open = posts.Where(p => p.Status == "published").ToList();
        var taken = new Dictionary<Guid, int>();
        var placements = new List<DemoPlacement>();
        // The last persons generated are the ones already at work, on the nearest post of their SPIP that
        // has room and that their age and restrictions allow.
        foreach (var person in Enumerable.Reverse(persons))
        {
            if (placements.Count == count) break;
            var home = new GeoPoint(person.Home!.Location!.Lat, person.Home.Location.Lon);
            var post = open
                .Where(p => p.Address!.Departement == person.Departement && taken.GetValueOrDefault(p.Id) < p.Capacity)
                .Where(p => Suits(person, p))
                .OrderBy(p => home.DistanceKmTo(p.Address!.Location!.ToGeoPoint()))
                .FirstOrDefault();
            if (post is null) continue;
            taken[post.Id] = taken.GetValueOrDefault(post.Id) + 1;
            var confirmed = ReferenceDate.AddDays(-f.Random.Int(14, 120));
            var logs = new List<DemoHoursLog>();
            for (var day = confirmed.AddDays(7); day <= ReferenceDate.AddDays(-7) && logs.Sum(l => l.Hours) + 7 < person.HoursOrdered; day = day.AddDays(7))
                logs.Add(new DemoHoursLog(day, f.PickRandom(3.0, 3.5, 4.0, 6.0, 7.0), f.Random.Bool(0.2f) ? "Bonne implication." : null));
            placements.Add(new DemoPlacement(f.Random.Guid(), person.Id, post.Id, person.HoursOrdered, confirmed, logs));
        }
        return placements;
    }

    /// <summary>Whether a demo placement of <paramref name="person"/> on <paramref name="post"/> is one a SPIP could make.</summary>
    private static bool Suits(DemoPerson person, DemoPost post)
    {
        var minor = Placement.Matching.Domain.Age.IsMinorOn(person.BirthDate!.Value, ReferenceDate);
        return (!minor || (post.AcceptsMinors && !post.NightWork))
            && !(person.Restrictions!.NoContactWithMinors && post.ContactWithMinors)
            && !(person.Restrictions.NoContactWithVulnerablePublic && post.VulnerablePublic)
            // The person's week and the post's schedule must meet (rule 11's weekly hours), or nobody could work there.
            && EligibilityRules.WeeklyHours(person.Availability.ToSchedule(new FieldErrors(), "availability"), post.Schedule.ToSchedule(new FieldErrors(), "schedule"),
                post.MaxWeeklyHoursPerPerson, minor) >= 3;
    }

    private static PointDto Near(Faker f, GeoPoint p, double maxKm) => TypicalWeeks.Offset(p, f.Random.Double(0, maxKm), f.Random.Double(0, 2 * Math.PI));

    /// <summary>A random SIRET (SIREN + NIC) whose Luhn key holds.</summary>
    private static string Siret(Faker f)
    {
        while (true)
        {
            var digits = string.Concat(Enumerable.Range(0, 14).Select(i => i == 0 ? f.Random.Int(1, 9) : f.Random.Int(0, 9)));
            if (Catalogue.Domain.Siret.LuhnValid(digits)) return digits;
        }
    }

    private static string Phone(Faker f) => $"04 {f.Random.Int(10, 99)} {f.Random.Int(10, 99)} {f.Random.Int(10, 99)} {f.Random.Int(10, 99)}";

    private static string Slug(string text) => FranceGeography.Normalise(text).Replace(' ', '-');

    /// <summary>Draws items with probability proportional to a weight.</summary>
    private sealed class WeightedPick<T>
    {
        private readonly T[] _items;
        private readonly double[] _cumulative;

        public WeightedPick(IReadOnlyList<T> items, Func<T, double> weight)
        {
            _items = [.. items];
            _cumulative = new double[_items.Length];
            double sum = 0;
            for (var i = 0; i < _items.Length; i++) _cumulative[i] = sum += weight(_items[i]);
        }

        public T Pick(Faker f)
        {
            var x = f.Random.Double() * _cumulative[^1];
            var i = Array.BinarySearch(_cumulative, x);
            return _items[Math.Min(i < 0 ? ~i : i, _items.Length - 1)];
        }
    }
}
