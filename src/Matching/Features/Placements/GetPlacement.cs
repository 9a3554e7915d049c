using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Audit;

namespace Placement.Matching.Features.Placements;

/// <summary>One placement the caller sees (<see cref="MatchingScopes.VisiblePlacements"/>), in the SPIP's view.</summary>
public sealed class GetPlacement(IMatchingStore store, PersonAudit audit, ServiceCalendar calendar) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsHostSideOnly) throw new ForbiddenException("Une structure d'accueil consulte ses placements dans sa propre vue.");
        var placement = await store.VisiblePlacements(caller).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Placement");
        await audit.ReadAsync(caller, "Placement", placement.PersonId, ct);
        return await WithMedicalNoteAsync(store, placement, calendar.Today, ct);
    }

    /// <summary>The response, with the medical examination still to come for an active placement (<see cref="MedicalCheck"/>).</summary>
    internal static async Task<PlacementResponse> WithMedicalNoteAsync(IMatchingStore store, TigPlacement placement, DateOnly today, CancellationToken ct)
    {
        var response = placement.Adapt<PlacementResponse>(MatchingMappings.Config);
        if (!placement.IsActive) return response;
        var person = await store.Persons.AsNoTracking().FirstAsync(p => p.Id == placement.PersonId, ct);
        var post = await store.Posts.AsNoTracking().FirstAsync(p => p.Id == placement.PostId, ct);
        return response with { MedicalExamination = MedicalCheck.Note(person, post, today) };
    }

    /// <summary>The placement, tracked for a change, or <see cref="NotFoundException"/> when the caller does not see it.</summary>
    internal static async Task<TigPlacement> FindAsync(IMatchingStore store, Caller caller, Guid id, CancellationToken ct) =>
        await store.VisiblePlacements(caller).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("Placement");
}
