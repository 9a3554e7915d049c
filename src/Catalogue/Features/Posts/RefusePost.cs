using Placement.Kernel.Notifications;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Posts;

/// <summary>The SPIP of the post's département refuses a post submitted for validation: back to draft, with the reason.</summary>
public sealed class RefusePost(ICatalogueStore store, TimeProvider clock) : IUseCase
{
    public async Task<PostResponse> HandleAsync(Caller caller, Guid id, RefusalRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var post = await store.Posts.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Poste");
        if (!caller.CanValidate(post.Departement)) throw new ForbiddenException("La validation des postes de ce département n'est pas de votre ressort.");
        var now = clock.GetUtcNow();
        post.Refuse(request.Reason ?? "", now);
        store.NotificationEvents.Add(new NotificationEvent(NotificationKind.PostRefused, now, postId: post.Id, hostBodyId: post.HostBodyId, detail: request.Reason));
        await store.SaveChangesAsync(ct); // the refusal and its notification together
        return post.Adapt<PostResponse>(CatalogueMappings.Config);
    }
}
