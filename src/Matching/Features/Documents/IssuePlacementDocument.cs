using Placement.Matching.Persistence;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Documents;

/// <summary>The SPIP issues a new version of a placement's document from the data as it is now (<c>POST /api/placements/{id}/documents/{kind}</c>).</summary>
public sealed class IssuePlacementDocument(IMatchingStore store, DocumentArchive archive) : IUseCase
{
    public async Task<DocumentResponse> HandleAsync(Caller caller, Guid placementId, string? kind, CancellationToken ct)
    {
        var parsed = DocumentKinds.ParseOfPlacement(kind);
        var (placement, departement) = await DocumentAccess.PlacementAsync(store, caller, placementId, parsed, forIssue: true, ct);
        return (await archive.IssueAsync(parsed, new DocumentSubject(placement.PersonId, placement.Id), departement, caller, ct)).ToResponse();
    }
}
