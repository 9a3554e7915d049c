using Placement.Catalogue.Domain;
using Placement.Matching.Domain;

namespace Placement.Matching.Engine;

/// <summary>A post as the matching engine sees it (matching.md, « posts »). Ids are opaque strings.</summary>
public sealed record MatchPost(
    string Id,
    string PartnerId,
    string Activity,
    IReadOnlyList<string> Skills,
    GeoPoint Location,
    int Capacity,
    double MaxWeeklyHoursPerPerson,
    WeeklySchedule Schedule,
    DateOnly OpenFrom,
    DateOnly OpenUntil,
    bool AcceptsMinors,
    bool ContactWithMinors,
    bool VulnerablePublic,
    bool RequiresDrivingLicence,
    PhysicalDemand PhysicalDemand,
    bool NightWork,
    bool WheelchairAccessible,
    bool NearPublicTransport)
{
    /// <summary>The work exposes to particular risks (machines, products): a medical examination before it starts (R.623-14).</summary>
    public bool ParticularRisks { get; init; }

    /// <summary>The post is in a care establishment (immunisation, contamination risk): a medical examination before it starts (R.623-14).</summary>
    public bool CareSetting { get; init; }
}

/// <summary>A person as the matching engine sees it (matching.md, « persons »).</summary>
public sealed record MatchPerson(
    string Id,
    DateOnly BirthDate,
    GeoPoint Location,
    double MaxTravelKm,
    bool HasDrivingLicence,
    bool PublicTransportOnly,
    double HoursRemaining,
    DateOnly Deadline,
    WeeklySchedule Availability,
    IReadOnlyList<string> Skills,
    PhysicalDemand MaxPhysicalDemand,
    bool NeedsWheelchairAccess,
    bool NoContactWithMinors,
    bool NoContactWithVulnerablePublic,
    IReadOnlySet<string> ExcludedPartnerIds,
    IReadOnlySet<string> NoContactWithPersonIds,
    ExclusionZones ExclusionZones)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Rule 13 outside the instance: the partners (host bodies) where a co-defendant of this person — listed
    /// in either one's <see cref="NoContactWithPersonIds"/> — already holds an active placement.
    /// </summary>
    public IReadOnlySet<string> CoDefendantPartnerIds { get; init; } = None;

    /// <summary>Hours a week of the person's job, when they have one (R.623-16: job and TIG together within 35 + 12 hours); null: none.</summary>
    public double? WeeklyWorkHours { get; init; }

    /// <summary>
    /// A medical examination is required whatever the post: the officer's marker « situation de handicap / grossesse », or the SPIP
    /// director's requirement (R.623-14). Minors need one anyway.
    /// </summary>
    public bool MedicalExaminationRequired { get; init; }

    /// <summary>The officer has recorded the person « apte » after the medical examination: no examination is still to plan.</summary>
    public bool MedicallyFit { get; init; }

    /// <summary>Younger than 18 on <paramref name="date"/> (rule 1).</summary>
    public bool IsMinorOn(DateOnly date) => Domain.Age.IsMinorOn(BirthDate, date);
}

/// <summary>An existing placement kept as it is (rule 14).</summary>
public sealed record PinnedPair(string PersonId, string PostId);

public sealed record MatchingOptions(double TimeLimitSeconds = 10)
{
    public TimeSpan TimeLimit => TimeSpan.FromSeconds(TimeLimitSeconds);
}

/// <summary>A self-contained matching instance (matching.md), valid: ids unique, pinned pairs refer to known ids.</summary>
public sealed record MatchingInstance(
    DateOnly ReferenceDate,
    IReadOnlyList<MatchPost> Posts,
    IReadOnlyList<MatchPerson> Persons,
    IReadOnlyList<PinnedPair> Pinned,
    MatchingOptions Options);
