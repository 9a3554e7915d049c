using Mapster;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.HostBodies;

/// <summary>Registers a host body: coordinators of its département and administrators.</summary>
public sealed class CreateHostBody(ICatalogueStore store, CatalogueInputs inputs, TimeProvider clock) : IUseCase
{
    public async Task<HostBodyResponse> HandleAsync(Caller caller, HostBodyFields input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var details = await inputs.HostBodyAsync(input, ct);
        if (!caller.CanValidate(details.Address.Departement))
            throw new ForbiddenException($"Le département {details.Address.Departement} n'est pas dans votre périmètre.");
        var hostBody = new HostBody(Guid.NewGuid(), details, clock.GetUtcNow());
        store.HostBodies.Add(hostBody);
        await store.SaveChangesAsync(ct);
        return hostBody.Adapt<HostBodyResponse>(CatalogueMappings.Config);
    }
}
