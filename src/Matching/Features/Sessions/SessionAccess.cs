using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Sessions;

/// <summary>
/// Who reaches a placement's sessions: whoever sees the placement (<see cref="MatchingScopes.VisiblePlacements"/>: its host's
/// partner account and tutor, the officers and coordinators of the person); out of scope, it does not exist (404). Changing them:
/// the host side and the SPIP (officers, coordinators).
/// </summary>
internal static class SessionAccess
{
    public static async Task<TigPlacement> PlacementAsync(IMatchingStore store, Caller caller, Guid placementId, bool forChange, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (forChange) DemandActor(caller);
        return await store.VisiblePlacements(caller).FirstOrDefaultAsync(p => p.Id == placementId, ct) ?? throw new NotFoundException("Placement");
    }

    public static async Task<(WorkSession Session, TigPlacement Placement)> SessionAsync(IMatchingStore store, Caller caller, Guid sessionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        DemandActor(caller);
        var placements = store.VisiblePlacements(caller);
        var session = await store.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId && placements.Any(p => p.Id == s.PlacementId), ct)
            ?? throw new NotFoundException("Séance");
        return (session, await placements.FirstAsync(p => p.Id == session.PlacementId, ct));
    }

    private static void DemandActor(Caller caller)
    {
        if (!(caller.IsHostSide || caller.IsOfficer || caller.IsCoordinator))
            throw new ForbiddenException("Les séances sont tenues par la structure d'accueil et le SPIP.");
    }

    /// <summary>« HH:MM », the field named when it is not.</summary>
    public static TimeOnly Time(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) throw FieldErrors.OneField(field, "Ce champ est obligatoire.");
        return Placement.Catalogue.Domain.TimeWindow.ParseTime(text.Trim(), field);
    }
}
