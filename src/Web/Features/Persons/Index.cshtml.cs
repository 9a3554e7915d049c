using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Placement.Matching.Features.Persons;

namespace Placement.Web.Features.Persons;

/// <summary>Mes personnes: the caseload (<see cref="ListCaseload"/>, the use case of <c>GET /api/persons/caseload</c>).</summary>
public sealed class IndexModel(Caller caller, ListCaseload caseload) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "filtre")]
    public string? Filter { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public CaseloadPage Result { get; private set; } = new([], 0, 1, 20, Situations.Filters.ToDictionary(f => f, _ => 0));

    /// <summary>Everyone in the caller's scope: the situations partition the persons (« at risk » overlaps them).</summary>
    public int AllCount => Result.Counts.Where(c => c.Key != Situations.AtRisk).Sum(c => c.Value);

    public string Title => caller.IsOfficer ? "Mes personnes" : "Personnes suivies";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        Filter = string.IsNullOrWhiteSpace(Filter) ? null : Filter;
        Result = await caseload.HandleAsync(caller, new CaseloadQuery(Q, Filter, Paging.Clamp(PageNumber, 20), 20), ct);
    }

    public string FilterHref(string? filter)
    {
        var query = new Dictionary<string, string?>();
        if (Q is not null) query["q"] = Q;
        if (filter is not null) query["filtre"] = filter;
        return QueryHelpers.AddQueryString(Url.Page("/Persons/Index")!, query);
    }
}
