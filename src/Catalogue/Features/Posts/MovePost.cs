using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Posts;

/// <summary>
/// A lifecycle move of a post: submit, suspend, close by whoever may edit it; publish (inscription on the
/// departmental list) by the SPIP of its département only. An illegal move is refused by the post itself.
/// </summary>
public sealed class MovePost(ICatalogueStore store, TimeProvider clock) : IUseCase
{
    public async Task<PostResponse> HandleAsync(Caller caller, Guid id, PostAction action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var post = await store.Posts.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Poste");
        var allowed = action == PostAction.Publish ? caller.CanValidate(post.Departement) : caller.CanEditHostBody(post.HostBodyId, post.Departement);
        if (!allowed) throw new ForbiddenException("Ce poste n'est pas dans votre périmètre.");
        post.Move(action, clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return post.Adapt<PostResponse>(CatalogueMappings.Config);
    }
}
