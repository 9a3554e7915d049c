using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Placements;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>Accepts a selection of proposals, one by one; each outcome says whether it became a placement, or why not.</summary>
public sealed class AcceptProposals(IMatchingStore store, PlacementWorkflow workflow) : IUseCase
{
    public async Task<List<AcceptOutcome>> HandleAsync(Caller caller, Guid runId, AcceptManyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await GetRun.FindAsync(store, caller, runId, ct);
        var ids = request.ProposalIds ?? [];
        if (ids.Count == 0) throw FieldErrors.OneField("proposalIds", "Choisissez au moins une proposition.");
        var proposals = await store.Proposals.AsNoTracking().Where(p => p.RunId == runId && ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var outcomes = new List<AcceptOutcome>();
        foreach (var id in ids)
        {
            if (!proposals.TryGetValue(id, out var proposal))
            {
                outcomes.Add(new AcceptOutcome(id, false, null, "Proposition introuvable."));
                continue;
            }
            try
            {
                var placement = await workflow.AcceptAsync(proposal, caller.Who, ct);
                outcomes.Add(new AcceptOutcome(id, true, placement.Id, null));
            }
            catch (Exception e) when (e is PlacementConflictException or IllegalTransitionException)
            {
                store.ChangeTrackerClear();
                outcomes.Add(new AcceptOutcome(id, false, null, e.Message));
            }
        }
        return outcomes;
    }
}
