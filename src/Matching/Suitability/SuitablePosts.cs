using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Search;
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
/// Person-aware search: the index yields the posts around the person's home within their travel
/// distance (and matching the text), then the matching rules — the same code as the solver — keep the
/// eligible ones with free places and rank them by the quality score.
/// </summary>
public sealed class SuitablePosts(IPostSearchIndex index, IMatchingStore store, TimeProvider clock)
{
    /// <summary>How many nearby posts the index hands to the rules at most.</summary>
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
        var posts = await store.Posts.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Status == PostStatus.Published).ToListAsync(ct);
        var hostIds = posts.Select(p => p.HostBodyId).Distinct().ToList();
        var hosts = await store.HostBodies.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var taken = await store.Placements
            .Where(p => ids.Contains(p.PostId) && (p.Status == PlacementStatus.Proposed || p.Status == PlacementStatus.Confirmed || p.Status == PlacementStatus.InProgress))
            .GroupBy(p => p.PostId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var codefendants = person.Profile.Restrictions.NoContactWithPersonIds.ToList();
        var barredHosts = codefendants.Count == 0 ? [] : (await store.Placements
            .Where(p => codefendants.Contains(p.PersonId) && (p.Status == PlacementStatus.Proposed || p.Status == PlacementStatus.Confirmed || p.Status == PlacementStatus.InProgress))
            .Join(store.Posts, p => p.PostId, q => q.Id, (p, q) => q.HostBodyId).ToListAsync(ct)).ToHashSet();

        var suitable = new List<SuitablePost>();
        var excluded = new Dictionary<string, int>(StringComparer.Ordinal);
        int full = 0, conflict = 0;
        foreach (var post in posts)
        {
            var host = hosts[post.HostBodyId];
            if (!host.CanHostOn(today)) continue;
            var free = Math.Max(0, post.Details.Capacity - taken.GetValueOrDefault(post.Id));
            var candidate = post.ToMatchPost(free);
            var evaluation = EligibilityRules.Evaluate(who, candidate, today);
            if (!evaluation.IsEligible)
            {
                foreach (var rule in RuleNames.Each(evaluation.Broken)) excluded[RuleNames.Name(rule)] = excluded.GetValueOrDefault(RuleNames.Name(rule)) + 1;
                continue;
            }
            if (free == 0) { full++; continue; }
            if (barredHosts.Contains(post.HostBodyId)) { conflict++; continue; }
            var parts = QualityScore.Parts(who, candidate, evaluation, today);
            suitable.Add(new SuitablePost(post, host, QualityScore.Total(parts), evaluation.DistanceKm, free, parts));
        }
        var ranked = suitable.OrderByDescending(s => s.Score).ThenBy(s => s.DistanceKm).ThenBy(s => s.Post.Id).Take(Math.Clamp(limit, 1, 200)).ToList();
        return new SuitablePostsResult(ranked, posts.Count, excluded, full, conflict);
    }
}
