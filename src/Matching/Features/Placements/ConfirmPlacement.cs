using Placement.Kernel.Notifications;
using Mapster;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Sessions;

namespace Placement.Matching.Features.Placements;

/// <summary>The host body's partner confirms it will welcome the person: its sessions are planned (<see cref="SessionPlanning"/>).</summary>
public sealed class ConfirmPlacement(IMatchingStore store, SessionPlanning planning, TimeProvider clock) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var placement = await GetPlacement.FindAsync(store, caller, id, ct);
        var now = clock.GetUtcNow();
        placement.Confirm(now);
        await planning.TopUpAsync(placement, caller.Who, ct); // its sessions, from tomorrow
        store.NotificationEvents.Add(new NotificationEvent(NotificationKind.PlacementConfirmed, now, placement.Id, placement.PostId, personId: placement.PersonId));
        await store.SaveChangesAsync(ct); // the change and its notification together
        return placement.Adapt<PlacementResponse>(MatchingMappings.Config);
    }
}
