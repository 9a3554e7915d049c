using Placement.Matching.Persistence;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Documents;

/// <summary>
/// The latest version of a placement's document (<c>GET /api/placements/{id}/documents/{kind}</c>), the first one issued when
/// there is none yet; the download is audited.
/// </summary>
public sealed class DownloadPlacementDocument(IMatchingStore store, DocumentArchive archive) : IUseCase
{
    public async Task<MeasureDocument> HandleAsync(Caller caller, Guid placementId, string? kind, CancellationToken ct)
    {
        var parsed = DocumentKinds.ParseOfPlacement(kind);
        var (placement, departement) = await DocumentAccess.PlacementAsync(store, caller, placementId, parsed, forIssue: false, ct);
        var document = await archive.LatestOrIssueAsync(parsed, new DocumentSubject(placement.PersonId, placement.Id), departement, caller, ct);
        await archive.RecordDownloadAsync(caller, document, ct);
        return document;
    }
}
