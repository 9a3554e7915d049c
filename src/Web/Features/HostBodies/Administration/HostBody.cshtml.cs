using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.HostBodies;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.HostBodies.Administration;

/// <summary>One host body's habilitation, renewed, suspended or withdrawn through <see cref="UpdateHostBody"/> (the use case of <c>PUT /api/host-bodies/{id}</c>).</summary>
public sealed class HostBodyModel(Caller caller, GetHostBody get, UpdateHostBody update) : PageModel, IReloadsOnRefusal
{
    public sealed class HabilitationForm
    {
        public string? Status { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidUntil { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public HabilitationForm Input { get; set; } = new();

    public HostBodyResponse HostBody { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    private static readonly string[] Statuses = ["habilitated", "pending", "suspended", "withdrawn"];

    public bool ByRight => HostBody.Habilitation?.Status == "by-right";

    public IEnumerable<SelectListItem> StatusItems => Statuses.Select(s => new SelectListItem(Labels.Habilitation(s), s));

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        Input = new HabilitationForm { Status = HostBody.Habilitation?.Status, ValidFrom = HostBody.Habilitation?.ValidFrom, ValidUntil = HostBody.Habilitation?.ValidUntil };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var fields = (HostBodyFields)HostBody with { Habilitation = new HabilitationDto { Status = Input.Status, ValidFrom = Input.ValidFrom, ValidUntil = Input.ValidUntil } };
        await update.HandleAsync(caller, Id, fields, ct);
        Notice = $"Habilitation enregistrée : {Labels.Habilitation(Input.Status).ToLowerInvariant()}.";
        return RedirectToPage("/HostBodies/Administration/HostBody", new { id = Id });
    }

    public async Task ReloadAsync(CancellationToken ct) => HostBody = await get.HandleAsync(caller, Id, ct);
}
