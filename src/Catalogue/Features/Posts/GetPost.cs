using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Posts;

/// <summary>One post, if the caller may read it (<see cref="CatalogueScopes.VisiblePosts"/>).</summary>
public sealed class GetPost(ICatalogueStore store) : IUseCase
{
    public async Task<PostResponse> HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var post = await store.VisiblePosts(caller).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (post is not null) return post.Adapt<PostResponse>(CatalogueMappings.Config);
        if (await store.Posts.AnyAsync(x => x.Id == id, ct)) throw new ForbiddenException("Ce poste n'est pas le vôtre.");
        throw new NotFoundException("Poste");
    }
}
