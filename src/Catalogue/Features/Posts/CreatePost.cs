using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Posts;

/// <summary>Creates a draft post for a host body the caller may edit; the address defaults to the host body's.</summary>
public sealed class CreatePost(ICatalogueStore store, CatalogueInputs inputs, TimeProvider clock) : IUseCase
{
    public async Task<PostResponse> HandleAsync(Caller caller, CreatePostRequest input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var hostBody = await store.HostBodies.AsNoTracking().FirstOrDefaultAsync(h => h.Id == input.HostBodyId, ct)
            ?? throw FieldErrors.OneField("hostBodyId", "Structure d'accueil inconnue.");
        if (!caller.CanEditHostBody(hostBody.Id, hostBody.Departement)) throw new ForbiddenException("Cette structure d'accueil n'est pas dans votre périmètre.");
        var details = await inputs.PostAsync(PostAddress.WithDefault<PostFields>(input, hostBody), ct);
        await store.EnsureFreeAsync(hostBody.Id, details.Reference, Guid.Empty, ct);
        var post = new Post(Guid.NewGuid(), hostBody.Id, details, clock.GetUtcNow());
        store.Posts.Add(post);
        await store.SaveChangesAsync(ct);
        return post.Adapt<PostResponse>(CatalogueMappings.Config);
    }
}
