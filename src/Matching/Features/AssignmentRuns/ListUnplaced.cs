using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Audit;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>The persons a run could not place, and why (matching.md reasons, with the rules that blocked them).</summary>
public sealed class ListUnplaced(IMatchingStore store, PersonAudit audit) : IUseCase
{
    public async Task<List<UnplacedResponse>> HandleAsync(Caller caller, Guid runId, CancellationToken ct)
    {
        await GetRun.FindAsync(store, caller, runId, ct);
        var unplaced = await store.Unplaced.AsNoTracking().Where(u => u.RunId == runId).ToListAsync(ct);
        var ids = unplaced.Select(u => u.PersonId).ToList();
        var persons = await store.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => $"{p.Profile.FirstName} {p.Profile.LastName}", ct);
        await audit.ReadAsync(caller, $"Non placés du calcul {runId}", persons.Keys, ct);
        return [.. unplaced.Select(u => new UnplacedResponse(u.PersonId, persons[u.PersonId], u.Reason, u.BlockingRules))];
    }
}
