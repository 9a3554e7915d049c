using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Audit;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>A run's proposals, best score first, with their explanations.</summary>
public sealed class ListProposals(IMatchingStore store, PersonAudit audit) : IUseCase
{
    public async Task<List<ProposalResponse>> HandleAsync(Caller caller, Guid runId, CancellationToken ct)
    {
        await GetRun.FindAsync(store, caller, runId, ct);
        var proposals = await store.Proposals.AsNoTracking().Where(p => p.RunId == runId).OrderByDescending(p => p.Score).ToListAsync(ct);
        var personIds = proposals.Select(p => p.PersonId).ToList();
        var postIds = proposals.Select(p => p.PostId).ToList();
        var persons = await store.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Profile, ct);
        await audit.ReadAsync(caller, $"Propositions du calcul {runId}", persons.Keys, ct);
        var posts = await store.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var hostIds = posts.Values.Select(p => p.HostBodyId).Distinct().ToList();
        var hosts = await store.HostBodies.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        return [.. proposals.Select(p =>
        {
            var person = persons[p.PersonId];
            var post = posts[p.PostId].Details;
            return new ProposalResponse(p.Id, p.PersonId, $"{person.FirstName} {person.LastName}", p.PostId, post.Title,
                hosts[posts[p.PostId].HostBodyId], p.Score, p.DistanceKm, p.WeeklyHours, p.Explanation, p.Status, p.PlacementId,
                Point(person.Home.Location), Point(post.Place.Location), post.Place.CommuneInsee, p.RejectionReason);
        })];
    }

    private static PointDto Point(Catalogue.Domain.GeoPoint at) => new() { Lat = at.Latitude, Lon = at.Longitude };
}
