using Mapster;
using Placement.Catalogue.Application;
using Placement.Matching.Contracts;
using Placement.Matching.Features.Persons;
using Placement.Matching.Persistence;
using Placement.Matching.Placements;

namespace Placement.Matching.Features.Placements;

/// <summary>An officer places a person of their scope on a post found by search: the same checks as accepting a proposal.</summary>
public sealed class CreatePlacement(IMatchingStore store, PlacementWorkflow workflow) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, CreatePlacementRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await GetPerson.FindAsync(store, caller, request.PersonId, ct);
        var placement = await workflow.PlaceAsync(request.PersonId, request.PostId, caller.Who, null, ct);
        return placement.Adapt<PlacementResponse>(MatchingMappings.Config);
    }
}
