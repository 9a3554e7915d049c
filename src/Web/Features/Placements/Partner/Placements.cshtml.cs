using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Matching.Domain;
using Placement.Matching.Features.Placements;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Placements.Partner;

/// <summary>The partner's placements (<see cref="ListPartnerPlacements"/>: first name and initial, never judicial data); confirm (<see cref="ConfirmPlacement"/>).</summary>
public sealed class PlacementsModel(Caller caller, ListPartnerPlacements list, ConfirmPlacement confirm) : PageModel, IReloadsOnRefusal
{
    public IReadOnlyList<PartnerPlacementView> Items { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        await confirm.HandleAsync(caller, id, ct);
        Notice = "Accueil confirmé : le SPIP en est informé. Renseignez la présence à chaque séance, ou depuis « Aujourd'hui ».";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        var all = await list.HandleAsync(caller, null, ct);
        // What needs an answer first, then what is under way, then the rest.
        Items = [.. all.OrderBy(p => p.Status switch { PlacementStatus.Proposed => 0, PlacementStatus.Confirmed => 1, PlacementStatus.InProgress => 2, _ => 3 })];
    }
}
