using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Placements;

/// <summary>
/// The host body logs hours done, signed by a tutor (the post's, unless another is named); the signed-in account is
/// recorded as who entered them. The placement completes at the hours it was made for.
/// </summary>
public sealed class LogPlacementHours(IMatchingStore store, PlacementWorkflow workflow) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, Guid id, HoursRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!caller.IsPartner) throw new ForbiddenException("Le tuteur de la structure déclare les heures.");
        var placement = await GetPlacement.FindAsync(store, caller, id, ct);
        if (request.Date is null) throw FieldErrors.OneField("date", "Ce champ est obligatoire.");
        var tutor = string.IsNullOrWhiteSpace(request.Tutor)
            ? (await store.Posts.AsNoTracking().Where(p => p.Id == placement.PostId).Select(p => p.Details).FirstAsync(ct)).Tutor.Name
            : request.Tutor.Trim();
        await workflow.LogHoursAsync(placement, request.Date.Value, request.Hours, request.Note, tutor, caller.Who, ct);
        return placement.Adapt<PlacementResponse>(MatchingMappings.Config);
    }
}
