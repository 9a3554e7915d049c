using Placement.Kernel.Notifications;
using Mapster;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Placements;

/// <summary>The host body's partner confirms it will welcome the person.</summary>
public sealed class ConfirmPlacement(IMatchingStore store, TimeProvider clock) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var placement = await GetPlacement.FindAsync(store, caller, id, ct);
        var now = clock.GetUtcNow();
        placement.Confirm(now);
        store.NotificationEvents.Add(new NotificationEvent(NotificationKind.PlacementConfirmed, now, placement.Id, placement.PostId, personId: placement.PersonId));
        await store.SaveChangesAsync(ct); // the change and its notification together
        return placement.Adapt<PlacementResponse>(MatchingMappings.Config);
    }
}
