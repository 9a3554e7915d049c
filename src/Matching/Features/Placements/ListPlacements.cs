using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Audit;

namespace Placement.Matching.Features.Placements;

/// <summary>The placements of the persons an officer or coordinator sees, newest first (500 at most), by status if asked.</summary>
public sealed class ListPlacements(IMatchingStore store, PersonAudit audit) : IUseCase
{
    public const int Max = 500;

    public async Task<List<PlacementResponse>> HandleAsync(Caller caller, string? status, CancellationToken ct)
    {
        var placements = Filter(store.VisiblePlacements(caller).AsNoTracking(), status);
        var list = await placements.OrderByDescending(p => p.CreatedAt).Take(Max).ToListAsync(ct);
        await audit.ReadAsync(caller, "Liste des placements", [.. list.Select(p => p.PersonId)], ct);
        return list.Adapt<List<PlacementResponse>>(MatchingMappings.Config);
    }

    /// <summary>Keeps the placements of one status (kebab-case: <c>in-progress</c>), when given.</summary>
    internal static IQueryable<TigPlacement> Filter(IQueryable<TigPlacement> placements, string? status)
    {
        if (string.IsNullOrWhiteSpace(status)) return placements;
        var s = EnumNames.Parse<PlacementStatus>(status, "status");
        return placements.Where(p => p.Status == s);
    }
}
