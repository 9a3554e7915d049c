using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Documents;

/// <summary>
/// The officer issues a report to the judge (<c>POST /api/persons/{id}/documents</c>): the end-of-measure report, or the report of
/// one of the person's incidents — a new version when it exists.
/// </summary>
public sealed class IssuePersonReport(IMatchingStore store, DocumentArchive archive) : IUseCase
{
    public async Task<DocumentResponse> HandleAsync(Caller caller, Guid personId, PersonDocumentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Kind)) throw FieldErrors.OneField("kind", "Ce champ est obligatoire.");
        var kind = DocumentKinds.Parse(request.Kind);
        if (kind is not (DocumentKind.RapportFinMesure or DocumentKind.RapportIncident))
            throw FieldErrors.OneField("kind", "Les rapports au juge : rapport-fin-mesure ou rapport-incident (les documents d'un placement s'émettent depuis le placement).");
        if (kind == DocumentKind.RapportIncident && request.IncidentId is null) throw FieldErrors.OneField("incidentId", "Le rapport d'incident porte sur un incident : ce champ est obligatoire.");
        var person = await DocumentAccess.PersonAsync(store, caller, personId, ct);
        DocumentSubject subject = new(person.Id);
        if (kind == DocumentKind.RapportIncident)
        {
            var incident = await store.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.IncidentId && i.PersonId == person.Id, ct)
                ?? throw FieldErrors.OneField("incidentId", "Aucun incident de cette personne ne porte cet identifiant.");
            if (incident.Decision?.Action != Domain.IncidentAction.ReportToJudge)
                throw FieldErrors.OneField("incidentId", "Le rapport d'incident suit une décision de rapport au juge : cet incident n'en a pas.");
            subject = new DocumentSubject(person.Id, incident.PlacementId, incident.Id);
        }
        return (await archive.IssueAsync(kind, subject, person.Departement, caller, ct)).ToResponse();
    }
}
