using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Search;

/// <summary>
/// What the search index holds of a post: its text in French, its place, the fields filters and facets
/// use. Only published posts of host bodies habilitated on the day are indexed.
/// </summary>
public sealed record PostDocument
{
    public required Guid Id { get; init; }
    public required Guid HostBodyId { get; init; }
    public required string HostBodyName { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Activity { get; init; }
    public required IReadOnlyList<string> Skills { get; init; }
    public required double Lat { get; init; }
    public required double Lon { get; init; }
    public required string Departement { get; init; }
    public required string CommuneInsee { get; init; }
    public string? CommuneName { get; init; }
    public required bool AcceptsMinors { get; init; }
    public required bool NearPublicTransport { get; init; }
    public required bool WheelchairAccessible { get; init; }
    /// <summary>Day codes (<c>mon</c>…<c>sun</c>) on which the post has a time window.</summary>
    public required IReadOnlyList<string> Days { get; init; }
    public required int Capacity { get; init; }

    public GeoPoint Location => new(Lat, Lon);
}

/// <summary>
/// A catalogue search. Free text is matched as text (analysed in French), never parsed as a query
/// language. <see cref="Center"/> with <see cref="RadiusKm"/> keeps posts within that great-circle
/// distance and ranks nearer posts higher.
/// </summary>
public sealed record PostSearchQuery
{
    public string? Text { get; init; }
    public GeoPoint? Center { get; init; }
    public double? RadiusKm { get; init; }
    /// <summary>Any of these activities (none: all).</summary>
    public IReadOnlyList<string> Activities { get; init; } = [];
    /// <summary>Posts listing at least one of these skills (none: all).</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];
    public bool? AcceptsMinors { get; init; }
    /// <summary>Day code: posts with a time window on that day.</summary>
    public string? Day { get; init; }
    public bool? NearPublicTransport { get; init; }
    public bool? WheelchairAccessible { get; init; }
    public string? Departement { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    /// <summary>Distance (km) at which the proximity factor halves: half the radius, 10 km without one.</summary>
    public double DecayScaleKm => RadiusKm is { } r ? Math.Max(1, r / 2) : 10;
}

public sealed record PostSearchHit(Guid PostId, double Score, double? DistanceKm, IReadOnlyList<string> Highlights);

/// <summary>A page of hits, the total, facet counts; <see cref="Partial"/> when some shards failed (Elasticsearch).</summary>
public sealed record PostSearchResult(IReadOnlyList<PostSearchHit> Hits, int Total, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets, bool Partial = false)
{
    public const string ActivityFacet = "activity";
    public const string DepartementFacet = "departement";
}

/// <summary>
/// The search index of the catalogue: one port, two engines (embedded Lucene.Net, Elasticsearch).
/// Ranking: text relevance (1 without text) × a Gaussian proximity factor
/// <c>exp(−ln 2 × (d / scale)²)</c> when a centre is given; ties by distance then id.
/// </summary>
public interface IPostSearchIndex
{
    /// <summary>Engine name for logs and health: <c>embedded</c> or <c>elasticsearch</c>.</summary>
    string Engine { get; }

    /// <summary>Checks the engine is reachable and creates the index when missing; fails with a clear message otherwise.</summary>
    Task EnsureReadyAsync(CancellationToken ct = default);

    /// <summary>Adds or replaces documents.</summary>
    Task IndexAsync(IReadOnlyCollection<PostDocument> documents, CancellationToken ct = default);

    /// <summary>Removes documents (no error for unknown ids).</summary>
    Task RemoveAsync(IReadOnlyCollection<Guid> postIds, CancellationToken ct = default);

    /// <summary>Builds a new index from <paramref name="documents"/> and swaps it in atomically; searches meanwhile see the old one.</summary>
    Task<int> RebuildAsync(IAsyncEnumerable<PostDocument> documents, IProgress<int>? progress = null, CancellationToken ct = default);

    Task<PostSearchResult> SearchAsync(PostSearchQuery query, CancellationToken ct = default);

    /// <summary>
    /// Every post the query's text and filters match (the radius exact), unranked and unpaged — ids only; for callers
    /// that examine them all, as person-aware search does with every post within a person's travel distance.
    /// Paging fields are ignored. A partial answer (failed shards) is an error: the caller relies on completeness.
    /// </summary>
    Task<IReadOnlyList<Guid>> MatchingIdsAsync(PostSearchQuery query, CancellationToken ct = default);

    /// <summary>Number of documents searchable now.</summary>
    Task<long> CountAsync(CancellationToken ct = default);
}

/// <summary>The search engine failed or cannot be reached (HTTP 503).</summary>
public sealed class SearchUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The ranking shared by both engines.</summary>
public static class SearchRanking
{
    /// <summary>Gaussian decay: 1 at the centre, 0.5 at <paramref name="scaleKm"/>.</summary>
    public static double Proximity(double distanceKm, double scaleKm) => Math.Exp(-Math.Log(2) * Math.Pow(distanceKm / scaleKm, 2));
}
