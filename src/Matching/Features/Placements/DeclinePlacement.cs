using Placement.Kernel.Notifications;
using Mapster;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Placements;

/// <summary>The host body's partner declines a proposed placement, with a reason.</summary>
public sealed class DeclinePlacement(IMatchingStore store, TimeProvider clock) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, Guid id, ReasonRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var placement = await GetPlacement.FindAsync(store, caller, id, ct);
        var now = clock.GetUtcNow();
        placement.Decline(request.Reason ?? "", now);
        store.NotificationEvents.Add(new NotificationEvent(NotificationKind.PlacementDeclined, now, placement.Id, placement.PostId, personId: placement.PersonId, detail: request.Reason));
        await store.SaveChangesAsync(ct); // the change and its notification together
        return placement.Adapt<PlacementResponse>(MatchingMappings.Config);
    }
}
