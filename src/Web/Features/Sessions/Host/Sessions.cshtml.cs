using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Matching.Features.Documents;
using Placement.Matching.Features.Incidents;
using Placement.Matching.Features.Sessions;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Sessions.Host;

/// <summary>
/// A placement's sessions on the host's side (<see cref="ListPlacementSessions"/>): attendance of the past ones
/// (<see cref="RecordAttendance"/>), a session added (<see cref="AddSession"/>), moved or cancelled (<see cref="ChangeSession"/>),
/// an incident reported (<see cref="ReportIncident"/>); its two documents for the host and, the hours complete, the tutor's
/// attestation (<see cref="AttestPlacement"/>).
/// </summary>
public sealed class SessionsModel(Caller caller, ListPlacementSessions list, RecordAttendance record, AddSession add, ChangeSession change,
    ReportIncident report, AttestPlacement attest, Placement.Kernel.ServiceCalendar calendar) : PageModel, IReloadsOnRefusal
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public SessionForm Input { get; set; } = new();

    public PlacementSessionsResponse Plan { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public string Person => $"{Plan.PersonFirstName} {Plan.PersonInitial}";

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostAttendanceAsync(CancellationToken ct)
    {
        Input.Form = "attendance";
        await ReloadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var done = await record.HandleAsync(caller, Input.SessionId, Input.Attendance(), ct);
        Notice = $"{SessionLabels.Label(done.Attendance!.Outcome)} enregistré pour la séance du {Labels.Date(done.Date)} : {SessionLabels.Credited(done.Attendance.HoursCredited).ToLowerInvariant()}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        Input.Form = "add";
        await ReloadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var added = await add.HandleAsync(caller, Id, new AddSessionRequest(Input.Date, Input.Start, Input.End), ct);
        Notice = $"Séance ajoutée le {Labels.Date(added.Date)}, {added.Start} – {added.End}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct)
    {
        Input.Form = Input.Cancelled ? "cancel" : "change";
        await ReloadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var changed = await change.HandleAsync(caller, Input.SessionId,
            new ChangeSessionRequest(Input.Date, Input.Start, Input.End, Input.Reason, Input.Cancelled), ct);
        Notice = Input.Cancelled
            ? $"Séance du {Labels.Date(changed.Date)} annulée : les heures sont reprogrammées après les séances à venir."
            : $"Séance déplacée au {Labels.Date(changed.Date)}, {changed.Start} – {changed.End}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostIncidentAsync(CancellationToken ct)
    {
        Input.Form = "incident";
        await ReloadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var incident = await report.HandleAsync(caller, Id, Input.Incident(calendar), ct);
        Notice = incident.Suspended
            ? "Incident signalé et travail suspendu : les séances à venir sont annulées et le CPIP est prévenu."
            : "Incident signalé : le CPIP référent est prévenu.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAttestAsync(CancellationToken ct)
    {
        Input.Form = "attest";
        await ReloadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var done = await attest.HandleAsync(caller, Id, new AttestationRequest { Name = Input.Name, Certify = Input.Certify }, ct);
        Notice = $"Heures attestées par {done.TutorName} : le placement est clos. Le relevé d'heures n° {done.Releve.Number} (version {done.Releve.Version}) porte l'attestation.";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Today = calendar.Today;
        Plan = await list.HandleAsync(caller, Id, ct);
    }
}
