using Mapster;
using Placement.Catalogue.Application;
using Placement.Matching.Contracts;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Placements;

/// <summary>The host body's partner declines a proposed placement, with a reason.</summary>
public sealed class DeclinePlacement(IMatchingStore store, TimeProvider clock) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, Guid id, ReasonRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var placement = await GetPlacement.FindAsync(store, caller, id, ct);
        placement.Decline(request.Reason ?? "", clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return placement.Adapt<PlacementResponse>(MatchingMappings.Config);
    }
}
