using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Audit;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>
/// The unplaced report of a run the caller sees, and where posts are missing. Distances and the activities skills fit are
/// read from the posts published today in the run's départements (a person near a border may have a closer post beyond it).
/// </summary>
public sealed class GetUnplacedReport(IMatchingStore store, PersonAudit audit, FranceGeography geography) : IUseCase
{
    /// <summary>The distance bands of the report, upper bounds in km.</summary>
    private static readonly (double Max, string Label)[] Bands =
        [(5, "moins de 5 km"), (10, "5 à 10 km"), (20, "10 à 20 km"), (30, "20 à 30 km"), (50, "30 à 50 km"), (double.PositiveInfinity, "plus de 50 km")];

    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly TimeOnly Noon = new(12, 0);
    private static readonly TimeOnly Evening = new(18, 0);

    public async Task<UnplacedReport> HandleAsync(Caller caller, Guid runId, CancellationToken ct)
    {
        var run = await GetRun.FindAsync(store, caller, runId, ct);
        var rows = await store.Unplaced.AsNoTracking().Where(u => u.RunId == runId).ToListAsync(ct);
        var ids = rows.Select(u => u.PersonId).ToList();
        var persons = await store.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Profile, ct);
        await audit.ReadAsync(caller, $"Rapport des non placés du calcul {runId}", persons.Keys, ct);
        var departements = run.Departements.ToList();
        var posts = await store.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published && departements.Contains(p.Departement))
            .Select(p => p.Details).ToListAsync(ct);
        var activitiesBySkill = posts.SelectMany(p => p.Skills.Select(s => (Skill: s, p.Activity))).GroupBy(x => x.Skill, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Activity).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var details = rows.Where(u => persons.ContainsKey(u.PersonId)).Select(u =>
        {
            var person = persons[u.PersonId];
            var nearest = posts.Count == 0 ? (double?)null : posts.Min(p => person.Home.Location.DistanceKmTo(p.Place.Location));
            var commune = geography.Commune(person.Home.CommuneInsee);
            return new UnplacedDetail(u.PersonId, $"{person.FirstName} {person.LastName}", person.Home.CommuneInsee, commune?.Name ?? person.Home.CommuneInsee,
                person.Home.Departement, u.Reason, ReasonLabel(u), Blocking(u.BlockingRules), person.Hours.Remaining, person.Mobility.MaxTravelKm,
                nearest is { } km ? Math.Round(km, 1) : null, person.Mobility.PublicTransportOnly, person.IsMinorOn(run.ReferenceDate), person.Mobility.HasDrivingLicence);
        }).OrderBy(d => d.Commune, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ThenBy(d => d.PersonName, StringComparer.Ordinal).ToList();

        var byReason = details.GroupBy(d => d.ReasonLabel).Select(g => new GroupCount(g.Key, g.Count())).OrderByDescending(g => g.Persons).ToList();
        // Each person in the first band whose upper bound is beyond their nearest post; every band listed, empty ones too.
        var band = details.Where(d => d.NearestPostKm is not null).ToLookup(d => Bands.First(b => d.NearestPostKm < b.Max).Label);
        var byDistance = Bands.Select(b => new GroupCount(b.Label, band[b.Label].Count())).ToList();
        if (details.Any(d => d.NearestPostKm is null)) byDistance.Add(new GroupCount("aucun poste publié", details.Count(d => d.NearestPostKm is null)));

        var areas = details.GroupBy(d => d.CommuneInsee).Select(g =>
        {
            var profiles = g.Select(d => persons[d.PersonId]).ToList();
            var at = geography.Commune(g.Key)?.Location ?? profiles[0].Home.Location;
            return new ShortageArea(g.Key, g.First().Commune, g.First().Departement, new PointDto { Lat = at.Latitude, Lon = at.Longitude }, g.Count(),
                Days(profiles), Activities(profiles, activitiesBySkill), g.Count(d => d.PublicTransportOnly), g.Count(d => d.Minor), g.Count(d => !d.HasDrivingLicence),
                g.Sum(d => d.HoursRemaining), [.. g.SelectMany(d => d.BlockingRules).GroupBy(r => (r.Rule, r.Label))
                    .Select(r => new RuleCount(r.Key.Rule, r.Key.Label, r.Count())).OrderByDescending(r => r.Count).Take(3)]);
        }).OrderByDescending(a => a.Persons).ThenBy(a => a.Commune, StringComparer.Ordinal).ToList();

        return new UnplacedReport(run.Id, run.Persons, run.Placed, details, byReason, byDistance, areas);
    }


    /// <summary>The rules that blocked a person, most posts first (a person counts once per rule in an area's figures).</summary>
    private static List<RuleCount> Blocking(IReadOnlyDictionary<string, int>? rules) =>
        [.. (rules ?? new Dictionary<string, int>()).Where(r => r.Value > 0).OrderByDescending(r => r.Value)
            .Select(r => new RuleCount(r.Key, RuleLabel(r.Key), r.Value))];

    private static string RuleLabel(string name) =>
        RuleNames.All.Where(r => RuleNames.Name(r) == name).Select(RuleNames.Label).FirstOrDefault() ?? name;

    /// <summary>
    /// Why, in words an officer uses: posts taken, co-defendants, or no compatible post — then named by the rule that excluded
    /// the most posts, distance aside (most posts of a territory are always too far: the obstacle among the others says more).
    /// </summary>
    private static string ReasonLabel(UnplacedPerson u) => u.Reason switch
    {
        UnassignedReasons.Capacity => "Postes compatibles déjà pris",
        UnassignedReasons.Conflict => "Conflit entre coauteurs",
        UnassignedReasons.Completed => "Plus d'heures à effectuer",
        UnassignedReasons.NotExamined => "Non examiné : temps de calcul écoulé",
        UnassignedReasons.NoEligiblePost => Blocking(u.BlockingRules) switch
        {
            [] => "Aucun poste publié à portée",
            var rules => "Aucun poste compatible : " + (rules.FirstOrDefault(r => r.Rule != RuleNames.Name(Rule.Distance)) ?? rules[0]).Label,
        },
        var other => other,
    };

    private static List<DayNeed> Days(IReadOnlyList<PersonProfile> persons) =>
        [.. Week.Select(day =>
        {
            var windows = persons.Select(p => p.Availability.Where(w => w.Day == day).ToList()).ToList();
            return new DayNeed(TimeWindow.DayCode(day),
                windows.Count(ws => ws.Any(w => w.Start < Noon)),
                windows.Count(ws => ws.Any(w => w.Start < Evening && w.End > Noon)),
                windows.Count(ws => ws.Any(w => w.End > Evening)));
        })];

    private static List<ActivityNeed> Activities(IReadOnlyList<PersonProfile> persons, Dictionary<string, HashSet<string>> activitiesBySkill) =>
        [.. persons.SelectMany(p => p.Skills.SelectMany(s => activitiesBySkill.TryGetValue(s, out var a) ? a : []).Distinct())
            .GroupBy(a => a).Select(g => new ActivityNeed(g.Key, g.Count())).OrderByDescending(a => a.Persons).ThenBy(a => a.Activity, StringComparer.Ordinal)];
}
