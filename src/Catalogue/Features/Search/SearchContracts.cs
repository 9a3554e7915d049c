using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.Posts;

namespace Placement.Catalogue.Features.Search;

/// <summary>A host body as a search result names it.</summary>
public sealed record HostBodySummary(Guid Id, string Name, string LegalType);

public sealed record SearchItem(PostResponse Post, HostBodySummary HostBody, double? DistanceKm, double Score, IReadOnlyList<string> Highlights);

public sealed record SearchResponse(IReadOnlyList<SearchItem> Items, int Total, int Page, int PageSize,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets, bool Partial);

public sealed record ReindexResponse(string Engine, int Indexed);

/// <summary>
/// A catalogue search as asked: French full text, around a point (<c>lat</c>, <c>lon</c>) or a commune (INSEE code)
/// within <c>radiusKm</c>, filters; lists are comma-separated or repeated.
/// </summary>
public sealed record SearchPostsQuery
{
    public string? Q { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? Commune { get; init; }
    public double? RadiusKm { get; init; }
    public string[]? Activity { get; init; }
    public string[]? Skills { get; init; }
    public bool? AcceptsMinors { get; init; }
    public string? Day { get; init; }
    public bool? NearPublicTransport { get; init; }
    public bool? WheelchairAccessible { get; init; }
    public string? Departement { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}
