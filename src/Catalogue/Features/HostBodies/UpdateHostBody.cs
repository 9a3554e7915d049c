using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.HostBodies;

/// <summary>
/// Edits a host body. A partner edits its own but never changes its habilitation (the SPIP grants it) nor its
/// département (the SPIP's act), and a new address of its waits for the SPIP's review (<see cref="HostBody.UpdateByPartner"/>,
/// <see cref="DecideAddressChange"/>); the SPIP's own edits are in force at once.
/// </summary>
public sealed class UpdateHostBody(ICatalogueStore store, CatalogueInputs inputs, TimeProvider clock) : IUseCase
{
    public async Task<HostBodyResponse> HandleAsync(Caller caller, Guid id, HostBodyFields input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var hostBody = await store.HostBodies.FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException("Structure d'accueil");
        if (!caller.CanEditHostBody(id, hostBody.Departement)) throw new ForbiddenException("Cette structure d'accueil n'est pas dans votre périmètre.");
        var details = await inputs.HostBodyAsync(input, ct);
        if (!caller.CanEditHostBody(id, details.Address.Departement))
            throw new ForbiddenException($"Le département {details.Address.Departement} n'est pas dans votre périmètre.");
        if (!caller.CanValidate(details.Address.Departement) && details.Habilitation != hostBody.Details.Habilitation)
            throw new ForbiddenException("Seul le SPIP accorde ou modifie une habilitation.");
        if (caller.CanValidate(hostBody.Departement)) hostBody.Update(details, clock.GetUtcNow());
        else hostBody.UpdateByPartner(details, clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return hostBody.Adapt<HostBodyResponse>(CatalogueMappings.Config);
    }
}
