using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Audit;

namespace Placement.Matching.Features.Placements;

/// <summary>A partner's placements: those on its host body's posts, in the partner's view.</summary>
public sealed class ListPartnerPlacements(IMatchingStore store, PersonAudit audit, ServiceCalendar calendar) : IUseCase
{
    public async Task<List<PartnerPlacementView>> HandleAsync(Caller caller, string? status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsHostSideOnly) throw new ForbiddenException("Vue réservée aux structures d'accueil.");
        var placements = await ListPlacements.Filter(store.VisiblePlacements(caller).AsNoTracking(), status)
            .OrderByDescending(p => p.CreatedAt).Take(ListPlacements.Max).ToListAsync(ct);
        await audit.ReadAsync(caller, "Placements de la structure d'accueil", [.. placements.Select(p => p.PersonId)], ct);
        return await PartnerPlacements.ViewAsync(store, placements, calendar.Today, ct);
    }
}
