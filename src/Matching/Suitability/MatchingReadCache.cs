using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Suitability;

/// <summary>
/// The matching view of posts and host bodies, parsed once and kept while their <c>UpdatedAt</c> stays the
/// same: person-aware search reads a thousand candidates per request, and parsing their stored
/// documents would dominate its latency. Entries are checked against the database on every use.
/// </summary>
public sealed class MatchingReadCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (DateTimeOffset Version, MatchPost Post)> _posts = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (DateTimeOffset Version, Habilitation Habilitation)> _hosts = new();

    public async Task<Dictionary<Guid, MatchPost>> PostsAsync(IMatchingStore store, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var heads = await store.Posts.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Status == PostStatus.Published)
            .Select(p => new { p.Id, p.UpdatedAt }).ToListAsync(ct);
        var stale = heads.Where(h => !(_posts.TryGetValue(h.Id, out var c) && c.Version == h.UpdatedAt)).Select(h => h.Id).ToList();
        if (stale.Count > 0)
            foreach (var post in await store.Posts.AsNoTracking().Where(p => stale.Contains(p.Id)).ToListAsync(ct))
                _posts[post.Id] = (post.UpdatedAt, post.ToMatchPost(post.Details.Capacity));
        return heads.ToDictionary(h => h.Id, h => _posts[h.Id].Post);
    }

    public async Task<Dictionary<Guid, Habilitation>> HabilitationsAsync(IMatchingStore store, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var heads = await store.HostBodies.AsNoTracking().Where(h => ids.Contains(h.Id)).Select(h => new { h.Id, h.UpdatedAt }).ToListAsync(ct);
        var stale = heads.Where(h => !(_hosts.TryGetValue(h.Id, out var c) && c.Version == h.UpdatedAt)).Select(h => h.Id).ToList();
        if (stale.Count > 0)
            foreach (var host in await store.HostBodies.AsNoTracking().Where(h => stale.Contains(h.Id)).ToListAsync(ct))
                _hosts[host.Id] = (host.UpdatedAt, host.Details.Habilitation);
        return heads.ToDictionary(h => h.Id, h => _hosts[h.Id].Habilitation);
    }
}
