using Placement.Catalogue.Contracts;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>A rule (matching.md name), what it means in French, and how many posts (or persons) it concerns.</summary>
public sealed record RuleCount(string Rule, string Label, int Count);

/// <summary>
/// A person a run did not place, as the coordinator studies it: where they live, why (in French, with the rules that
/// blocked them and on how many posts), how far the nearest published post is, and what limits their choice.
/// </summary>
public sealed record UnplacedDetail(Guid PersonId, string PersonName, string CommuneInsee, string Commune, string Departement, string Reason,
    string ReasonLabel, IReadOnlyList<RuleCount> BlockingRules, double HoursRemaining, double MaxTravelKm, double? NearestPostKm,
    bool PublicTransportOnly, bool Minor, bool HasDrivingLicence);

/// <summary>How many persons fall in a group of the report (a reason, a distance band).</summary>
public sealed record GroupCount(string Label, int Persons);

/// <summary>Persons of an area free on a day: in the morning (before noon), the afternoon, the evening (after 18:00).</summary>
public sealed record DayNeed(string Day, int Mornings, int Afternoons, int Evenings);

/// <summary>An activity the skills of that many persons of an area fit (from the skills the catalogue's posts ask for).</summary>
public sealed record ActivityNeed(string Activity, int Persons);

/// <summary>
/// The unmet demand of one commune: its unplaced persons, and what posts would have placed them — the days and parts of
/// days they are free, the activities their skills fit, how many travel by public transport only, are minors or have no
/// driving licence, the hours they still owe, and the rules that blocked them most.
/// </summary>
public sealed record ShortageArea(string CommuneInsee, string Commune, string Departement, PointDto Location, int Persons,
    IReadOnlyList<DayNeed> Days, IReadOnlyList<ActivityNeed> Activities, int PublicTransportOnly, int Minors, int WithoutLicence,
    double HoursRemaining, IReadOnlyList<RuleCount> Blocking);

/// <summary>
/// The unplaced report of a run: each person with the reason, the persons by reason and by distance to the nearest
/// published post, and « Où manque-t-il des postes ? » — the unmet demand by commune, most persons first.
/// </summary>
public sealed record UnplacedReport(Guid RunId, int Persons, int Placed, IReadOnlyList<UnplacedDetail> Unplaced, IReadOnlyList<GroupCount> ByReason,
    IReadOnlyList<GroupCount> ByDistance, IReadOnlyList<ShortageArea> Areas);
