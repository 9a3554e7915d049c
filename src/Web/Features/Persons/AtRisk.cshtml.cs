using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Matching.Features.Persons;
using Placement.Web.Features.Shared;
using Placement.Web.Hosting;

namespace Placement.Web.Features.Persons;

/// <summary>
/// Personnes à risque across the caller's territory (<see cref="ListCaseload"/> with the <c>at-risk</c> filter, computed
/// now), sortable, and exported as .xlsx or CSV with the same rows.
/// </summary>
public sealed class AtRiskModel(Caller caller, ListCaseload caseload) : PageModel
{
    [FromQuery(Name = "tri")]
    public string Sort { get; set; } = "echeance";

    public IReadOnlyList<CaseloadItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await LoadAsync(ct);

    [RateLimited(RateLimitKind.Export)]

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => SpreadsheetExports.Xlsx(Rows(await LoadAsync(ct)), "personnes-a-risque");

    [RateLimited(RateLimitKind.Export)]

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => SpreadsheetExports.CsvFile(Rows(await LoadAsync(ct)), "personnes-a-risque");

    private async Task<IReadOnlyList<CaseloadItem>> LoadAsync(CancellationToken ct)
    {
        var all = await caseload.AllAsync(caller, null, Situations.AtRisk, ct);
        // « Échéance dépassée » first, whatever the sort.
        var passedFirst = all.OrderBy(p => p.Situation == Situations.DeadlinePassed ? 0 : 1);
        return Sort switch
        {
            "nom" => [.. passedFirst.ThenBy(p => p.LastName, StringComparer.Create(Labels.French, ignoreCase: true)).ThenBy(p => p.FirstName, StringComparer.Create(Labels.French, ignoreCase: true))],
            "heures" => [.. passedFirst.ThenByDescending(p => p.HoursRemaining)],
            _ => [.. passedFirst.ThenBy(p => p.EffectiveDeadline)],
        };
    }

    private static List<IDictionary<string, object?>> Rows(IReadOnlyList<CaseloadItem> items) =>
    [
        .. items.Select(p => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Nom"] = p.LastName,
            ["Prénom"] = p.FirstName,
            ["SPIP"] = p.Departement,
            ["Échéance"] = p.EffectiveDeadline.ToString("dd/MM/yyyy", Labels.French),
            ["Heures prononcées"] = p.HoursOrdered,
            ["Heures restantes"] = p.HoursRemaining,
            ["Risques"] = string.Join(" ; ", p.Risks),
        }),
    ];
}
