using Mapster;
using Placement.Catalogue.Contracts;
using Placement.Matching.Features.Persons;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Placements;

/// <summary>An officer places a person of their scope on a post found by search: the same checks as accepting a proposal.</summary>
public sealed class CreatePlacement(IMatchingStore store, PlacementWorkflow workflow, ServiceCalendar calendar) : IUseCase
{
    public async Task<PlacementResponse> HandleAsync(Caller caller, CreatePlacementRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        // Officers and coordinators propose placements; a host body confirms or declines them.
        if (!caller.IsOfficer && !caller.IsCoordinator) throw new ForbiddenException("Seuls les agents du SPIP proposent un placement.");
        var errors = new FieldErrors();
        if (request.PersonId is null) errors.Add("personId", "Ce champ est obligatoire.");
        if (request.PostId is null) errors.Add("postId", "Ce champ est obligatoire.");
        errors.ThrowIfAny();
        await GetPerson.FindAsync(store, caller, request.PersonId!.Value, ct);
        var placement = await workflow.PlaceAsync(request.PersonId.Value, request.PostId!.Value, caller.Who, null, ct);
        // Not blocked by a medical examination to come: the host confirms only once the SPIP records the fitness; the officer is told.
        return await GetPlacement.WithMedicalNoteAsync(store, placement, calendar.Today, ct);
    }
}
