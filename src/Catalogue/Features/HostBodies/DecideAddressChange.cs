using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.HostBodies;

/// <summary>
/// The SPIP of the host body's département decides the new address its partner asked for (<see cref="Domain.HostBody.UpdateByPartner"/>):
/// accepted, it is in force (posts, maps and searches follow the host body's record as for any edit); refused, the address in force stays.
/// </summary>
public sealed class DecideAddressChange(ICatalogueStore store, TimeProvider clock) : IUseCase
{
    public async Task<HostBodyResponse> HandleAsync(Caller caller, Guid id, bool accept, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var hostBody = await store.HostBodies.FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException("Structure d'accueil");
        if (!caller.CanValidate(hostBody.Departement)) throw new ForbiddenException("Seul le SPIP du département décide d'un changement d'adresse.");
        if (accept) hostBody.AcceptProposedAddress(clock.GetUtcNow());
        else hostBody.RefuseProposedAddress(clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return hostBody.Adapt<HostBodyResponse>(CatalogueMappings.Config);
    }
}
