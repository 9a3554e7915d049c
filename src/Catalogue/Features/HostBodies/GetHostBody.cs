using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.HostBodies;

/// <summary>One host body, if the caller may read it (<see cref="CatalogueScopes.VisibleHostBodies"/>).</summary>
public sealed class GetHostBody(ICatalogueStore store) : IUseCase
{
    public async Task<HostBodyResponse> HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var hostBody = await store.VisibleHostBodies(caller).AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hostBody is not null) return hostBody.Adapt<HostBodyResponse>(CatalogueMappings.Config);
        if (await store.HostBodies.AnyAsync(h => h.Id == id, ct)) throw new ForbiddenException("Cette structure d'accueil n'est pas la vôtre.");
        throw new NotFoundException("Structure d'accueil");
    }
}
