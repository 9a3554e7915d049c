using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Search;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Suitability;

/// <summary>
/// Person-aware search: the index yields every post around the person's home within their travel distance
/// (and matching the text) — all of them, so that the list and the per-rule exclusion counts are complete —
/// then the matching rules, the same code as the solver, keep the eligible ones with free places and rank
/// them by the quality score.
/// </summary>
public sealed class SuitablePosts(IPostSearchIndex index, SearchReadiness readiness, IMatchingStore store, MatchingReadCache cache, TimeProvider clock)
{
    public async Task<SuitablePostsResult> FindAsync(Person person, string? text, int limit, IReadOnlyList<string>? activities = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        readiness.ThrowIfNotReady();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var coDefendants = await CoDefendantPlacements.HostBodiesAsync(store, [person], ct);
        var who = person.ToMatchPerson(coDefendants[person.Id]);
        // Rule 15: nothing left to do, nothing to propose.
        if (who.HoursRemaining <= 0) return new SuitablePostsResult([], 0, new Dictionary<string, int>(), 0) { Completed = true };
        var ids = await index.MatchingIdsAsync(new PostSearchQuery
        {
            Text = text,
            Center = who.Location,
            RadiusKm = who.MaxTravelKm + EligibilityRules.DistanceToleranceKm,
            Activities = activities ?? [],
        }, ct);
        var posts = await cache.PostsAsync(store, ids, ct);

        var suitable = new List<(Guid Id, Guid Host, int Score, double Distance, int Free)>();
        var excluded = new Dictionary<string, int>(StringComparer.Ordinal);
        var full = 0;
        foreach (var (id, post, habilitation, taken) in posts)
        {
            if (!habilitation.IsValidOn(today)) continue;
            var free = ActivePlacements.FreePlaces(post.Capacity, taken);
            var candidate = post with { Capacity = free };
            var evaluation = EligibilityRules.Evaluate(who, candidate, today);
            if (!evaluation.IsEligible)
            {
                foreach (var rule in RuleNames.Each(evaluation.Broken)) excluded[RuleNames.Name(rule)] = excluded.GetValueOrDefault(RuleNames.Name(rule)) + 1;
                continue;
            }
            if (free == 0) { full++; continue; }
            suitable.Add((id, Guid.Parse(post.PartnerId), QualityScore.Of(who, candidate, evaluation, today), evaluation.DistanceKm, free));
        }
        var best = suitable.OrderByDescending(s => s.Score).ThenBy(s => s.Distance).ThenBy(s => s.Id).Take(Math.Clamp(limit, 1, 200)).ToList();

        // Only the answer is read in full, with its explanations.
        var bestIds = best.Select(b => b.Id).ToList();
        var bestHosts = best.Select(b => b.Host).Distinct().ToList();
        var entities = await store.Posts.AsNoTracking().Where(p => bestIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var hostEntities = await store.HostBodies.AsNoTracking().Where(h => bestHosts.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var byId = posts.ToDictionary(p => p.Id, p => p.Post);
        var ranked = best.Select(b =>
        {
            var candidate = byId[b.Id] with { Capacity = b.Free };
            var parts = QualityScore.Parts(who, candidate, EligibilityRules.Evaluate(who, candidate, today), today);
            return new SuitablePost(entities[b.Id], hostEntities[b.Host], b.Score, b.Distance, b.Free, parts);
        }).ToList();
        return new SuitablePostsResult(ranked, posts.Count, excluded, full);
    }
}
