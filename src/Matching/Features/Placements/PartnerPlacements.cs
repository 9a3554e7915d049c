using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Placements;

/// <summary>What a partner is shown of placements at its host body: first name and initial, availability, officer — no judicial data.</summary>
internal static class PartnerPlacements
{
    public static async Task<List<PartnerPlacementView>> ViewAsync(IMatchingStore store, IReadOnlyList<TigPlacement> placements, DateOnly today, CancellationToken ct)
    {
        var postIds = placements.Select(p => p.PostId).Distinct().ToList();
        var personIds = placements.Select(p => p.PersonId).Distinct().ToList();
        var posts = await store.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var persons = await store.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return [.. placements.Select(p =>
        {
            var person = persons[p.PersonId].Profile;
            var medical = p.IsActive ? MedicalCheck.Note(persons[p.PersonId], posts[p.PostId], today) : null;
            return new PartnerPlacementView(p.Id, p.Status, p.PostId, posts[p.PostId].Details.Title, person.FirstName, person.LastName[..1] + ".",
                [.. person.Availability.Select(w => w.ToDto())], person.ReferentOfficer.Adapt<ContactDto>(MatchingMappings.Config), p.HoursTarget, p.HoursLogged,
                medical);
        })];
    }
}
