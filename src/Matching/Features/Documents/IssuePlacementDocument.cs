using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Documents;

/// <summary>The SPIP issues a new version of a placement's document from the data as it is now (<c>POST /api/placements/{id}/documents/{kind}</c>).</summary>
public sealed class IssuePlacementDocument(IMatchingStore store, DocumentArchive archive) : IUseCase
{
    public async Task<DocumentResponse> HandleAsync(Caller caller, Guid placementId, string? kind, CancellationToken ct)
    {
        var parsed = DocumentKinds.Parse(kind);
        if (!DocumentKinds.OfPlacement.Contains(parsed)) throw FieldErrors.OneField("kind", "Ce document n'est pas celui d'un placement : decision-affectation, fiche-liaison ou releve-heures.");
        var (placement, departement) = await DocumentAccess.PlacementAsync(store, caller, placementId, parsed, forIssue: true, ct);
        return (await archive.IssueAsync(parsed, new DocumentSubject(placement.PersonId, placement.Id), departement, caller, ct)).ToResponse();
    }
}
