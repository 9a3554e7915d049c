using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Kernel.Notifications;
using Placement.Matching.Domain;
using Placement.Matching.Features.Sessions;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Incidents;

/// <summary>
/// The host's tutor reports an incident on a placement under way (<c>POST /api/placements/{id}/incidents</c>), and may suspend
/// the work at once: the placement is suspended and its coming sessions cancelled. The referent officer is told at once. The same
/// report sent again within <see cref="RetryWindow"/> is the same incident (a retry), not a second one.
/// </summary>
public sealed class ReportIncident(IMatchingStore store, SessionPlanning planning, IncidentViews views, ServiceCalendar calendar) : IUseCase
{
    public static readonly TimeSpan RetryWindow = TimeSpan.FromMinutes(10);

    public async Task<IncidentResponse> HandleAsync(Caller caller, Guid placementId, IncidentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!(caller.IsHostSide || caller.IsOfficer || caller.IsCoordinator)) throw new ForbiddenException("Un incident est signalé par la structure d'accueil ou le SPIP.");
        if (string.IsNullOrWhiteSpace(request.Kind)) throw FieldErrors.OneField("kind", "Ce champ est obligatoire.");
        var errors = new FieldErrors();
        var kind = errors.TryValue("kind", () => EnumNames.Parse<IncidentKind>(request.Kind, "kind"));
        var accident = request.Accident is { } a
            ? errors.Try("accident", () => new AccidentReport(a.OccurredAt ?? throw FieldErrors.OneField("accident.occurredAt", "Ce champ est obligatoire."),
                a.Place!, a.Circumstances!, a.Witnesses))
            : null;
        if (string.IsNullOrWhiteSpace(request.Description)) errors.Add("description", "Décrivez ce qui s'est passé.");
        errors.ThrowIfAny();

        var placement = await store.VisiblePlacements(caller).FirstOrDefaultAsync(p => p.Id == placementId, ct) ?? throw new NotFoundException("Placement");
        if (!(placement.IsUnderway || placement.Status == PlacementStatus.Suspended))
            throw new IllegalTransitionException("Placement", placement.Status.ToString(), "incident");
        var now = calendar.UtcNow;
        var description = request.Description!.Trim();
        var since = now - RetryWindow;
        var same = await store.Incidents.AsNoTracking().Where(i => i.PlacementId == placement.Id && i.Kind == kind!.Value && i.ReportedBy == caller.Who
            && i.Description == description).ToListAsync(ct);
        if (same.FirstOrDefault(i => i.ReportedAt >= since) is { } retried) return await views.OneAsync(caller, retried, ct);

        var incident = new Incident(Guid.NewGuid(), placement.Id, placement.PersonId, kind!.Value, description, request.Suspend, accident, caller.Who, automatic: false, now);
        store.Incidents.Add(incident);
        if (request.Suspend && placement.IsUnderway)
        {
            placement.Suspend($"Travail suspendu par la structure : {kind.Value.Label().ToLowerInvariant()}.", now);
            await planning.CancelComingAsync(placement.Id, "Travail suspendu après un incident.", ct);
        }
        store.NotificationEvents.Add(new NotificationEvent(NotificationKind.IncidentReported, now, placement.Id, placement.PostId, personId: placement.PersonId,
            detail: kind.Value.Label().ToLowerInvariant() + (request.Suspend ? ", travail suspendu" : "")));
        await store.SaveChangesAsync(ct); // the incident, the suspension and the officer's notification together
        return await views.OneAsync(caller, incident, ct);
    }
}
