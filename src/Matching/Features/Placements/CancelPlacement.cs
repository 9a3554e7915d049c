using Placement.Kernel.Notifications;
using Mapster;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Sessions;

namespace Placement.Matching.Features.Placements;

/// <summary>The SPIP (officer or coordinator of the person) cancels a placement, with a reason.</summary>
public sealed class CancelPlacement(IMatchingStore store, SessionPlanning planning, TimeProvider clock) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, Guid id, ReasonRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (caller.IsHostSideOnly) throw new ForbiddenException("Seul le SPIP annule un placement.");
        var placement = await GetPlacement.FindAsync(store, caller, id, ct);
        var now = clock.GetUtcNow();
        placement.Cancel(request.Reason ?? "", now);
        await planning.CancelComingAsync(placement.Id, "Placement annulé par le SPIP.", ct);
        store.NotificationEvents.Add(new NotificationEvent(NotificationKind.PlacementCancelled, now, placement.Id, placement.PostId, personId: placement.PersonId, detail: request.Reason));
        await store.SaveChangesAsync(ct); // the change and its notification together
        return placement.Adapt<PlacementResponse>(MatchingMappings.Config);
    }
}
