using Placement.Catalogue.Contracts;
using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;
using Placement.Matching.Features.Placements;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Documents;

/// <summary>
/// The tutor acknowledges the hours done (<c>POST /api/placements/{id}/attestation</c>) once they are complete: their name, the
/// time and the request's origin are recorded (and audited with the placement's change), the placement is closed, and the
/// relevé d'heures is issued again with the attestation on it. Asked again, it answers the acknowledgement already given.
/// </summary>
public sealed class AttestPlacement(IMatchingStore store, DocumentArchive archive, ServiceCalendar calendar) : IUseCase
{
    public async Task<AttestationResponse> HandleAsync(Caller caller, Guid placementId, AttestationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!caller.IsHostSide) throw new ForbiddenException("Les heures sont attestées par le tuteur de la structure d'accueil.");
        var errors = new FieldErrors();
        var name = errors.Try("name", () => Ensure.NotBlank(request.Name, "name", 200));
        if (request.Certify != true) errors.Add("certify", "Cochez la case pour attester que ces heures ont été effectuées.");
        errors.ThrowIfAny();

        var placement = await store.VisiblePlacements(caller).FirstOrDefaultAsync(p => p.Id == placementId, ct) ?? throw new NotFoundException("Placement");
        var departement = await store.Persons.Where(p => p.Id == placement.PersonId).Select(p => p.Departement).FirstAsync(ct);
        var subject = new DocumentSubject(placement.PersonId, placement.Id);
        if (placement.Attestation is { } given) // a retry
            return Response(placement, given, (await archive.LatestOrIssueAsync(DocumentKind.ReleveHeures, subject, departement, caller, ct)).ToResponse());
        if (placement.Status != PlacementStatus.Completed)
            throw new PlacementConflictException(
                $"Les heures ne sont pas toutes effectuées ({French.Hours(placement.HoursLogged)} sur {French.Hours(placement.HoursTarget)}) : l'attestation se donne à la fin.");
        var now = calendar.UtcNow;
        var attestation = new PlacementAttestation(name!, caller.Who, now, caller.Origin, placement.HoursLogged);
        placement.Attest(attestation, now);
        await store.SaveChangesAsync(ct);
        var releve = await archive.IssueAsync(DocumentKind.ReleveHeures, subject, departement, caller, ct);
        return Response(placement, attestation, releve.ToResponse());
    }

    private static AttestationResponse Response(TigPlacement placement, PlacementAttestation a, DocumentResponse releve) =>
        new(placement.Id, EnumNames.ToKebab(placement.Status), a.TutorName, a.TutorEmail, a.At, a.Origin, a.Hours, releve);
}
