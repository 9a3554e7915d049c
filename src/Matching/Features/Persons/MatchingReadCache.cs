using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Persons;

/// <summary>A published post as person-aware search reads it: the post and its matching view, its host body, the places taken.</summary>
public sealed record PostInReach(Post Entity, MatchPost Post, HostBody Host, int Taken);

/// <summary>
/// Posts (with their matching view) and host bodies as read from the database, kept until they change: person-aware
/// search reads every post within a person's travel distance per request, and reading and parsing their stored
/// documents — or even checking each one's version — would dominate its latency.
/// <para>
/// Changes are learnt from the database itself, not from any message: before each use, the posts and host bodies whose
/// <c>UpdatedAt</c> is later than the last check less <see cref="Overlap"/> are dropped from the cache (two indexed range
/// queries that return the few rows changed meanwhile). The overlap covers a write committed after a later one was seen
/// and the clocks of several nodes drifting apart: a change is missed only if its transaction took longer than that to
/// commit after stamping the row. The entities are shared between requests: read-only (never attached to a context).
/// Places taken are always read afresh.
/// </para>
/// </summary>
public sealed class MatchingReadCache(TimeProvider clock) : IDisposable
{
    /// <summary>How far back each check looks before the previous one.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, (Post Entity, MatchPost Post)> _posts = new();
    private readonly ConcurrentDictionary<Guid, HostBody> _hosts = new();
    private readonly SemaphoreSlim _checking = new(1, 1);
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>Those of <paramref name="ids"/> that are published, as they are in the database now, with their places taken.</summary>
    public async Task<List<PostInReach>> PostsAsync(IMatchingStore store, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ids);
        await ForgetChangedAsync(store, ct);
        var missing = ids.Where(id => !_posts.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (var post in await store.Posts.AsNoTracking().Where(p => EF.Parameter(missing).Contains(p.Id)).ToListAsync(ct))
                _posts[post.Id] = (post, post.ToMatchPost(post.Details.Capacity));
        var published = ids.Select(id => _posts.TryGetValue(id, out var p) ? p : default).Where(p => p.Entity?.Status == PostStatus.Published).ToList();
        var hostsMissing = published.Select(p => p.Entity.HostBodyId).Distinct().Where(h => !_hosts.ContainsKey(h)).ToList();
        if (hostsMissing.Count > 0)
            foreach (var host in await store.HostBodies.AsNoTracking().Where(h => EF.Parameter(hostsMissing).Contains(h.Id)).ToListAsync(ct))
                _hosts[host.Id] = host;
        var taken = await store.Placements.TakenByPostAsync(ids, ct);
        return [.. published.Where(p => _hosts.ContainsKey(p.Entity.HostBodyId))
            .Select(p => new PostInReach(p.Entity, p.Post, _hosts[p.Entity.HostBodyId], taken.GetValueOrDefault(p.Entity.Id)))];
    }

    /// <summary>Drops what changed since the last check (less the overlap); one check at a time, the others wait for it.</summary>
    private async Task ForgetChangedAsync(IMatchingStore store, CancellationToken ct)
    {
        await _checking.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow(); // before reading: what commits meanwhile is read again next time
            if (_checkedAt != DateTimeOffset.MinValue) // before the first check nothing is cached: nothing to forget
            {
                var since = _checkedAt - Overlap;
                foreach (var id in await store.Posts.AsNoTracking().Where(p => p.UpdatedAt > since).Select(p => p.Id).ToListAsync(ct)) _posts.TryRemove(id, out _);
                foreach (var id in await store.HostBodies.AsNoTracking().Where(h => h.UpdatedAt > since).Select(h => h.Id).ToListAsync(ct)) _hosts.TryRemove(id, out _);
            }
            if (now > _checkedAt) _checkedAt = now;
        }
        finally
        {
            _checking.Release();
        }
    }

    public void Dispose() => _checking.Dispose();
}
