using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Documents;

/// <summary>The documents of a placement the caller may read (the host side: the two without judicial data), each with its versions.</summary>
public sealed class ListPlacementDocuments(IMatchingStore store) : IUseCase
{
    public async Task<IReadOnlyList<PlacementDocumentEntry>> HandleAsync(Caller caller, Guid placementId, CancellationToken ct)
    {
        var (placement, _) = await DocumentAccess.PlacementAsync(store, caller, placementId, kind: null, forIssue: false, ct);
        var kinds = DocumentKinds.OfPlacement.Where(k => !caller.IsHostSideOnly || k.ForHost()).ToList();
        var versions = await store.Documents.Where(d => d.PlacementId == placement.Id && kinds.Contains(d.Kind)).ListAsync(ct);
        return [.. kinds.Select(k => new PlacementDocumentEntry(k.Slug(), k.Title(), $"/api/placements/{placement.Id}/documents/{k.Slug()}",
            [.. versions.Where(v => v.Kind == k.Slug())]))];
    }
}
