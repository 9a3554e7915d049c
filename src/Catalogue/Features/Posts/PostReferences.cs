using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Posts;

/// <summary>A partner's reference names one post of its host body: the rule shared by creating, editing and importing posts.</summary>
public static class PostReferences
{
    /// <summary>Refuses (400 on <c>reference</c>) a reference another post of the host body than <paramref name="postId"/> already carries.</summary>
    public static async Task EnsureFreeAsync(this ICatalogueStore store, Guid hostBodyId, string? reference, Guid postId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (reference is null) return;
        if (await store.Posts.AnyAsync(p => p.HostBodyId == hostBodyId && p.Reference == reference && p.Id != postId, ct))
            throw FieldErrors.OneField("reference", $"La référence {reference} est déjà celle d'un autre poste de la structure.");
    }
}
