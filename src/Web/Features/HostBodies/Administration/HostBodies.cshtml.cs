using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.HostBodies;
using Placement.Catalogue.Features.Posts;

namespace Placement.Web.Features.HostBodies.Administration;

/// <summary>Structures d'accueil: every host body (<see cref="ListHostBodies"/>) by name and département, with its habilitation.</summary>
public sealed class HostBodiesModel(Caller caller, ListHostBodies list) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "departement")]
    public string? Departement { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public PagedResult<HostBodyResponse> Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await list.HandleAsync(caller, new ListHostBodiesQuery(Departement, Paging.Clamp(PageNumber, 20), 20, Q), ct);
}
