using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Persistence;

/// <summary>
/// The scope rule of each catalogue resource, written once and used by its list and its get alike:
/// officers, coordinators and administrators read the whole catalogue; a partner reads its own host
/// body and its posts only (another one answers 403: the catalogue is not secret, only not theirs).
/// </summary>
public static class CatalogueScopes
{
    public static IQueryable<HostBody> VisibleHostBodies(this ICatalogueStore store, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsPartnerOnly) return store.HostBodies.Where(h => h.Id == caller.HostBodyId);
        return caller.Roles == CallerRoles.None ? store.HostBodies.Where(h => false) : store.HostBodies;
    }

    public static IQueryable<Post> VisiblePosts(this ICatalogueStore store, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsPartnerOnly) return store.Posts.Where(p => p.HostBodyId == caller.HostBodyId);
        return caller.Roles == CallerRoles.None ? store.Posts.Where(p => false) : store.Posts;
    }
}
