using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Persistence;
using Placement.Catalogue.Features.Posts;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>Rejects one pending proposal, with the reason the review keeps.</summary>
public sealed class RejectProposal(IMatchingStore store, TimeProvider clock) : IUseCase
{
    public async Task HandleAsync(Caller caller, Guid runId, Guid proposalId, RefusalRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await GetRun.FindAsync(store, caller, runId, ct);
        var proposal = await store.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId && p.RunId == runId, ct) ?? throw new NotFoundException("Proposition");
        proposal.Reject(caller.Who, request.Reason, clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
    }
}
