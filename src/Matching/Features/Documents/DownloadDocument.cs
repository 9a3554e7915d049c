using Placement.Matching.Persistence;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.Documents;

/// <summary>One stored version of a document, byte for byte as issued (<c>GET /api/documents/{id}</c>); the download is audited.</summary>
public sealed class DownloadDocument(IMatchingStore store, DocumentArchive archive) : IUseCase
{
    public async Task<MeasureDocument> HandleAsync(Caller caller, Guid documentId, CancellationToken ct)
    {
        var document = await DocumentAccess.DocumentAsync(store, caller, documentId, ct);
        await archive.RecordDownloadAsync(caller, document, ct);
        return document;
    }
}
