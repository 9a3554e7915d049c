namespace Placement.Matching.Features.Documents;

// TEMPORARY (replaced by the composer of branch issue29-pdf before anything lands).
public sealed class DocumentComposer
{
    public Task<ComposedDocument> ComposeAsync(DocumentKind kind, DocumentSubject subject, Letterhead letterhead, DocumentStamp stamp, CancellationToken ct) =>
        throw new NotSupportedException("composer not merged yet");
}
