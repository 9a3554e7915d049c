using System.Runtime.CompilerServices;
using Placement.Catalogue.Domain;

namespace Placement.Matching.Engine;

/// <summary>
/// The per-pair hard rules of matching.md, as flags so that one evaluation says every rule a pair breaks:
/// rules 1–11, rule 13 against the host bodies of co-defendants already placed outside the instance, and rule 16
/// (working time). Rules 12 (capacity), 13 between two persons of one instance, and 14 (pinned) bind several pairs and
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
    /// <summary>
    /// Rule 16 (R.623-16): a job and the TIG together stay within the legal working time — 35 + 12 = 47 h a week for an adult,
    /// 35 h for a minor; the hours a week left by the job must complete the hours before the deadline.
    /// </summary>
    WorkingTime = 1 << 12,
}

public static class RuleNames
{
    /// <summary>
    /// The per-pair rules in the order of explanations and <c>blockingRules</c>: 1–11, then 16 (working time, next to
    /// rule 11 whose weeks it reads), then 13.
    /// </summary>
    public static readonly Rule[] All =
    [
        Rule.Minors, Rule.ContactWithMinors, Rule.VulnerablePublic, Rule.ExcludedPartner, Rule.ExclusionZone,
        Rule.Distance, Rule.DrivingLicence, Rule.PublicTransport, Rule.PhysicalDemand, Rule.Wheelchair, Rule.Schedule,
        Rule.WorkingTime, Rule.CoDefendant,
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
        Rule.WorkingTime => "workingTime",
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
        Rule.WorkingTime => "temps de travail dépassé (emploi et TIG au-delà de la durée légale plus 12 h par semaine)",
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

/// <summary>
/// The outcome of the per-pair rules for one (person, post) pair, with the figures they were decided on. <see cref="WeeklyHours"/>
/// is rule 11's W, capped for a person with a job by the hours a week the job leaves (rule 16: min(W, C)).
/// </summary>
public readonly record struct Evaluation(Rule Broken, double DistanceKm, double WeeklyHours, double Weeks)
{
    public bool IsEligible => Broken == Rule.None;

    /// <summary>Hours the pair can achieve before the deadline: weekly hours × weeks.</summary>
    public double AchievableHours => WeeklyHours * Weeks;
}

/// <summary>
/// The one implementation of the per-pair hard rules of matching.md (1–11, 13 against placements outside the instance, and 16),
/// each rule written once in <see cref="Check"/>. The solver, person-aware search, every placement path and the explanations
/// all go through it: <see cref="Evaluate(MatchPerson, MatchPost, DateOnly)"/> asks every rule (an explanation lists them
/// all), <see cref="IsEligible"/> stops at the first one broken (candidate generation) — the same code, told whether to go on.
/// </summary>
public static class EligibilityRules
{
    /// <summary>Youth labour law: a minor works between 06:00 and 22:00 (minutes of the day), at most 8 h a day and 35 h a week.</summary>
    public const int MinorDayStart = 6 * 60;
    /// <inheritdoc cref="MinorDayStart"/>
    public const int MinorDayEnd = 22 * 60;
    /// <inheritdoc cref="MinorDayStart"/>
    public const int MinorMaxDailyMinutes = 8 * 60;
    /// <inheritdoc cref="MinorDayStart"/>
    public const double MinorMaxWeeklyHours = 35;

    /// <summary>
    /// Rule 16 (R.623-16): an adult's job and TIG together, at most the legal weekly working time plus 12 hours (35 + 12); a
    /// minor's at most <see cref="MinorMaxWeeklyHours"/>.
    /// </summary>
    public const double AdultMaxWeeklyWorkingHours = 35 + 12;

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

    /// <summary>Rule 9: the post asks more effort than the person may give.</summary>
    public static bool TooDemanding(PhysicalDemand post, PhysicalDemand personMax) => post > personMax;

    /// <summary>Rules 1–3, 7, 8, 10: the traits of the post the person forbids (none: the rules pass).</summary>
    public static PostTrait ForbiddenTraits(PostTrait post, PostTrait forbidden) => post & forbidden;

    /// <summary>Rule 6 on a squared chord (<see cref="UnitVector"/>): within the person's reach, tolerance included.</summary>
    public static bool WithinReach(double chordSquared, in PersonSide person) => chordSquared <= person.ReachChordSquared;

    /// <summary>Rule 11's test once W and N are known.</summary>
    public static bool CompletesInTime(double weeklyHours, double weeks, double hoursRemaining) =>
        weeklyHours > 0 && weeklyHours * weeks >= hoursRemaining - 1e-9;

    /// <summary>Rule 16's limit on job and TIG together: <see cref="AdultMaxWeeklyWorkingHours"/>, or <see cref="MinorMaxWeeklyHours"/> for a minor.</summary>
    public static double MaxWeeklyWorkingHours(bool minor) => minor ? MinorMaxWeeklyHours : AdultMaxWeeklyWorkingHours;

    /// <summary>
    /// Rule 16's C: the TIG hours a week a job of <paramref name="weeklyWorkHours"/> leaves (limit − job, possibly ≤ 0);
    /// +∞ without a job (null), where the rule asks nothing.
    /// </summary>
    public static double WorkingTimeLeft(double? weeklyWorkHours, bool minor) =>
        weeklyWorkHours is { } job ? MaxWeeklyWorkingHours(minor) - job : double.PositiveInfinity;

    /// <summary>
    /// Rule 16's test once C and N are known: C &gt; 0 and C × N ≥ hoursRemaining (the tolerance of rule 11). Without a job
    /// (C = +∞) it always holds. With rule 11, exactly « min(W, C) × N ≥ hoursRemaining ».
    /// </summary>
    public static bool WithinWorkingTime(double workingTimeLeft, double weeks, double hoursRemaining) =>
        double.IsPositiveInfinity(workingTimeLeft) || (workingTimeLeft > 0 && workingTimeLeft * weeks >= hoursRemaining - 1e-9);

    /// <summary>Evaluates every rule (no short-cut), so that explanations can list them all.</summary>
    public static Evaluation Evaluate(MatchPerson person, MatchPost post, DateOnly referenceDate) =>
        Evaluate(new PersonSide(person, referenceDate, cache: null), new PostSide(post));

    /// <summary>Every rule, as <see cref="Evaluate(MatchPerson, MatchPost, DateOnly)"/>, on sides worked out once.</summary>
    public static Evaluation Evaluate(in PersonSide person, in PostSide post) => Check(person, post, firstBroken: false);

    /// <summary>
    /// Whether the pair passes every rule — the rules of <see cref="Evaluate(MatchPerson, MatchPost, DateOnly)"/>, stopping at the
    /// first one broken; <paramref name="evaluation"/> holds the figures of an eligible pair. What candidate generation runs on
    /// every pair in reach.
    /// </summary>
    public static bool IsEligible(in PersonSide person, in PostSide post, out Evaluation evaluation)
    {
        evaluation = Check(person, post, firstBroken: true);
        return evaluation.IsEligible;
    }

    /// <summary>
    /// Each rule once, cheapest first: the trait mask (1–3, 7, 8, 10) and physical demand (9) on the post's gate, distance on the chord (6), partners
    /// (4, and 13 outside the instance), the dates with the job's working time (16), the weekly hours (11), and only then the zones (5). With
    /// <paramref name="firstBroken"/>, the first broken rule ends the check (the figures not yet worked out are left at 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Evaluation Check(in PersonSide person, in PostSide post, bool firstBroken)
    {
        var p = person.Person;
        var q = post.Post;
        var broken = Rule.None;
        if (person.Refuses(post.Gate))
        {
            var hit = ForbiddenTraits(post.Traits, person.Forbidden);
            foreach (var (trait, rule) in TraitRules)
                if ((hit & trait) != 0) broken |= rule;
            if (TooDemanding(post.PhysicalDemand, p.MaxPhysicalDemand)) broken |= Rule.PhysicalDemand;
            if (firstBroken) return new Evaluation(broken, 0, 0, 0);
        }
        var chord = person.Vector.ChordSquaredTo(post.Vector);
        if (!WithinReach(chord, person))
        {
            broken |= Rule.Distance;
            if (firstBroken) return new Evaluation(broken, 0, 0, 0);
        }
        if (person.HasPartnerRules)
        {
            if (person.Excludes(post)) broken |= Rule.ExcludedPartner;
            if (person.HasCoDefendantAt(post)) broken |= Rule.CoDefendant;
            if (firstBroken && broken != Rule.None) return new Evaluation(broken, 0, 0, 0);
        }
        var weeks = Weeks(person.ReferenceDay, person.DeadlineDay, post.OpenFromDay, post.OpenUntilDay);
        if (!person.WithinWorkingTime(weeks))
        {
            broken |= Rule.WorkingTime;
            if (firstBroken) return new Evaluation(broken, 0, 0, weeks);
        }
        if (firstBroken && !person.MayCompleteInTime(post.MaxWeeklyHoursPerPerson, weeks)) return new Evaluation(broken | Rule.Schedule, 0, 0, weeks);
        var weekly = person.WeeklyHours(post);
        if (!CompletesInTime(weekly, weeks, p.HoursRemaining))
        {
            broken |= Rule.Schedule;
            if (firstBroken) return new Evaluation(broken, 0, person.CapByWorkingTime(weekly), weeks);
        }
        if (p.ExclusionZones.Count > 0 && p.ExclusionZones.Contains(q.Location)) broken |= Rule.ExclusionZone;
        return new Evaluation(broken, UnitVector.KmOfChordSquared(chord), person.CapByWorkingTime(weekly), weeks);
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
        return WeeklyHours(availability.WeekMinutes, schedule.WeekMinutes, maxWeeklyHoursPerPerson, minor);
    }

    /// <summary>
    /// <see cref="WeeklyHours(WeeklySchedule, WeeklySchedule, double, bool)"/> on <see cref="WeeklySchedule.WeekMinutes"/>.
    /// </summary>
    public static double WeeklyHours(ReadOnlySpan<int> availability, ReadOnlySpan<int> schedule, double maxWeeklyHoursPerPerson, bool minor) =>
        WeeklyHours(availability, schedule, default, null, maxWeeklyHoursPerPerson, minor);

    /// <summary>
    /// Rule 11's W, the schedule's windows taken in time order, each window's <see cref="Overlap"/> with the availability looked up
    /// in <paramref name="cache"/> by its id in <paramref name="windowIds"/> when there is one (posts share few distinct windows).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double WeeklyHours(ReadOnlySpan<int> availability, ReadOnlySpan<int> schedule, ReadOnlySpan<int> windowIds, WindowOverlapCache? cache,
        double maxWeeklyHoursPerPerson, bool minor)
    {
        int total = 0, day = -1, daily = 0;
        for (var w = 0; w < schedule.Length; w += 2)
        {
            int start = schedule[w], end = schedule[w + 1], minutes;
            if (cache is null || windowIds.IsEmpty) minutes = Overlap(availability, start, end, minor);
            else if (!cache.TryGet(windowIds[w >> 1], out minutes)) minutes = cache.Set(windowIds[w >> 1], Overlap(availability, start, end, minor));
            var d = start / WeeklySchedule.MinutesPerDay;
            if (d != day)
            {
                total += minor ? Math.Min(daily, MinorMaxDailyMinutes) : daily;
                (day, daily) = (d, 0);
            }
            daily += minutes;
        }
        total += minor ? Math.Min(daily, MinorMaxDailyMinutes) : daily;
        var weekly = Math.Min(total / 60.0, maxWeeklyHoursPerPerson);
        return minor ? Math.Min(weekly, MinorMaxWeeklyHours) : weekly;
    }

    /// <summary>
    /// Minutes of the window [<paramref name="start"/>, <paramref name="end"/>) (minutes of the week, one day) inside the
    /// availability — for a minor, inside 06:00–22:00 of that day.
    /// </summary>
    public static int Overlap(ReadOnlySpan<int> availability, int start, int end, bool minor)
    {
        if (minor)
        {
            var midnight = start / WeeklySchedule.MinutesPerDay * WeeklySchedule.MinutesPerDay;
            start = Math.Max(start, midnight + MinorDayStart);
            end = Math.Min(end, midnight + MinorDayEnd);
        }
        var minutes = 0;
        for (var i = 0; i < availability.Length && availability[i] < end; i += 2)
        {
            var overlap = Math.Min(availability[i + 1], end) - Math.Max(availability[i], start);
            if (overlap > 0) minutes += overlap;
        }
        return minutes;
    }

    /// <summary>Rule 11's weeks N = (min(deadline, openUntil) − max(referenceDate, openFrom)) in days / 7; negative when the window is closed.</summary>
    public static double Weeks(DateOnly referenceDate, DateOnly deadline, DateOnly openFrom, DateOnly openUntil) =>
        Weeks(referenceDate.DayNumber, deadline.DayNumber, openFrom.DayNumber, openUntil.DayNumber);

    /// <summary>Rule 11's N on day numbers (<see cref="DateOnly.DayNumber"/>).</summary>
    public static double Weeks(int referenceDay, int deadlineDay, int openFromDay, int openUntilDay) =>
        ServiceCalendar.Weeks(Math.Max(referenceDay, openFromDay), Math.Min(deadlineDay, openUntilDay));
}

/// <summary>
/// What the rules read of a person, worked out once for all their pairs — and their weekly hours (rule 11's W) per
/// class of posts sharing a schedule and an hour cap, computed once per class.
/// </summary>
public readonly struct PersonSide
{
    private readonly WindowOverlapCache? _overlaps;
    private readonly ulong[] _refusedGates;
    private readonly int[] _excludedPartners;
    private readonly int[] _coDefendantPartners;

    /// <summary>
    /// A person's side, with a cache (one per thread, reused from person to person: <see cref="WindowOverlapCache.Begin"/>),
    /// or none for a single pair.
    /// </summary>
    public PersonSide(MatchPerson person, DateOnly referenceDate, WindowOverlapCache? cache)
    {
        ArgumentNullException.ThrowIfNull(person);
        Person = person;
        Minor = person.IsMinorOn(referenceDate);
        Forbidden = EligibilityRules.Forbidden(person, Minor);
        _refusedGates = RefusedGates(Forbidden, person.MaxPhysicalDemand);
        Vector = person.Location.ToUnitVector();
        ReachChordSquared = UnitVector.ChordSquaredWithin(person.MaxTravelKm + EligibilityRules.DistanceToleranceKm);
        HasPartnerRules = person.ExcludedPartnerIds.Count > 0 || person.CoDefendantPartnerIds.Count > 0;
        _excludedPartners = [.. person.ExcludedPartnerIds.Select(PostSide.PartnerHash)];
        _coDefendantPartners = [.. person.CoDefendantPartnerIds.Select(PostSide.PartnerHash)];
        ReferenceDay = referenceDate.DayNumber;
        DeadlineDay = person.Deadline.DayNumber;
        MaxWeeklyHours = EligibilityRules.WeeklyHours(person.Availability, person.Availability, double.PositiveInfinity, Minor);
        WorkingTimeLeft = EligibilityRules.WorkingTimeLeft(person.WeeklyWorkHours, Minor);
        _overlaps = cache;
        cache?.Begin();
    }

    public MatchPerson Person { get; }
    public bool Minor { get; }
    public PostTrait Forbidden { get; }
    public UnitVector Vector { get; }

    /// <summary>Rule 6's limit on the squared chord: <c>maxTravelKm + 1e-6</c> km.</summary>
    public double ReachChordSquared { get; }
    public bool HasPartnerRules { get; }
    public int ReferenceDay { get; }
    public int DeadlineDay { get; }

    /// <summary>
    /// Rules 1–3, 7–10 on a post's <see cref="PostSide.Gate"/>: it has a trait the person forbids, or asks more effort than they
    /// may give. One bit per gate, worked out once per person.
    /// </summary>
    public bool Refuses(byte gate) => (_refusedGates[gate >> 6] & (1UL << (gate & 63))) != 0;

    private static ulong[] RefusedGates(PostTrait forbidden, PhysicalDemand maxDemand)
    {
        var refused = new ulong[4];
        for (var gate = 0; gate < 256; gate++)
            if (EligibilityRules.ForbiddenTraits((PostTrait)(gate & PostSide.TraitBits), forbidden) != 0
                || EligibilityRules.TooDemanding((PhysicalDemand)(gate >> PostSide.DemandShift), maxDemand))
                refused[gate >> 6] |= 1UL << (gate & 63);
        return refused;
    }

    /// <summary>Rule 4: the post's partner is excluded by the decision.</summary>
    public bool Excludes(in PostSide post) => Among(_excludedPartners, Person.ExcludedPartnerIds, post);

    /// <summary>Rule 13 outside the instance: a co-defendant is placed with the post's partner.</summary>
    public bool HasCoDefendantAt(in PostSide post) => Among(_coDefendantPartners, Person.CoDefendantPartnerIds, post);

    /// <summary>Whether the post's partner is in <paramref name="ids"/>: by their hashes first, the id read only when one matches.</summary>
    private static bool Among(int[] hashes, IReadOnlySet<string> ids, in PostSide post)
    {
        foreach (var hash in hashes)
            if (hash == post.PartnerHashCode) return ids.Contains(post.Post.PartnerId);
        return false;
    }

    /// <summary>
    /// The most hours a week any post can give this person: W of their availability with itself (a schedule meets at most all
    /// of it), a bound of <see cref="WeeklyHours(in PostSide)"/>.
    /// </summary>
    public double MaxWeeklyHours { get; }

    /// <summary>
    /// False when rule 11 is broken whatever the post's schedule: even <see cref="MaxWeeklyHours"/>, within the post's cap, would
    /// not complete in <paramref name="weeks"/> — decided without intersecting the schedules. True says nothing.
    /// </summary>
    public bool MayCompleteInTime(double maxWeeklyHoursPerPerson, double weeks) =>
        EligibilityRules.CompletesInTime(Math.Min(MaxWeeklyHours, maxWeeklyHoursPerPerson), weeks, Person.HoursRemaining);

    /// <summary>Rule 16's C: the TIG hours a week the person's job leaves them on the reference date; +∞ without a job.</summary>
    public double WorkingTimeLeft { get; }

    /// <summary>The person has a job (<see cref="MatchPerson.WeeklyWorkHours"/>): rule 16 applies.</summary>
    public bool HasJob => !double.IsPositiveInfinity(WorkingTimeLeft);

    /// <summary>Rule 16 on a post's <paramref name="weeks"/> (rule 11's N): the hours a week the job leaves complete the hours in time.</summary>
    public bool WithinWorkingTime(double weeks) => EligibilityRules.WithinWorkingTime(WorkingTimeLeft, weeks, Person.HoursRemaining);

    /// <summary>The TIG hours a week the pair gives: rule 11's W, within what the job leaves (min(W, C), never below 0).</summary>
    public double CapByWorkingTime(double weeklyHours) => HasJob ? Math.Min(weeklyHours, Math.Max(0, WorkingTimeLeft)) : weeklyHours;

    /// <summary>Rule 11's W for this person on the post (the job not considered: see <see cref="CapByWorkingTime"/>).</summary>
    public double WeeklyHours(in PostSide post) =>
        EligibilityRules.WeeklyHours(Person.Availability.WeekMinutes, post.Schedule, post.WindowIds, _overlaps, post.MaxWeeklyHoursPerPerson, Minor);
}

/// <summary>
/// The minutes of each distinct schedule window (<see cref="PostSide.WindowIds"/>) inside the availability of the person being
/// examined; <see cref="Begin"/> forgets the previous person in O(1) (a stamp per entry), so that one cache serves a thread's
/// persons one after the other without clearing.
/// </summary>
public sealed class WindowOverlapCache(int windows)
{
    private readonly int[] _values = new int[windows];
    private readonly int[] _stamps = new int[windows];
    private int _current;

    public void Begin() => _current++;

    public bool TryGet(int window, out int minutes)
    {
        minutes = _values[window];
        return _stamps[window] == _current;
    }

    public int Set(int window, int minutes)
    {
        _stamps[window] = _current;
        return _values[window] = minutes;
    }
}

/// <summary>
/// What the rules read of a post, worked out once for all its pairs and held in the struct itself — the per-pair checks never
/// reach into the <see cref="MatchPost"/>, whose fields lie elsewhere in memory. The schedules of an instance's posts share one
/// array, and each of their windows has the id of its distinct (start, end) in the instance (<see cref="Of"/>).
/// </summary>
public readonly struct PostSide
{
    private readonly int[] _minutes;
    private readonly int[]? _windowIds;
    private readonly int _scheduleStart;
    private readonly int _scheduleLength;

    /// <summary>A single post's side (its schedule copied, no window ids).</summary>
    public PostSide(MatchPost post) : this(post, post?.Schedule.WeekMinutes.ToArray() ?? [], null, 0)
    {
    }

    private PostSide(MatchPost post, int[] minutes, int[]? windowIds, int scheduleStart)
    {
        ArgumentNullException.ThrowIfNull(post);
        Post = post;
        Traits = EligibilityRules.Traits(post);
        PhysicalDemand = post.PhysicalDemand;
        Gate = (byte)((int)Traits | (int)PhysicalDemand << DemandShift);
        Vector = post.Location.ToUnitVector();
        OpenFromDay = post.OpenFrom.DayNumber;
        OpenUntilDay = post.OpenUntil.DayNumber;
        MaxWeeklyHoursPerPerson = post.MaxWeeklyHoursPerPerson;
        PartnerHashCode = PartnerHash(post.PartnerId);
        _minutes = minutes;
        _windowIds = windowIds;
        _scheduleStart = scheduleStart;
        _scheduleLength = post.Schedule.WeekMinutes.Length;
    }

    /// <summary>The bits of <see cref="Traits"/> in a <see cref="Gate"/>; the physical demand above them.</summary>
    public const int TraitBits = 63, DemandShift = 6;

    public MatchPost Post { get; }
    public PostTrait Traits { get; }
    public PhysicalDemand PhysicalDemand { get; }

    /// <summary>Traits and physical demand in one byte: what <see cref="PersonSide.Refuses"/> reads.</summary>
    public byte Gate { get; }
    public UnitVector Vector { get; }
    public int OpenFromDay { get; }
    public int OpenUntilDay { get; }
    public double MaxWeeklyHoursPerPerson { get; }

    /// <summary>The partner id's <see cref="PartnerHash"/>: rules 4 and 13 compare it before reading the id.</summary>
    public int PartnerHashCode { get; }

    public static int PartnerHash(string partnerId) => StringComparer.Ordinal.GetHashCode(partnerId);

    /// <summary>The post's <see cref="WeeklySchedule.WeekMinutes"/>.</summary>
    public ReadOnlySpan<int> Schedule => new(_minutes, _scheduleStart, _scheduleLength);

    /// <summary>The id of each window of <see cref="Schedule"/> among the instance's distinct windows; empty for a single post.</summary>
    public ReadOnlySpan<int> WindowIds => _windowIds is null ? default : new(_windowIds, _scheduleStart / 2, _scheduleLength / 2);

    /// <summary>The sides of posts, in their order; the number of distinct windows among their schedules.</summary>
    public static (PostSide[] Sides, int Windows) Of(IReadOnlyList<MatchPost> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var distinct = new Dictionary<(int, int), int>();
        var minutes = new int[posts.Sum(p => p.Schedule.WeekMinutes.Length)];
        var ids = new int[minutes.Length / 2];
        var sides = new PostSide[posts.Count];
        var at = 0;
        for (var i = 0; i < posts.Count; i++)
        {
            var schedule = posts[i].Schedule.WeekMinutes;
            schedule.CopyTo(minutes.AsSpan(at));
            for (var w = 0; w < schedule.Length; w += 2)
            {
                var window = (schedule[w], schedule[w + 1]);
                if (!distinct.TryGetValue(window, out var id)) distinct[window] = id = distinct.Count;
                ids[(at + w) / 2] = id;
            }
            sides[i] = new PostSide(posts[i], minutes, ids, at);
            at += schedule.Length;
        }
        return (sides, distinct.Count);
    }
}
