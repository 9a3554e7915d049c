using Placement.Catalogue.Domain;

namespace Placement.Matching.Engine;

/// <summary>
/// The per-pair hard rules of matching.md, as flags so that one evaluation says every rule a pair breaks:
/// rules 1–11, and rule 13 against the host bodies of co-defendants already placed outside the instance.
/// Rules 12 (capacity), 13 between two persons of one instance, and 14 (pinned) bind several pairs and
/// live in the solver.
/// </summary>
[Flags]
public enum Rule
{
    None = 0,
    Minors = 1 << 0,
    ContactWithMinors = 1 << 1,
    VulnerablePublic = 1 << 2,
    ExcludedPartner = 1 << 3,
    ExclusionZone = 1 << 4,
    Distance = 1 << 5,
    DrivingLicence = 1 << 6,
    PublicTransport = 1 << 7,
    PhysicalDemand = 1 << 8,
    Wheelchair = 1 << 9,
    Schedule = 1 << 10,
    /// <summary>Rule 13 against placements outside the instance: a co-defendant is already placed with this host body.</summary>
    CoDefendant = 1 << 11,
}

public static class RuleNames
{
    /// <summary>The per-pair rules in matching.md order: 1–11, then 13.</summary>
    public static readonly Rule[] All =
    [
        Rule.Minors, Rule.ContactWithMinors, Rule.VulnerablePublic, Rule.ExcludedPartner, Rule.ExclusionZone,
        Rule.Distance, Rule.DrivingLicence, Rule.PublicTransport, Rule.PhysicalDemand, Rule.Wheelchair, Rule.Schedule,
        Rule.CoDefendant,
    ];

    /// <summary>The rule name of matching.md (<c>minors</c>, <c>contactWithMinors</c>, …).</summary>
    public static string Name(Rule rule) => rule switch
    {
        Rule.Minors => "minors",
        Rule.ContactWithMinors => "contactWithMinors",
        Rule.VulnerablePublic => "vulnerablePublic",
        Rule.ExcludedPartner => "excludedPartner",
        Rule.ExclusionZone => "exclusionZone",
        Rule.Distance => "distance",
        Rule.DrivingLicence => "drivingLicence",
        Rule.PublicTransport => "publicTransport",
        Rule.PhysicalDemand => "physicalDemand",
        Rule.Wheelchair => "wheelchair",
        Rule.Schedule => "schedule",
        Rule.CoDefendant => "coDefendant",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a single rule."),
    };

    /// <summary>What the rule means, in French, for an officer.</summary>
    public static string Label(Rule rule) => rule switch
    {
        Rule.Minors => "poste non ouvert aux mineurs",
        Rule.ContactWithMinors => "contact avec des mineurs interdit",
        Rule.VulnerablePublic => "contact avec un public vulnérable interdit",
        Rule.ExcludedPartner => "structure exclue par la décision",
        Rule.ExclusionZone => "zone d'interdiction de paraître",
        Rule.Distance => "trop loin du domicile",
        Rule.DrivingLicence => "permis de conduire nécessaire",
        Rule.PublicTransport => "pas desservi par les transports en commun",
        Rule.PhysicalDemand => "effort physique trop important",
        Rule.Wheelchair => "poste non accessible en fauteuil",
        Rule.Schedule => "horaires incompatibles avec l'échéance",
        Rule.CoDefendant => "co-auteur ou victime déjà placé dans la structure",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a single rule."),
    };

    public static IEnumerable<Rule> Each(Rule rules) => All.Where(r => (rules & r) != 0);
}

/// <summary>What rules 1–3, 7, 8 and 10 ask of a post, as bits: a person forbids some of them (<see cref="EligibilityRules.Forbidden"/>).</summary>
[Flags]
public enum PostTrait : byte
{
    None = 0,
    /// <summary>Rule 1: not open to minors, or night work.</summary>
    UnfitForMinors = 1,
    ContactWithMinors = 2,
    VulnerablePublic = 4,
    RequiresDrivingLicence = 8,
    FarFromPublicTransport = 16,
    NotWheelchairAccessible = 32,
}

/// <summary>The outcome of rules 1–11 for one (person, post) pair, with the figures they were decided on.</summary>
public readonly record struct Evaluation(Rule Broken, double DistanceKm, double WeeklyHours, double Weeks)
{
    public bool IsEligible => Broken == Rule.None;

    /// <summary>Hours the pair can achieve before the deadline: weekly hours × weeks.</summary>
    public double AchievableHours => WeeklyHours * Weeks;
}

/// <summary>
/// The one implementation of the per-pair hard rules of matching.md (1–11 and 13 against placements
/// outside the instance). The solver, person-aware search, every placement path and the explanations
/// all call <see cref="Evaluate(MatchPerson, MatchPost, DateOnly)"/>.
/// </summary>
public static class EligibilityRules
{
    private static readonly TimeOnly MinorDayStart = new(6, 0);
    private static readonly TimeOnly MinorDayEnd = new(22, 0);
    private const double MinorMaxDailyHours = 8;
    private const double MinorMaxWeeklyHours = 35;

    /// <summary>Rule 6 accepts up to <c>maxTravelKm + 1e-6</c> km (matching.md): a decimal distance is not lost to binary rounding.</summary>
    public const double DistanceToleranceKm = 1e-6;

    /// <summary>Which rule each post trait breaks for a person who forbids it.</summary>
    public static readonly (PostTrait Trait, Rule Rule)[] TraitRules =
    [
        (PostTrait.UnfitForMinors, Rule.Minors), (PostTrait.ContactWithMinors, Rule.ContactWithMinors), (PostTrait.VulnerablePublic, Rule.VulnerablePublic),
        (PostTrait.RequiresDrivingLicence, Rule.DrivingLicence), (PostTrait.FarFromPublicTransport, Rule.PublicTransport), (PostTrait.NotWheelchairAccessible, Rule.Wheelchair),
    ];

    /// <summary>The traits of a post that rules 1–3, 7, 8 and 10 look at.</summary>
    public static PostTrait Traits(MatchPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var traits = PostTrait.None;
        if (!post.AcceptsMinors || post.NightWork) traits |= PostTrait.UnfitForMinors;
        if (post.ContactWithMinors) traits |= PostTrait.ContactWithMinors;
        if (post.VulnerablePublic) traits |= PostTrait.VulnerablePublic;
        if (post.RequiresDrivingLicence) traits |= PostTrait.RequiresDrivingLicence;
        if (!post.NearPublicTransport) traits |= PostTrait.FarFromPublicTransport;
        if (!post.WheelchairAccessible) traits |= PostTrait.NotWheelchairAccessible;
        return traits;
    }

    /// <summary>The traits a person may not meet (rules 1–3, 7, 8, 10): a post with any of them is not for them.</summary>
    public static PostTrait Forbidden(MatchPerson person, bool minor)
    {
        ArgumentNullException.ThrowIfNull(person);
        var forbidden = PostTrait.None;
        if (minor) forbidden |= PostTrait.UnfitForMinors;
        if (person.NoContactWithMinors) forbidden |= PostTrait.ContactWithMinors;
        if (person.NoContactWithVulnerablePublic) forbidden |= PostTrait.VulnerablePublic;
        if (!person.HasDrivingLicence) forbidden |= PostTrait.RequiresDrivingLicence;
        if (person.PublicTransportOnly) forbidden |= PostTrait.FarFromPublicTransport;
        if (person.NeedsWheelchairAccess) forbidden |= PostTrait.NotWheelchairAccessible;
        return forbidden;
    }

    /// <summary>Rule 6's distance, on the cosines each side worked out once.</summary>
    public static double DistanceKm(in PersonSide person, in PostSide post) =>
        GeoPoint.Haversine(person.Person.Location.Latitude, person.Person.Location.Longitude, person.CosLatitude,
            post.Post.Location.Latitude, post.Post.Location.Longitude, post.CosLatitude);

    /// <summary>Rule 6 (with its tolerance).</summary>
    public static bool WithinReach(double distanceKm, double maxTravelKm) => distanceKm <= maxTravelKm + DistanceToleranceKm;

    /// <summary>Rule 11's test once W and N are known.</summary>
    public static bool CompletesInTime(double weeklyHours, double weeks, double hoursRemaining) =>
        weeklyHours > 0 && weeklyHours * weeks >= hoursRemaining - 1e-9;

    /// <summary>Evaluates every rule (no short-cut), so that explanations can list them all.</summary>
    public static Evaluation Evaluate(MatchPerson person, MatchPost post, DateOnly referenceDate) =>
        Evaluate(new PersonSide(person, referenceDate, cache: null), new PostSide(post, scheduleClass: 0), referenceDate);

    /// <summary>
    /// Every rule, as <see cref="Evaluate(MatchPerson, MatchPost, DateOnly)"/>, on sides worked out once (candidate generation's
    /// counts). <paramref name="knownFar"/>: the post is outside the box of the person's travel distance — rule 6 is broken
    /// without measuring (the distance is then reported as infinite).
    /// </summary>
    public static Evaluation Evaluate(in PersonSide person, in PostSide post, DateOnly referenceDate, bool knownFar = false)
    {
        var p = person.Person;
        var q = post.Post;
        var broken = Rule.None;
        var hit = post.Traits & person.Forbidden;
        if (hit != 0)
            foreach (var (trait, rule) in TraitRules)
                if ((hit & trait) != 0) broken |= rule;
        if (person.HasPartnerRules)
        {
            if (p.ExcludedPartnerIds.Contains(q.PartnerId)) broken |= Rule.ExcludedPartner;
            if (p.CoDefendantPartnerIds.Contains(q.PartnerId)) broken |= Rule.CoDefendant;
        }
        if (p.ExclusionZones.Count > 0 && p.ExclusionZones.Contains(q.Location)) broken |= Rule.ExclusionZone;
        var distance = knownFar ? double.PositiveInfinity
            : DistanceKm(person, post);
        if (!WithinReach(distance, p.MaxTravelKm)) broken |= Rule.Distance;
        if (q.PhysicalDemand > p.MaxPhysicalDemand) broken |= Rule.PhysicalDemand;
        var weekly = person.WeeklyHours(post);
        var weeks = Weeks(referenceDate, p.Deadline, q.OpenFrom, q.OpenUntil);
        if (!CompletesInTime(weekly, weeks, p.HoursRemaining)) broken |= Rule.Schedule;
        return new Evaluation(broken, distance, weekly, weeks);
    }

    /// <summary>
    /// Whether the pair passes every rule — the same rules as <see cref="Evaluate(MatchPerson, MatchPost, DateOnly)"/>, cheapest first, stopping at the first
    /// broken one: traits (a mask), physical demand, distance, partners, the dates, the weekly hours, and only then the
    /// zones. What candidate generation runs on every pair in reach; the rules a pair breaks are asked of
    /// <see cref="Evaluate(MatchPerson, MatchPost, DateOnly)"/> only where an explanation needs them.
    /// </summary>
    public static bool IsEligible(in PersonSide person, in PostSide post, DateOnly referenceDate, out Evaluation evaluation)
    {
        evaluation = default;
        var p = person.Person;
        var q = post.Post;
        if ((post.Traits & person.Forbidden) != 0 || q.PhysicalDemand > p.MaxPhysicalDemand) return false;
        var distance = DistanceKm(person, post);
        if (!WithinReach(distance, p.MaxTravelKm)) return false;
        if (person.HasPartnerRules && (p.ExcludedPartnerIds.Contains(q.PartnerId) || p.CoDefendantPartnerIds.Contains(q.PartnerId))) return false;
        var weeks = Weeks(referenceDate, p.Deadline, q.OpenFrom, q.OpenUntil);
        var weekly = person.WeeklyHours(post);
        if (!CompletesInTime(weekly, weeks, p.HoursRemaining)) return false;
        if (p.ExclusionZones.Count > 0 && p.ExclusionZones.Contains(q.Location)) return false;
        evaluation = new Evaluation(Rule.None, distance, weekly, weeks);
        return true;
    }

    /// <summary>
    /// Rule 11's weekly hours W: per day, the total length of the intersection of availability and
    /// schedule (for a minor, 22:00–06:00 removed first and each day capped at 8 h); summed over the
    /// week; capped by the post's hours per person, and at 35 h for a minor.
    /// </summary>
    public static double WeeklyHours(WeeklySchedule availability, WeeklySchedule schedule, double maxWeeklyHoursPerPerson, bool minor)
    {
        ArgumentNullException.ThrowIfNull(availability);
        ArgumentNullException.ThrowIfNull(schedule);
        double total = 0;
        for (var day = DayOfWeek.Sunday; day <= DayOfWeek.Saturday; day++)
        {
            double daily = 0;
            foreach (var a in availability.On(day))
                foreach (var s in schedule.On(day))
                {
                    var start = a.Start > s.Start ? a.Start : s.Start;
                    var end = a.End < s.End ? a.End : s.End;
                    if (minor)
                    {
                        if (start < MinorDayStart) start = MinorDayStart;
                        if (end > MinorDayEnd) end = MinorDayEnd;
                    }
                    if (end > start) daily += (end - start).TotalHours;
                }
            total += minor ? Math.Min(daily, MinorMaxDailyHours) : daily;
        }
        var weekly = Math.Min(total, maxWeeklyHoursPerPerson);
        return minor ? Math.Min(weekly, MinorMaxWeeklyHours) : weekly;
    }

    /// <summary>Rule 11's weeks N = (min(deadline, openUntil) − max(referenceDate, openFrom)) in days / 7; negative when the window is closed.</summary>
    public static double Weeks(DateOnly referenceDate, DateOnly deadline, DateOnly openFrom, DateOnly openUntil)
    {
        var end = deadline < openUntil ? deadline : openUntil;
        var start = referenceDate > openFrom ? referenceDate : openFrom;
        return (end.DayNumber - start.DayNumber) / 7.0;
    }
}

/// <summary>
/// What the rules read of a person, worked out once for all their pairs — and their weekly hours (rule 11's W) per
/// class of posts sharing a schedule and an hour cap, computed once per class.
/// </summary>
public readonly struct PersonSide
{
    private readonly WeeklyHoursCache? _weekly;

    /// <summary>
    /// A person's side, with a cache (one per thread, reused from person to person: <see cref="WeeklyHoursCache.Begin"/>),
    /// or none for a single pair.
    /// </summary>
    public PersonSide(MatchPerson person, DateOnly referenceDate, WeeklyHoursCache? cache)
    {
        ArgumentNullException.ThrowIfNull(person);
        Person = person;
        Minor = person.IsMinorOn(referenceDate);
        Forbidden = EligibilityRules.Forbidden(person, Minor);
        CosLatitude = Math.Cos(person.Location.Latitude * Math.PI / 180.0);
        HasPartnerRules = person.ExcludedPartnerIds.Count > 0 || person.CoDefendantPartnerIds.Count > 0;
        _weekly = cache;
        cache?.Begin();
    }

    public MatchPerson Person { get; }
    public bool Minor { get; }
    public PostTrait Forbidden { get; }
    public double CosLatitude { get; }
    public bool HasPartnerRules { get; }

    /// <summary>Rule 11's W for this person on the post (its class's, once computed).</summary>
    public double WeeklyHours(in PostSide post)
    {
        if (_weekly is not null && _weekly.TryGet(post.ScheduleClass, out var cached)) return cached;
        var q = post.Post;
        var weekly = EligibilityRules.WeeklyHours(Person.Availability, q.Schedule, q.MaxWeeklyHoursPerPerson, Minor);
        return _weekly is null ? weekly : _weekly.Set(post.ScheduleClass, weekly);
    }
}

/// <summary>
/// Rule 11's W per schedule class for the person being examined; <see cref="Begin"/> forgets the previous person in O(1)
/// (a stamp per entry), so that one cache serves a thread's persons one after the other without clearing.
/// </summary>
public sealed class WeeklyHoursCache(int classes)
{
    private readonly double[] _values = new double[classes];
    private readonly int[] _stamps = new int[classes];
    private int _current;

    public void Begin() => _current++;

    public bool TryGet(int scheduleClass, out double value)
    {
        value = _values[scheduleClass];
        return _stamps[scheduleClass] == _current;
    }

    public double Set(int scheduleClass, double value)
    {
        _stamps[scheduleClass] = _current;
        return _values[scheduleClass] = value;
    }
}

/// <summary>What <see cref="EligibilityRules.IsEligible"/> reads of a post, worked out once for all its pairs.</summary>
public readonly struct PostSide
{
    public PostSide(MatchPost post, int scheduleClass)
    {
        ArgumentNullException.ThrowIfNull(post);
        Post = post;
        Traits = EligibilityRules.Traits(post);
        CosLatitude = Math.Cos(post.Location.Latitude * Math.PI / 180.0);
        ScheduleClass = scheduleClass;
    }

    public MatchPost Post { get; }
    public PostTrait Traits { get; }
    public double CosLatitude { get; }

    /// <summary>Posts with the same schedule and hour cap share a class: a person's W is the same on all of them.</summary>
    public int ScheduleClass { get; }

    /// <summary>The sides of an instance's posts, with their schedule classes; the number of classes.</summary>
    public static (PostSide[] Sides, int Classes) Of(IReadOnlyList<MatchPost> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var classes = new Dictionary<(WeeklySchedule, double), int>();
        var sides = new PostSide[posts.Count];
        for (var i = 0; i < posts.Count; i++)
        {
            var key = (posts[i].Schedule, posts[i].MaxWeeklyHoursPerPerson);
            if (!classes.TryGetValue(key, out var c)) classes[key] = c = classes.Count;
            sides[i] = new PostSide(posts[i], c);
        }
        return (sides, classes.Count);
    }
}
