using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Suitability;

/// <summary>A published post as person-aware search reads it: the post and its matching view, its host body, the places taken.</summary>
public sealed record PostInReach(Post Entity, MatchPost Post, HostBody Host, int Taken);

/// <summary>
/// Posts (with their matching view) and host bodies, read once and kept while their <c>UpdatedAt</c> stays the
/// same: person-aware search reads every post within a person's travel distance per request, and parsing their
/// stored documents would dominate its latency. Entries are checked against the database on every use — in
/// one query with the places taken — and only the stale ones are read again. The entities are shared between
/// requests: read-only (never attached to a context).
/// </summary>
public sealed class MatchingReadCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (DateTimeOffset Version, Post Entity, MatchPost Post)> _posts = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (DateTimeOffset Version, HostBody Host)> _hosts = new();

    /// <summary>Those of <paramref name="ids"/> that are published, as they are in the database now.</summary>
    public async Task<List<PostInReach>> PostsAsync(IMatchingStore store, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var heads = await store.Posts.AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.Id) && p.Status == PostStatus.Published)
            .Join(store.HostBodies, p => p.HostBodyId, h => h.Id, (p, h) => new
            {
                p.Id, p.UpdatedAt, HostId = h.Id, HostUpdatedAt = h.UpdatedAt,
                Taken = store.Placements.Active().Count(a => a.PostId == p.Id),
            })
            .ToListAsync(ct);
        var stalePosts = heads.Where(h => !(_posts.TryGetValue(h.Id, out var c) && c.Version == h.UpdatedAt)).Select(h => h.Id).ToList();
        if (stalePosts.Count > 0)
            foreach (var post in await store.Posts.AsNoTracking().Where(p => stalePosts.Contains(p.Id)).ToListAsync(ct))
                _posts[post.Id] = (post.UpdatedAt, post, post.ToMatchPost(post.Details.Capacity));
        var staleHosts = heads.Where(h => !(_hosts.TryGetValue(h.HostId, out var c) && c.Version == h.HostUpdatedAt)).Select(h => h.HostId).Distinct().ToList();
        if (staleHosts.Count > 0)
            foreach (var host in await store.HostBodies.AsNoTracking().Where(h => staleHosts.Contains(h.Id)).ToListAsync(ct))
                _hosts[host.Id] = (host.UpdatedAt, host);
        return [.. heads.Select(h => new PostInReach(_posts[h.Id].Entity, _posts[h.Id].Post, _hosts[h.HostId].Host, h.Taken))];
    }
}
