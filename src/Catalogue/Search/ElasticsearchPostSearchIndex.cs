using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;

namespace Placement.Catalogue.Search;

/// <summary>
/// The Elasticsearch engine, through the official client (<c>Elastic.Clients.Elasticsearch</c> 9.x).
/// The searched name is an alias; a full rebuild creates <c>{alias}-{timestamp}</c> with an explicit
/// mapping (<c>french</c> analyzer on text, <c>geo_point</c> location, keywords for filters),
/// bulk-indexes it in batches, then moves the alias in one atomic request and deletes the old index.
/// Searches are a <c>bool</c> query (multi_match on the text, filters, <c>geo_distance</c>) inside a
/// <c>function_score</c> with a Gaussian decay on the distance — the ranking of <see cref="SearchRanking"/>.
/// </summary>
public sealed class ElasticsearchPostSearchIndex : IPostSearchIndex
{
    public const int BulkBatchSize = 1000;
    private readonly ElasticsearchClient _client;
    private readonly string _alias;
    private readonly string _url;

    public ElasticsearchPostSearchIndex(ElasticsearchOptions options) : this(Settings(options), options.IndexName, options.Url!) { }

    /// <summary>For tests: a client on given settings (e.g. an in-memory transport).</summary>
    public ElasticsearchPostSearchIndex(ElasticsearchClientSettings settings, string alias, string url = "(en mémoire)")
    {
        _client = new ElasticsearchClient(settings);
        _alias = alias;
        _url = url;
    }

    public string Engine => "elasticsearch";

    private static ElasticsearchClientSettings Settings(ElasticsearchOptions options)
    {
        var settings = new ElasticsearchClientSettings(new Uri(options.Url!)).DefaultIndex(options.IndexName).RequestTimeout(TimeSpan.FromSeconds(30));
        if (options.ApiKey is { Length: > 0 } key) settings = settings.Authentication(new ApiKey(key));
        else if (options.Username is { Length: > 0 } user) settings = settings.Authentication(new BasicAuthentication(user, options.Password ?? ""));
        return settings;
    }

    /// <summary>The document as stored in Elasticsearch: a <c>geo_point</c> for the place.</summary>
    public sealed record EsPost(
        string Id, string HostBodyId, string HostBodyName, string Title, string Description, string Activity, IReadOnlyList<string> Skills,
        LatLonGeoLocation Location, string Departement, string CommuneInsee, string? CommuneName,
        bool AcceptsMinors, bool NearPublicTransport, bool WheelchairAccessible, IReadOnlyList<string> Days, int Capacity)
    {
        public static EsPost From(PostDocument d) => new(d.Id.ToString(), d.HostBodyId.ToString(), d.HostBodyName, d.Title, d.Description, d.Activity,
            [.. d.Skills.Select(s => s.ToLowerInvariant())], new LatLonGeoLocation { Lat = d.Lat, Lon = d.Lon }, d.Departement, d.CommuneInsee, d.CommuneName,
            d.AcceptsMinors, d.NearPublicTransport, d.WheelchairAccessible, d.Days, d.Capacity);
    }

    public async Task EnsureReadyAsync(CancellationToken ct = default)
    {
        var ping = await _client.PingAsync(ct);
        if (!ping.IsValidResponse)
            throw new SearchUnavailableException($"Elasticsearch injoignable à {_url} : {ping.ApiCallDetails.OriginalException?.Message ?? ping.ApiCallDetails.HttpStatusCode?.ToString(CultureInfo.InvariantCulture) ?? "pas de réponse"}. "
                + "Vérifiez Placement:Search:Elasticsearch:Url et les identifiants, ou choisissez Placement:Search:Engine=Embedded.", ping.ApiCallDetails.OriginalException);
        var exists = await _client.Indices.ExistsAsync(_alias, ct);
        if (exists.Exists) return;
        var name = NewIndexName();
        Check(await _client.Indices.CreateAsync(CreateIndexRequest(name, withAlias: true), ct), "création de l'index");
    }

    /// <summary>The index creation request: settings, explicit mapping, and the alias when it is the first index.</summary>
    public CreateIndexRequest CreateIndexRequest(string name, bool withAlias)
    {
        var french = new TextProperty { Analyzer = "french" };
        var request = new CreateIndexRequest(name)
        {
            Settings = new IndexSettings { NumberOfShards = 1 },
            Mappings = new TypeMapping
            {
                Dynamic = DynamicMapping.Strict,
                Properties = new Properties
                {
                    { "id", new KeywordProperty() },
                    { "hostBodyId", new KeywordProperty() },
                    { "hostBodyName", new TextProperty { Analyzer = "french" } },
                    { "title", new TextProperty { Analyzer = "french" } },
                    { "description", new TextProperty { Analyzer = "french" } },
                    { "activity", new KeywordProperty() },
                    { "skills", new KeywordProperty { Fields = new Properties { { "text", french } } } },
                    { "location", new GeoPointProperty() },
                    { "departement", new KeywordProperty() },
                    { "communeInsee", new KeywordProperty() },
                    { "communeName", new TextProperty { Analyzer = "french" } },
                    { "acceptsMinors", new BooleanProperty() },
                    { "nearPublicTransport", new BooleanProperty() },
                    { "wheelchairAccessible", new BooleanProperty() },
                    { "days", new KeywordProperty() },
                    { "capacity", new IntegerNumberProperty() },
                },
            },
        };
        if (withAlias) request.Aliases = new Dictionary<Name, Alias> { [_alias] = new Alias() };
        return request;
    }

    private string NewIndexName() => $"{_alias}-{DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}";

    public async Task IndexAsync(IReadOnlyCollection<PostDocument> documents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var batch in documents.Chunk(BulkBatchSize)) await BulkAsync(_alias, batch.Select(Upsert), ct);
    }

    public async Task RemoveAsync(IReadOnlyCollection<Guid> postIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        foreach (var batch in postIds.Chunk(BulkBatchSize)) await BulkAsync(_alias, batch.Select(id => (IBulkOperation)new BulkDeleteOperation(id.ToString())), ct);
    }

    private static IBulkOperation Upsert(PostDocument d) => new BulkIndexOperation<EsPost>(EsPost.From(d)) { Id = d.Id.ToString() };

    /// <summary>One bulk request; refreshed before it returns so that the change is searchable at once. A 404 on a delete is not an error.</summary>
    public static BulkRequest BulkRequest(string index, IEnumerable<IBulkOperation> operations) =>
        new(index) { Operations = [.. operations], Refresh = Refresh.WaitFor };

    private async Task BulkAsync(string index, IEnumerable<IBulkOperation> operations, CancellationToken ct)
    {
        var response = await _client.BulkAsync(BulkRequest(index, operations), ct);
        // No items: the cluster was not reached or refused the request as a whole.
        if (response.Items is not { Count: > 0 })
        {
            Check(response, "indexation");
            return;
        }
        var failed = response.ItemsWithErrors.Where(i => i.Status != 404).ToList();
        if (failed.Count == 0) return;
        throw new SearchUnavailableException($"Elasticsearch a refusé {failed.Count} opération(s) d'indexation : "
            + (failed[0].Error?.Reason ?? response.ElasticsearchServerError?.Error?.Reason ?? response.DebugInformation));
    }

    public async Task<int> RebuildAsync(IAsyncEnumerable<PostDocument> documents, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        await EnsureReadyAsync(ct);
        var name = NewIndexName();
        Check(await _client.Indices.CreateAsync(CreateIndexRequest(name, withAlias: false), ct), "création de l'index");
        var count = 0;
        var batch = new List<PostDocument>(BulkBatchSize);
        await foreach (var doc in documents.WithCancellation(ct))
        {
            batch.Add(doc);
            if (batch.Count == BulkBatchSize)
            {
                await BulkAsync(name, batch.Select(Upsert), ct);
                progress?.Report(count += batch.Count);
                batch.Clear();
            }
        }
        if (batch.Count > 0) await BulkAsync(name, batch.Select(Upsert), ct);
        progress?.Report(count += batch.Count);

        var current = await _client.Indices.GetAliasAsync(new GetAliasRequest(Names.Parse(_alias)), ct);
        var old = current.IsValidResponse && current.Aliases is { } aliases ? aliases.Keys.ToList() : [];
        Check(await _client.Indices.UpdateAliasesAsync(SwapAliasRequest(name, old), ct), "bascule de l'alias");
        foreach (var index in old) await _client.Indices.DeleteAsync(index, ct);
        return count;
    }

    /// <summary>Moves the alias from the old indices to the new one in one atomic request.</summary>
    public UpdateAliasesRequest SwapAliasRequest(string newIndex, IReadOnlyList<string> oldIndices) => new()
    {
        Actions =
        [
            .. oldIndices.Select(i => new IndexUpdateAliasesAction { Remove = new RemoveAction { Index = i, Alias = _alias } }),
            new IndexUpdateAliasesAction { Add = new AddAction { Index = newIndex, Alias = _alias } },
        ],
    };

    public async Task<long> CountAsync(CancellationToken ct = default)
    {
        var response = await _client.CountAsync(new CountRequest(_alias), ct);
        Check(response, "comptage");
        return response.Count;
    }

    /// <summary>The text (analysed in French; all documents without text) and the filters of a query.</summary>
    private static (Query Text, List<Query> Filters, GeoLocation? Origin) Parts(PostSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<Query>();
        void AnyOf(string field, IEnumerable<string> values)
        {
            var list = values.Select(v => (FieldValue)v).ToList();
            if (list.Count > 0) filters.Add(new TermsQuery { Field = field, Terms = new TermsQueryField(list) });
        }
        AnyOf("activity", query.Activities);
        AnyOf("skills", query.Skills.Select(s => s.ToLowerInvariant()));
        if (query.Day is { } day) AnyOf("days", [day]);
        if (query.Departement is { } d) AnyOf("departement", [d]);
        if (query.AcceptsMinors is { } minors) filters.Add(new TermQuery { Field = "acceptsMinors", Value = minors });
        if (query.NearPublicTransport is { } transport) filters.Add(new TermQuery { Field = "nearPublicTransport", Value = transport });
        if (query.WheelchairAccessible is { } wheelchair) filters.Add(new TermQuery { Field = "wheelchairAccessible", Value = wheelchair });
        GeoLocation? origin = query.Center is { } c ? GeoLocation.LatitudeLongitude(new LatLonGeoLocation { Lat = c.Latitude, Lon = c.Longitude }) : null;
        if (origin is not null && query.RadiusKm is { } radius)
            filters.Add(new GeoDistanceQuery { Field = "location", Location = origin, Distance = Km(radius), DistanceType = GeoDistanceType.Arc });

        Query text = query.Text is { Length: > 0 } t
            ? new MultiMatchQuery { Query = t, Fields = new[] { "title^3", "skills.text^2", "hostBodyName^1.5", "description" }, Type = TextQueryType.MostFields }
            : new MatchAllQuery();
        return (text, filters, origin);
    }

    /// <summary>The search request of a query: what the tests compare to the expected JSON.</summary>
    public SearchRequest SearchRequest(PostSearchQuery query)
    {
        var (text, filters, origin) = Parts(query);
        Query main = new BoolQuery { Must = [text], Filter = filters };
        if (origin is not null)
            main = new FunctionScoreQuery
            {
                Query = main,
                Functions = [new FunctionScore { Gauss = new GeoDecayFunction { Field = "location", Placement = new DecayPlacement<GeoLocation, string> { Origin = origin, Scale = Km(query.DecayScaleKm), Offset = "0km", Decay = 0.5 } } }],
                BoostMode = FunctionBoostMode.Multiply,
                ScoreMode = FunctionScoreMode.Multiply,
            };

        var sort = new List<SortOptions> { new() { Score = new ScoreSort { Order = SortOrder.Desc } } };
        if (origin is not null)
            sort.Add(new SortOptions { GeoDistance = new GeoDistanceSort { Field = "location", Location = [origin], Order = SortOrder.Asc, Unit = DistanceUnit.Kilometers, DistanceType = GeoDistanceType.Arc } });
        sort.Add(new SortOptions { Field = new FieldSort { Field = "id", Order = SortOrder.Asc } });

        return new SearchRequest(_alias)
        {
            Query = main,
            From = (query.Page - 1) * query.PageSize,
            Size = query.PageSize,
            TrackTotalHits = new TrackHits(true),
            TrackScores = true,
            Sort = sort,
            Aggregations = new Dictionary<string, Aggregation>
            {
                [PostSearchResult.ActivityFacet] = new() { Terms = new TermsAggregation { Field = "activity", Size = 50 } },
                [PostSearchResult.DepartementFacet] = new() { Terms = new TermsAggregation { Field = "departement", Size = 120 } },
            },
            Highlight = query.Text is { Length: > 0 }
                ? new Highlight
                {
                    PreTags = ["<mark>"],
                    PostTags = ["</mark>"],
                    Fields = [new KeyValuePair<Field, HighlightField>("title", new HighlightField()), new KeyValuePair<Field, HighlightField>("description", new HighlightField())],
                }
                : null,
        };
    }

    public async Task<PostSearchResult> SearchAsync(PostSearchQuery query, CancellationToken ct = default)
    {
        var response = await _client.SearchAsync<EsPost>(SearchRequest(query), ct);
        Check(response, "recherche");
        var hits = response.Hits.Select(h => new PostSearchHit(
            Guid.Parse(h.Id!),
            h.Score ?? 0,
            query.Center is not null && h.Sort is { Count: > 1 } s && s.ElementAt(1).TryGetDouble(out var km) ? km : null,
            [.. (h.Highlight ?? new Dictionary<string, IReadOnlyCollection<string>>()).OrderBy(x => x.Key == "title" ? 0 : 1).SelectMany(x => x.Value)])).ToList();
        var facets = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            [PostSearchResult.ActivityFacet] = Buckets(response, PostSearchResult.ActivityFacet),
            [PostSearchResult.DepartementFacet] = Buckets(response, PostSearchResult.DepartementFacet),
        };
        return new PostSearchResult(hits, (int)response.Total, facets, Partial: response.Shards?.Failed > 0);
    }

    /// <summary>Ids per page of <see cref="MatchingIdsAsync"/>; pages follow each other by <c>search_after</c> on the id.</summary>
    public const int IdsPageSize = 5000;

    /// <summary>The request for one page of ids (<paramref name="after"/>: the last id of the page before).</summary>
    public SearchRequest MatchingIdsRequest(PostSearchQuery query, string? after)
    {
        var (text, filters, _) = Parts(query);
        return new SearchRequest(_alias)
        {
            Query = new BoolQuery { Must = [text], Filter = filters },
            Size = IdsPageSize,
            Source = new SourceConfig(false),
            TrackTotalHits = new TrackHits(false),
            Sort = [new SortOptions { Field = new FieldSort { Field = "id", Order = SortOrder.Asc } }],
            SearchAfter = after is null ? null : [after],
        };
    }

    public async Task<IReadOnlyList<Guid>> MatchingIdsAsync(PostSearchQuery query, CancellationToken ct = default)
    {
        var ids = new List<Guid>();
        string? after = null;
        while (true)
        {
            var response = await _client.SearchAsync<EsPost>(MatchingIdsRequest(query, after), ct);
            Check(response, "recherche");
            if (response.Shards?.Failed > 0)
                throw new SearchUnavailableException($"Elasticsearch ({_url}), recherche : réponse partielle ({response.Shards.Failed} fragment(s) en échec).");
            foreach (var hit in response.Hits) ids.Add(Guid.Parse(hit.Id!));
            if (response.Hits.Count < IdsPageSize) return ids;
            after = response.Hits.Last().Id;
        }
    }

    private static Dictionary<string, int> Buckets(SearchResponse<EsPost> response, string name) =>
        response.Aggregations?.GetStringTerms(name)?.Buckets.ToDictionary(b => b.Key.ToString(), b => (int)b.DocCount, StringComparer.Ordinal) ?? [];

    private static string Km(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:0.###}km");

    private void Check(ElasticsearchResponse response, string what)
    {
        if (response.IsValidResponse) return;
        var reason = response.ElasticsearchServerError?.Error?.Reason ?? response.ApiCallDetails.OriginalException?.Message ?? response.DebugInformation;
        throw new SearchUnavailableException($"Elasticsearch ({_url}), {what} : {reason}", response.ApiCallDetails.OriginalException);
    }
}
