using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Search;
using Placement.Matching.Assignment;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Suitability;

/// <summary>A post that suits the person: its score, its parts explained in French, and where it is.</summary>
public sealed record SuitablePost(Post Post, HostBody HostBody, int Score, double DistanceKm, int FreePlaces, IReadOnlyList<ScorePart> Parts);

/// <summary>
/// The answer to « which posts suit this person? »: eligible posts with free places, best first, and
/// how many nearby posts each rule excluded (plus those full, and those where a co-defendant works).
/// </summary>
public sealed record SuitablePostsResult(IReadOnlyList<SuitablePost> Posts, int Candidates, IReadOnlyDictionary<string, int> ExcludedByRule, int Full, int CoDefendant)
{
    /// <summary>« 12 postes exclus : zone d'interdiction de paraître », one line per reason, most first.</summary>
    public IReadOnlyList<string> Summary =>
    [
        .. RuleNames.All.Where(r => ExcludedByRule.ContainsKey(RuleNames.Name(r)))
            .Select(r => (Count: ExcludedByRule[RuleNames.Name(r)], Label: RuleNames.Label(r)))
            .Append((Count: Full, Label: "poste complet"))
            .Append((Count: CoDefendant, Label: "co-auteur ou victime déjà placé dans la structure"))
            .Where(x => x.Count > 0)
            .OrderByDescending(x => x.Count)
            .Select(x => $"{x.Count} {(x.Count > 1 ? "postes exclus" : "poste exclu")} : {x.Label}"),
    ];
}

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

/// <summary>
/// Person-aware search: the index yields the posts around the person's home within their travel
/// distance (and matching the text), then the matching rules — the same code as the solver — keep the
/// eligible ones with free places and rank them by the quality score.
/// </summary>
public sealed class SuitablePosts(IPostSearchIndex index, IMatchingStore store, MatchingReadCache cache, TimeProvider clock)
{
    /// <summary>How many nearby posts the index hands to the rules at most (nearest first without text).</summary>
    public const int MaxCandidates = 1000;

    public async Task<SuitablePostsResult> FindAsync(Person person, string? text, int limit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var who = person.ToMatchPerson();
        var nearby = await index.SearchAsync(new PostSearchQuery
        {
            Text = text,
            Center = who.Location,
            RadiusKm = who.MaxTravelKm,
            PageSize = MaxCandidates,
        }, ct);
        var ids = nearby.Hits.Select(h => h.PostId).ToList();
        var posts = await cache.PostsAsync(store, ids, ct);
        var habilitations = await cache.HabilitationsAsync(store, posts.Values.Select(p => Guid.Parse(p.PartnerId)).Distinct().ToList(), ct);
        var taken = await store.Placements.Active()
            .Where(p => ids.Contains(p.PostId))
            .GroupBy(p => p.PostId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var codefendants = person.Profile.Restrictions.NoContactWithPersonIds.ToList();
        var barredHosts = codefendants.Count == 0 ? [] : (await store.Placements.Active()
            .Where(p => codefendants.Contains(p.PersonId))
            .Join(store.Posts, p => p.PostId, q => q.Id, (p, q) => q.HostBodyId).ToListAsync(ct)).ToHashSet();

        var suitable = new List<(Guid Id, Guid Host, int Score, double Distance, int Free, IReadOnlyList<ScorePart> Parts)>();
        var excluded = new Dictionary<string, int>(StringComparer.Ordinal);
        int full = 0, conflict = 0;
        foreach (var (id, post) in posts)
        {
            var hostId = Guid.Parse(post.PartnerId);
            if (!habilitations[hostId].IsValidOn(today)) continue;
            var free = Math.Max(0, post.Capacity - taken.GetValueOrDefault(id));
            var candidate = post with { Capacity = free };
            var evaluation = EligibilityRules.Evaluate(who, candidate, today);
            if (!evaluation.IsEligible)
            {
                foreach (var rule in RuleNames.Each(evaluation.Broken)) excluded[RuleNames.Name(rule)] = excluded.GetValueOrDefault(RuleNames.Name(rule)) + 1;
                continue;
            }
            if (free == 0) { full++; continue; }
            if (barredHosts.Contains(hostId)) { conflict++; continue; }
            suitable.Add((id, hostId, QualityScore.Of(who, candidate, evaluation, today), evaluation.DistanceKm, free, []));
        }
        var best = suitable.OrderByDescending(s => s.Score).ThenBy(s => s.Distance).ThenBy(s => s.Id).Take(Math.Clamp(limit, 1, 200)).ToList();

        // Only the answer is read in full, with its explanations.
        var bestIds = best.Select(b => b.Id).ToList();
        var bestHosts = best.Select(b => b.Host).Distinct().ToList();
        var entities = await store.Posts.AsNoTracking().Where(p => bestIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var hostEntities = await store.HostBodies.AsNoTracking().Where(h => bestHosts.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var ranked = best.Select(b =>
        {
            var candidate = posts[b.Id] with { Capacity = b.Free };
            var parts = QualityScore.Parts(who, candidate, EligibilityRules.Evaluate(who, candidate, today), today);
            return new SuitablePost(entities[b.Id], hostEntities[b.Host], b.Score, b.Distance, b.Free, parts);
        }).ToList();
        return new SuitablePostsResult(ranked, posts.Count, excluded, full, conflict);
    }
}
