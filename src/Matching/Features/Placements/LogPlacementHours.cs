using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Placements;

/// <summary>
/// Hours done without a session, entered by the SPIP with their reason (the host records attendance on its sessions instead:
/// <see cref="Sessions.RecordAttendance"/>); signed by the post's tutor unless another is named. The placement completes at the
/// hours it was made for.
/// </summary>
public sealed class LogPlacementHours(IMatchingStore store, PlacementWorkflow workflow) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, Guid id, HoursRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!(caller.IsOfficer || caller.IsCoordinator))
            throw new ForbiddenException("La structure d'accueil déclare la présence sur les séances ; seul le SPIP déclare des heures sans séance.");
        var placement = await GetPlacement.FindAsync(store, caller, id, ct);
        if (request.Date is null) throw FieldErrors.OneField("date", "Ce champ est obligatoire.");
        if (string.IsNullOrWhiteSpace(request.Note)) throw FieldErrors.OneField("note", "Le motif est obligatoire pour des heures sans séance.");
        var tutor = string.IsNullOrWhiteSpace(request.Tutor)
            ? (await store.Posts.AsNoTracking().Where(p => p.Id == placement.PostId).Select(p => p.Details).FirstAsync(ct)).Tutor.Name
            : request.Tutor.Trim();
        await workflow.LogHoursAsync(placement, request.Date.Value, request.Hours, request.Note, tutor, caller.Who, ct);
        return placement.Adapt<PlacementResponse>(MatchingMappings.Config);
    }
}
