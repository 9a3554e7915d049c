using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Features.Posts;
using Placement.Matching.Domain;
using Placement.Matching.Features.Placements;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Placements.Partner;

/// <summary>Logs hours on a placement (<see cref="LogPlacementHours"/>, the use case of <c>POST /api/placements/{id}/hours</c>).</summary>
public sealed class HoursModel(Caller caller, GetPartnerPlacement get, GetPost getPost, LogPlacementHours log, ServiceCalendar calendar) : PageModel, IReloadsOnRefusal
{
    public sealed class HoursForm
    {
        public DateOnly? Date { get; set; }
        public double Hours { get; set; }
        public string? Tutor { get; set; }
        public string? Note { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public HoursForm Input { get; set; } = new();

    public PartnerPlacementView Placement { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        var post = await getPost.HandleAsync(caller, Placement.PostId, ct);
        Input = new HoursForm { Date = calendar.Today, Tutor = post.Tutor?.Name };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var done = await log.HandleAsync(caller, Id, new HoursRequest(Input.Date, Input.Hours, Input.Note, Input.Tutor), ct);
        Notice = done.Status == PlacementStatus.Completed
            ? "Heures enregistrées : la mesure est entièrement effectuée sur ce poste."
            : $"{Labels.Hours(Input.Hours)} enregistrées pour {Placement.PersonFirstName} {Placement.PersonInitial}.";
        return RedirectToPage("/Placements/Partner/Placements");
    }

    public async Task ReloadAsync(CancellationToken ct) => Placement = await get.HandleAsync(caller, Id, ct);
}
