using Mapster;
using Placement.Catalogue.Application;
using Placement.Catalogue.Contracts;
using Placement.Matching.Contracts;
using Placement.Matching.Persistence;
using Placement.Matching.Placements;

namespace Placement.Matching.Features.Placements;

/// <summary>The host body's tutor logs hours done; the placement completes at the hours it was made for.</summary>
public sealed class LogPlacementHours(IMatchingStore store, PlacementWorkflow workflow) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, Guid id, HoursRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!caller.IsPartner) throw new ForbiddenException("Le tuteur de la structure déclare les heures.");
        var placement = await GetPlacement.FindAsync(store, caller, id, ct);
        if (request.Date is null) throw FieldErrors.OneField("date", "Ce champ est obligatoire.");
        await workflow.LogHoursAsync(placement, request.Date.Value, request.Hours, request.Note, caller.DisplayName ?? caller.Who, ct);
        return placement.Adapt<PlacementResponse>(MatchingMappings.Config);
    }
}
