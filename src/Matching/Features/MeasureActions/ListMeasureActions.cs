using Microsoft.EntityFrameworkCore;
using Placement.Matching.Features.Audit;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.MeasureActions;

/// <summary>The actions recorded on a person's measure, newest first (<c>GET /api/persons/{id}/measure-actions</c>).</summary>
public sealed class ListMeasureActions(IMatchingStore store, PersonAudit audit) : IUseCase
{
    public async Task<List<MeasureActionResponse>> HandleAsync(Caller caller, Guid personId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!await store.VisiblePersons(caller).AnyAsync(p => p.Id == personId, ct)) throw new NotFoundException("Personne");
        var actions = await store.MeasureActions.AsNoTracking().Where(a => a.PersonId == personId).ToListAsync(ct);
        await audit.ReadAsync(caller, "Actions sur la mesure", personId, ct);
        return [.. actions.OrderByDescending(a => a.RecordedAt).Select(a => a.ToResponse())];
    }
}
