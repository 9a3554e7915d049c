using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Audit;
using Placement.Matching.Features.Placements;

namespace Placement.Matching.Features.Persons;

/// <summary>The persons the deadline watch flagged, in the caller's départements, nearest deadline first.</summary>
public sealed class ListPersonsAtRisk(IMatchingStore store, PersonAudit audit) : IUseCase
{
    public async Task<List<AtRiskResponse>> HandleAsync(Caller caller, CancellationToken ct)
    {
        var flagged = await store.VisibleAtRisk(caller).AsNoTracking().ToListAsync(ct);
        var ids = flagged.Select(a => a.PersonId).ToList();
        var persons = await store.VisiblePersons(caller).AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        await audit.ReadAsync(caller, "Personnes à risque d'échéance", persons.Keys, ct);
        return [.. flagged.Where(a => persons.ContainsKey(a.PersonId)).Select(a =>
        {
            var p = persons[a.PersonId].Profile;
            return new AtRiskResponse(a.PersonId, p.FirstName, p.LastName, a.Departement, p.Term.EffectiveDeadline, p.Hours.Remaining, a.Reasons, a.FlaggedAt);
        }).OrderBy(a => a.EffectiveDeadline)];
    }
}
