using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Posts;

/// <summary>
/// Edits a post (never a closed one) of a host body the caller may edit; a change of substance by a partner to a validated
/// post sends it back to the SPIP's validation (<see cref="Domain.Post.IsChangeOfSubstance"/>).
/// </summary>
public sealed class UpdatePost(ICatalogueStore store, CatalogueInputs inputs, TimeProvider clock) : IUseCase
{
    public async Task<PostResponse> HandleAsync(Caller caller, Guid id, PostFields input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var post = await store.Posts.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Poste");
        var hostBody = await store.HostBodies.AsNoTracking().FirstAsync(h => h.Id == post.HostBodyId, ct);
        if (!caller.CanEditHostBody(hostBody.Id, hostBody.Departement)) throw new ForbiddenException("Ce poste n'est pas dans votre périmètre.");
        var details = await inputs.PostAsync(PostAddress.WithDefault(input, hostBody), ct);
        await store.EnsureFreeAsync(hostBody.Id, details.Reference, post.Id, ct);
        post.Update(details, clock.GetUtcNow(), caller.CanValidate(post.Departement));
        await store.SaveChangesAsync(ct);
        return post.Adapt<PostResponse>(CatalogueMappings.Config);
    }
}
