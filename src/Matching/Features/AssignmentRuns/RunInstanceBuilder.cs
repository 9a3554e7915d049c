using System.Data;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>Builds the matching instance of a run from the database (matching.md, built from stored data).</summary>
public static class RunInstanceBuilder
{
    public static async Task<MatchingInstance> BuildAsync(IMatchingStore store, AssignmentRun run, CancellationToken ct)
    {
        var deps = run.Departements;
        var busy = store.Placements.Active().Select(p => p.PersonId);
        var personQuery = store.Persons.AsNoTracking().Where(p => deps.Contains(p.Departement) && !busy.Contains(p.Id) && p.EndedNotCarriedOutOn == null);
        if (run.PersonIds is { Count: > 0 } chosen) personQuery = personQuery.Where(p => chosen.Contains(p.Id));
        var persons = (await personQuery.ToListAsync(ct)).Where(p => p.Profile.Hours.Remaining > 0).ToList();

        var hosts = await store.HostBodies.AsNoTracking().Where(h => deps.Contains(h.Departement)).ToDictionaryAsync(h => h.Id, ct);
        var taken = await store.Placements.TakenByPostAsync(null, ct);
        var posts = (await store.Posts.AsNoTracking().Where(p => deps.Contains(p.Departement) && p.Status == PostStatus.Published).ToListAsync(ct))
            .Where(p => hosts.TryGetValue(p.HostBodyId, out var h) && p.CanTakeSomeone(h.Details.Habilitation, run.ReferenceDate, freePlaces: null)) // full posts too: rule 12 is the solver's
            .Select(p => p.ToMatchPost(ActivePlacements.FreePlaces(p, taken)))
            .ToList();

        var pinned = new List<PinnedPair>();
        if (run.KeepProposed)
        {
            var personIds = persons.Select(p => p.Id).ToList();
            var postIds = posts.Select(p => p.Id).ToHashSet();
            var pending = await store.Proposals.AsNoTracking()
                .Where(x => x.Status == ProposalStatus.Pending && x.RunId != run.Id && personIds.Contains(x.PersonId))
                .OrderByDescending(x => x.Score).ToListAsync(ct);
            pinned = [.. pending.GroupBy(x => x.PersonId).Select(g => g.First()).Where(x => postIds.Contains(x.PostId.ToString()))
                .Select(x => new PinnedPair(x.PersonId.ToString(), x.PostId.ToString()))];
        }
        // Rule 13 against placements outside the run: persons with a placement are not in the instance, so the
        // host bodies of their co-defendants' placements (either direction, any département) travel per person.
        var coDefendants = await CoDefendantPlacements.HostBodiesAsync(store, persons, ct);
        return new MatchingInstance(run.ReferenceDate, posts, [.. persons.Select(p => p.ToMatchPerson(coDefendants[p.Id]))], pinned,
            new MatchingOptions(run.TimeLimitSeconds));
    }
}
