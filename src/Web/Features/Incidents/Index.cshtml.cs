using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Matching.Features.Incidents;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Incidents;

/// <summary>
/// « À traiter »: the open incidents, oldest first, each with its decision form, and the closed ones (<see cref="ListIncidents"/>
/// and <see cref="DecideIncident"/>, the use cases of <c>GET /api/incidents</c> and <c>POST /api/incidents/{id}/decision</c>).
/// </summary>
public sealed class IndexModel(Caller caller, ListIncidents list, DecideIncident decide) : PageModel, IReloadsOnRefusal
{
    public sealed class DecisionForm
    {
        public Guid IncidentId { get; set; }
        public string? Action { get; set; }
        public string? FollowUp { get; set; }
        public string? Comment { get; set; }
    }

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public IReadOnlyList<IncidentResponse> Open { get; private set; } = [];

    public IReadOnlyList<IncidentResponse> Closed { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public Task OnGetAsync(CancellationToken ct) => ReloadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }
        var decided = await decide.HandleAsync(caller, Input.IncidentId, new IncidentDecisionRequest(Input.Action, Input.FollowUp, Input.Comment), ct);
        Notice = $"Décision enregistrée pour {decided.PersonName} : {decided.Decision!.Action.Label().ToLower(Labels.French)} ; "
            + (decided.Decision.FollowUp == Placement.Matching.Domain.PlacementFollowUp.Resume
                ? "le placement continue, les séances sont de nouveau planifiées."
                : "le placement prend fin.");
        return RedirectToPage();
    }

    /// <summary>The form the refused decision came from shows its errors; the others stay blank.</summary>
    public bool IsPosted(IncidentResponse incident) => Request.Method == "POST" && Input.IncidentId == incident!.Id;

    public string? Error(IncidentResponse incident, string field) =>
        IsPosted(incident) ? ViewData.ModelState[$"Input.{field}"]?.Errors.FirstOrDefault()?.ErrorMessage : null;

    public async Task ReloadAsync(CancellationToken ct)
    {
        Open = await list.HandleAsync(caller, "open", null, ct);
        Closed = [.. (await list.HandleAsync(caller, "closed", null, ct)).OrderByDescending(i => i.Decision?.DecidedAt ?? i.ReportedAt)];
    }

    public static string Age(int days) => days switch
    {
        <= 0 => "aujourd'hui",
        1 => "hier",
        _ => $"il y a {days} jours",
    };

    public static string KindBadge(Placement.Matching.Domain.IncidentKind kind) => kind switch
    {
        Placement.Matching.Domain.IncidentKind.Accident or Placement.Matching.Domain.IncidentKind.Danger => "fr-badge--error",
        Placement.Matching.Domain.IncidentKind.Behaviour or Placement.Matching.Domain.IncidentKind.Refusal => "fr-badge--warning",
        _ => "fr-badge--info",
    };
}
