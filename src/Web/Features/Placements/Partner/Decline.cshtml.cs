using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Matching.Features.Placements;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Placements.Partner;

/// <summary>Declines a proposed placement with a reason (<see cref="DeclinePlacement"/>).</summary>
public sealed class DeclineModel(Caller caller, GetPartnerPlacement get, DeclinePlacement decline) : PageModel, IReloadsOnRefusal
{
    public sealed class ReasonForm
    {
        public string? Reason { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ReasonForm Input { get; set; } = new();

    public PartnerPlacementView Placement { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        await decline.HandleAsync(caller, Id, new ReasonRequest(Input.Reason), ct);
        Notice = "Placement décliné : le SPIP est informé de votre motif.";
        return RedirectToPage("/Placements/Partner/Placements");
    }

    public async Task ReloadAsync(CancellationToken ct) => Placement = await get.HandleAsync(caller, Id, ct);
}
