using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Audit;

namespace Placement.Matching.Features.Placements;

/// <summary>The placements of the persons an officer or coordinator sees, newest first (500 at most), by status if asked.</summary>
public sealed class ListPlacements(IMatchingStore store, PersonAudit audit, ServiceCalendar calendar) : IUseCase
{
    public const int Max = 500;

    public async Task<List<PlacementResponse>> HandleAsync(Caller caller, string? status, CancellationToken ct)
    {
        var placements = Filter(store.VisiblePlacements(caller).AsNoTracking(), status);
        var list = await placements.OrderByDescending(p => p.CreatedAt).Take(Max).ToListAsync(ct);
        await audit.ReadAsync(caller, "Liste des placements", [.. list.Select(p => p.PersonId)], ct);
        // The medical examination still to come of each active placement, as GET /api/placements/{id} says it.
        var active = list.Where(p => p.IsActive).ToList();
        var personIds = active.Select(p => p.PersonId).Distinct().ToList();
        var postIds = active.Select(p => p.PostId).Distinct().ToList();
        var persons = await store.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var posts = await store.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var today = calendar.Today;
        return [.. list.Select(p => p.Adapt<PlacementResponse>(MatchingMappings.Config) with
        {
            MedicalExamination = p.IsActive ? MedicalCheck.Note(persons[p.PersonId], posts[p.PostId], today) : null,
        })];
    }

    /// <summary>Keeps the placements of one status (kebab-case: <c>in-progress</c>), when given.</summary>
    internal static IQueryable<TigPlacement> Filter(IQueryable<TigPlacement> placements, string? status)
    {
        if (string.IsNullOrWhiteSpace(status)) return placements;
        var s = EnumNames.Parse<PlacementStatus>(status, "status");
        return placements.Where(p => p.Status == s);
    }
}
