using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Placements;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>Accepts one proposal: a placement proposed to the partner, if every rule still holds and a place is free.</summary>
public sealed class AcceptProposal(IMatchingStore store, PlacementWorkflow workflow) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, Guid runId, Guid proposalId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await GetRun.FindAsync(store, caller, runId, ct);
        var proposal = await store.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId && p.RunId == runId, ct)
            ?? throw new NotFoundException("Proposition");
        var placement = await workflow.AcceptAsync(proposal, caller.Who, ct);
        return placement.Adapt<PlacementResponse>(MatchingMappings.Config);
    }
}
