using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Audit;

namespace Placement.Matching.Features.Placements;

/// <summary>One placement at the partner's host body, in the partner's view (no judicial data).</summary>
public sealed class GetPartnerPlacement(IMatchingStore store, PersonAudit audit, ServiceCalendar calendar) : IUseCase
{
    public async Task<PartnerPlacementView> HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsHostSideOnly) throw new ForbiddenException("Vue réservée aux structures d'accueil.");
        var placement = await store.VisiblePlacements(caller).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Placement");
        await audit.ReadAsync(caller, "Placement (vue de la structure d'accueil)", placement.PersonId, ct);
        return (await PartnerPlacements.ViewAsync(store, [placement], calendar.Today, ct))[0];
    }
}
