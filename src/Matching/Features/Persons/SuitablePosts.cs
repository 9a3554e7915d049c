using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Search;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Persons;

/// <summary>
/// Person-aware search: the index yields every post around the person's home within their travel distance
/// (and matching the text) — all of them, so that the list and the per-rule exclusion counts are complete —
/// then the matching rules, the same code as the solver, keep the eligible ones with free places and rank
/// them by the quality score.
/// </summary>
public sealed class SuitablePosts(IPostSearchIndex index, SearchReadiness readiness, IMatchingStore store, MatchingReadCache cache, ServiceCalendar calendar)
{
    public async Task<SuitablePostsResult> FindAsync(Person person, string? text, int limit, IReadOnlyList<string>? activities = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        readiness.ThrowIfNotReady();
        var today = calendar.Today;
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

        var suitable = new List<(PostInReach Post, MatchPost Candidate, Evaluation Evaluation, int Score)>();
        var excluded = new Dictionary<string, int>(StringComparer.Ordinal);
        var full = 0;
        foreach (var inReach in posts)
        {
            var free = ActivePlacements.FreePlaces(inReach.Post.Capacity, inReach.Taken);
            // A full post is not skipped here: it counts among the full ones below if the rules pass.
            var refusal = inReach.Entity.WhyCannotTakeSomeone(inReach.Host.Details.Habilitation, today, free);
            if (refusal is TakingRefusal.NotPublished or TakingRefusal.HostNotHabilitated) continue;
            var candidate = inReach.Post with { Capacity = free };
            var evaluation = EligibilityRules.Evaluate(who, candidate, today);
            if (!evaluation.IsEligible)
            {
                foreach (var rule in RuleNames.Each(evaluation.Broken)) excluded[RuleNames.Name(rule)] = excluded.GetValueOrDefault(RuleNames.Name(rule)) + 1;
                continue;
            }
            if (refusal == TakingRefusal.Full) { full++; continue; }
            suitable.Add((inReach, candidate, evaluation, QualityScore.Of(who, candidate, evaluation, today)));
        }
        // The answer, with its explanations.
        var ranked = suitable.OrderByDescending(s => s.Score).ThenBy(s => s.Evaluation.DistanceKm).ThenBy(s => s.Post.Entity.Id).Take(Math.Clamp(limit, 1, 200))
            .Select(b => new SuitablePost(b.Post.Entity, b.Post.Host, b.Score, b.Evaluation.DistanceKm, b.Candidate.Capacity, QualityScore.Parts(who, b.Candidate, b.Evaluation, today))
            {
                MedicalExamination = MedicalExamination.Note(who, b.Candidate, today),
            })
            .ToList();
        return new SuitablePostsResult(ranked, posts.Count, excluded, full);
    }
}
