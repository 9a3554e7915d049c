using Placement.Kernel.Notifications;
using Mapster;
using Placement.Matching.Persistence;
using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;
using Placement.Matching.Features.Sessions;

namespace Placement.Matching.Features.Placements;

/// <summary>The host body's partner confirms it will welcome the person: its sessions are planned (<see cref="SessionPlanning"/>).</summary>
public sealed class ConfirmPlacement(IMatchingStore store, SessionPlanning planning, TimeProvider clock, ServiceCalendar calendar) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var placement = await GetPlacement.FindAsync(store, caller, id, ct);
        var now = clock.GetUtcNow();
        var person = await store.Persons.AsNoTracking().FirstAsync(p => p.Id == placement.PersonId, ct);
        var post = await store.Posts.AsNoTracking().FirstAsync(p => p.Id == placement.PostId, ct);
        if (placement.Status == PlacementStatus.Proposed) MedicalCheck.EnsureCleared(person, post, calendar.DayOf(now)); // R.623-14
        placement.Confirm(now);
        await planning.TopUpAsync(placement, caller.Who, ct); // its sessions, from tomorrow
        store.NotificationEvents.Add(new NotificationEvent(NotificationKind.PlacementConfirmed, now, placement.Id, placement.PostId, personId: placement.PersonId));
        await store.SaveChangesAsync(ct); // the change and its notification together
        return placement.Adapt<PlacementResponse>(MatchingMappings.Config);
    }
}
