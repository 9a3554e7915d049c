using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Features.Activities;
using Placement.Matching.Features.AssignmentRuns;
using Placement.Web.Features.Shared;
using Placement.Web.Hosting;

namespace Placement.Web.Features.AssignmentRuns;

/// <summary>
/// Non placés and « Où manque-t-il des postes ? » for one run (<see cref="GetUnplacedReport"/>): the persons and why, two
/// charts (by reason, by distance to the nearest published post), the unmet demand by commune on a map and in a table,
/// and the report as spreadsheets.
/// </summary>
public sealed class UnplacedModel(Caller caller, GetRun getRun, GetUnplacedReport report, ActivityVocabulary activities) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public RunResponse Run { get; private set; } = null!;
    public UnplacedReport Report { get; private set; } = null!;
    public MapModel Map { get; private set; } = null!;

    /// <summary>The two charts' data, read by <c>graphiques.js</c>; the tables beside them say the same for those who do not see them.</summary>
    public string ChartsJson => ScriptJson.Serialize(new
    {
        reasons = new { labels = Report.ByReason.Select(r => r.Label), values = Report.ByReason.Select(r => r.Persons) },
        distances = new { labels = Report.ByDistance.Select(r => r.Label), values = Report.ByDistance.Select(r => r.Persons) },
    });

    public async Task OnGetAsync(CancellationToken ct)
    {
        Run = await getRun.HandleAsync(caller, Id, ct);
        Report = await report.HandleAsync(caller, Id, ct);
        Map = new MapModel("carte-manques", "Carte : les communes où des personnes n'ont pas trouvé de poste ; la taille du cercle suit leur nombre")
        {
            Departements = Run.Departements,
            Areas = [.. Report.Areas.Select(a => new MapModel.Area(a.Location.Lat, a.Location.Lon, a.Persons,
                $"{a.Commune} ({a.Departement})", [$"{a.Persons} {Plural.Of(a.Persons, "personne", "personnes")} sans poste", .. Needs(a)]))],
        };
    }

    [RateLimited(RateLimitKind.Export)]

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => SpreadsheetExports.Xlsx(await RowsAsync(ct), $"non-places-{Id:N}");

    [RateLimited(RateLimitKind.Export)]

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => SpreadsheetExports.CsvFile(await RowsAsync(ct), $"non-places-{Id:N}");

    /// <summary>What would have placed the persons of an area, in short lines.</summary>
    public IEnumerable<string> Needs(ShortageArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var days = area.Days.Where(d => d.Mornings + d.Afternoons + d.Evenings > 0).OrderByDescending(d => Math.Max(d.Mornings, Math.Max(d.Afternoons, d.Evenings))).Take(3)
            .Select(d => $"{Labels.Day(d.Day).ToLowerInvariant()} {Parts(d)}").ToList();
        if (days.Count > 0) yield return "Libres surtout : " + string.Join(", ", days);
        if (area.Activities.Count > 0) yield return "Compétences pour : " + string.Join(", ", area.Activities.Take(3).Select(a => activities.Label(a.Activity).ToLowerInvariant()));
        if (area.PublicTransportOnly > 0) yield return $"{area.PublicTransportOnly} en transports en commun seulement";
        if (area.Minors > 0) yield return $"{area.Minors} {Plural.Of(area.Minors, "mineur", "mineurs")}";
    }

    public static string Parts(DayNeed day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var parts = new List<string>();
        if (day.Mornings > 0) parts.Add($"matin ({day.Mornings})");
        if (day.Afternoons > 0) parts.Add($"après-midi ({day.Afternoons})");
        if (day.Evenings > 0) parts.Add($"soir ({day.Evenings})");
        return string.Join(", ", parts);
    }

    private async Task<IReadOnlyList<IDictionary<string, object?>>> RowsAsync(CancellationToken ct)
    {
        var data = await report.HandleAsync(caller, Id, ct);
        return [.. data.Unplaced.Select(u => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Personne"] = u.PersonName,
            ["Commune"] = u.Commune,
            ["Département"] = u.Departement,
            ["Motif"] = u.ReasonLabel,
            ["Règles bloquantes (postes)"] = string.Join(" ; ", u.BlockingRules.Select(r => $"{r.Label} ({r.Count})")),
            ["Heures restantes"] = u.HoursRemaining,
            ["Distance maximale (km)"] = u.MaxTravelKm,
            ["Poste publié le plus proche (km)"] = u.NearestPostKm,
            ["Transports en commun seulement"] = u.PublicTransportOnly ? "oui" : "non",
            ["Mineur"] = u.Minor ? "oui" : "non",
            ["Permis B"] = u.HasDrivingLicence ? "oui" : "non",
        })];
    }
}
