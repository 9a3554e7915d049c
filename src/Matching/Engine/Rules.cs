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
/// all call <see cref="Evaluate"/>.
/// </summary>
public static class EligibilityRules
{
    private static readonly TimeOnly MinorDayStart = new(6, 0);
    private static readonly TimeOnly MinorDayEnd = new(22, 0);
    private const double MinorMaxDailyHours = 8;
    private const double MinorMaxWeeklyHours = 35;

    /// <summary>Rule 6 accepts up to <c>maxTravelKm + 1e-6</c> km (matching.md): a decimal distance is not lost to binary rounding.</summary>
    public const double DistanceToleranceKm = 1e-6;

    /// <summary>Evaluates every rule (no short-cut), so that explanations can list them all.</summary>
    public static Evaluation Evaluate(MatchPerson person, MatchPost post, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(post);
        var broken = Rule.None;
        var minor = person.IsMinorOn(referenceDate);
        if (minor && (!post.AcceptsMinors || post.NightWork)) broken |= Rule.Minors;
        if (person.NoContactWithMinors && post.ContactWithMinors) broken |= Rule.ContactWithMinors;
        if (person.NoContactWithVulnerablePublic && post.VulnerablePublic) broken |= Rule.VulnerablePublic;
        if (person.ExcludedPartnerIds.Contains(post.PartnerId)) broken |= Rule.ExcludedPartner;
        if (person.ExclusionZones.Contains(post.Location)) broken |= Rule.ExclusionZone;
        var distance = person.Location.DistanceKmTo(post.Location);
        if (distance > person.MaxTravelKm + DistanceToleranceKm) broken |= Rule.Distance;
        if (post.RequiresDrivingLicence && !person.HasDrivingLicence) broken |= Rule.DrivingLicence;
        if (person.PublicTransportOnly && !post.NearPublicTransport) broken |= Rule.PublicTransport;
        if (post.PhysicalDemand > person.MaxPhysicalDemand) broken |= Rule.PhysicalDemand;
        if (person.NeedsWheelchairAccess && !post.WheelchairAccessible) broken |= Rule.Wheelchair;
        if (person.CoDefendantPartnerIds.Contains(post.PartnerId)) broken |= Rule.CoDefendant;
        var weekly = WeeklyHours(person.Availability, post.Schedule, post.MaxWeeklyHoursPerPerson, minor);
        var weeks = Weeks(referenceDate, person.Deadline, post.OpenFrom, post.OpenUntil);
        if (!(weekly > 0 && weekly * weeks >= person.HoursRemaining - 1e-9)) broken |= Rule.Schedule;
        return new Evaluation(broken, distance, weekly, weeks);
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
