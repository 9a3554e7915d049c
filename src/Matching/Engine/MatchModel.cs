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
    bool NearPublicTransport);

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
