using NetTopologySuite.Geometries;
using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

/// <summary>
/// Judicial obligations turned into exclusions: no contact with minors or a vulnerable public,
/// excluded host bodies, co-defendants / victims never at the same host, and exclusion zones.
/// </summary>
public sealed record JudicialRestrictions(
    bool NoContactWithMinors,
    bool NoContactWithVulnerablePublic,
    IReadOnlyList<Guid> ExcludedHostBodyIds,
    IReadOnlyList<Guid> NoContactWithPersonIds,
    ExclusionZones ExclusionZones)
{
    public static JudicialRestrictions None { get; } = new(false, false, [], [], ExclusionZones.None);

    public static JudicialRestrictions Create(bool noContactWithMinors, bool noContactWithVulnerablePublic,
        IEnumerable<Guid> excludedHostBodyIds, IEnumerable<Guid> noContactWithPersonIds, IEnumerable<Geometry> exclusionZones) =>
        new(noContactWithMinors, noContactWithVulnerablePublic,
            [.. excludedHostBodyIds.Distinct().Order()], [.. noContactWithPersonIds.Distinct().Order()], new ExclusionZones(exclusionZones));

    public bool IsInExclusionZone(GeoPoint point) => ExclusionZones.Contains(point);

    /// <summary>The same obligations, with <paramref name="persons"/> among the persons never to meet.</summary>
    public JudicialRestrictions WithNoContact(IEnumerable<Guid> persons) =>
        this with { NoContactWithPersonIds = [.. NoContactWithPersonIds.Concat(persons).Distinct().Order()] };

    public bool Equals(JudicialRestrictions? other) =>
        other is not null && NoContactWithMinors == other.NoContactWithMinors && NoContactWithVulnerablePublic == other.NoContactWithVulnerablePublic
        && ExcludedHostBodyIds.SequenceEqual(other.ExcludedHostBodyIds) && NoContactWithPersonIds.SequenceEqual(other.NoContactWithPersonIds)
        && ExclusionZones.Equals(other.ExclusionZones);
    public override int GetHashCode() => HashCode.Combine(NoContactWithMinors, NoContactWithVulnerablePublic, ExcludedHostBodyIds.Count, NoContactWithPersonIds.Count, ExclusionZones.Count);
}
