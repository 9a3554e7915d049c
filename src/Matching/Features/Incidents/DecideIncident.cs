using Placement.Matching.Features.Documents;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Kernel.Notifications;
using Placement.Matching.Domain;
using Placement.Matching.Features.Sessions;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Incidents;

/// <summary>
/// The officer decides an open incident (<c>POST /api/incidents/{id}/decision</c>): a note only, a reminder to the person, a
/// convocation or a report to the JAP; then the placement goes on — resumed, with its sessions planned again, if it was
/// suspended — or ends (cancelled with the decision as its reason, its coming sessions cancelled, the host told).
/// </summary>
public sealed class DecideIncident(IMatchingStore store, IncidentViews views, SessionPlanning planning, DocumentArchive archive, ServiceCalendar calendar) : IUseCase
{
    public async Task<IncidentResponse> HandleAsync(Caller caller, Guid id, IncidentDecisionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!(caller.IsOfficer || caller.IsCoordinator)) throw new ForbiddenException("L'officier de probation décide des suites d'un incident.");
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Action)) errors.Add("action", "Ce champ est obligatoire.");
        if (string.IsNullOrWhiteSpace(request.FollowUp)) errors.Add("followUp", "Ce champ est obligatoire.");
        errors.ThrowIfAny();
        var action = errors.TryValue("action", () => EnumNames.Parse<IncidentAction>(request.Action, "action"));
        var followUp = errors.TryValue("followUp", () => EnumNames.Parse<PlacementFollowUp>(request.FollowUp, "followUp"));
        errors.ThrowIfAny();

        var incident = await views.Visible(caller).FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("Incident");
        var placement = await store.Placements.FirstAsync(p => p.Id == incident.PlacementId, ct);
        var now = calendar.UtcNow;
        incident.Decide(new IncidentDecision(action!.Value, followUp!.Value, request.Comment, caller.Who, now));
        if (followUp == PlacementFollowUp.Resume && placement.Status == PlacementStatus.Suspended)
        {
            placement.Resume(now);
            await planning.TopUpAsync(placement, caller.Who, ct);
        }
        else if (followUp == PlacementFollowUp.End && placement.IsActive)
        {
            var reason = $"Fin du placement décidée après un incident ({incident.Kind.Label().ToLowerInvariant()})."
                + (string.IsNullOrWhiteSpace(request.Comment) ? "" : " " + request.Comment.Trim());
            placement.Cancel(reason.Length > 500 ? reason[..500] : reason, now);
            await planning.CancelComingAsync(placement.Id, "Fin du placement.", ct);
            store.NotificationEvents.Add(new NotificationEvent(NotificationKind.PlacementCancelled, now, placement.Id, placement.PostId, personId: placement.PersonId,
                detail: "fin décidée après un incident"));
        }
        await store.SaveChangesAsync(ct);
        if (action == IncidentAction.ReportToJudge) // its report, issued once the decision is kept (the officer may issue it again from the person)
        {
            var departement = await store.Persons.Where(p => p.Id == incident.PersonId).Select(p => p.Departement).FirstAsync(ct);
            await archive.IssueAsync(DocumentKind.RapportIncident, new DocumentSubject(incident.PersonId, incident.PlacementId, incident.Id), departement, caller, ct);
        }
        return await views.OneAsync(caller, incident, ct);
    }
}
