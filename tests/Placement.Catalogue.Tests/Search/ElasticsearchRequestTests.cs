using System.Text;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Search;

namespace Placement.Catalogue.Tests.Search;

/// <summary>
/// The Elasticsearch adapter without a server: the client's in-memory transport answers with realistic
/// responses, and the requests it would have sent are compared, as JSON, with what they must be.
/// </summary>
public class ElasticsearchRequestTests
{
    private sealed class Recorder
    {
        public List<(string Method, string Path, string? Body)> Calls { get; } = [];
    }

    private static (ElasticsearchPostSearchIndex Index, Recorder Recorder) Engine(string response, int status = 200)
    {
        var recorder = new Recorder();
        var headers = new Dictionary<string, IEnumerable<string>> { ["x-elastic-product"] = ["Elasticsearch"] };
        var invoker = new InMemoryRequestInvoker(Encoding.UTF8.GetBytes(response), status, null, "application/json", headers);
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://es.test:9200")), invoker)
            .DisableDirectStreaming()
            .OnRequestCompleted(call => recorder.Calls.Add((call.HttpMethod.ToString(), call.Uri!.PathAndQuery,
                call.RequestBodyInBytes is { } body ? Encoding.UTF8.GetString(body) : null)));
        return (new ElasticsearchPostSearchIndex(settings, "placement-posts"), recorder);
    }

    /// <summary>Same JSON: same objects (any key order), arrays, strings and booleans; numbers equal as doubles (45.764 = 45.764000000000003).</summary>
    private static void AssertJson(string expected, string? actual) =>
        Assert.True(Same(JsonNode.Parse(expected), JsonNode.Parse(actual!)), $"Expected\n{expected}\nActual\n{actual}");

    private static bool Same(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var v) && Same(p.Value, v)),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
        (JsonValue x, JsonValue y) when x.GetValueKind() == System.Text.Json.JsonValueKind.Number && y.GetValueKind() == System.Text.Json.JsonValueKind.Number
            => x.GetValue<double>() == y.GetValue<double>(),
        (JsonValue x, JsonValue y) => JsonNode.DeepEquals(x, y),
        _ => false,
    };

    private static readonly PostDocument Sample = new()
    {
        Id = Guid.Parse("11111111-1111-1111-1111-111111111111"), HostBodyId = Guid.Parse("22222222-2222-2222-2222-222222222222"),
        HostBodyName = "Mairie de Lyon", Title = "Entretien des espaces verts", Description = "Tonte et désherbage.", Activity = "espaces-verts",
        Skills = ["Jardinage"], Lat = 45.764, Lon = 4.8357, Departement = "69", CommuneInsee = "69123", CommuneName = "Lyon",
        AcceptsMinors = false, NearPublicTransport = true, WheelchairAccessible = true, Days = ["mon", "sat"], Capacity = 2,
    };

    [Fact]
    public async Task EnsureReady_OnAnUnreachableCluster_FailsWithAClearMessage()
    {
        var recorder = new Recorder();
        var invoker = new InMemoryRequestInvoker([], 502, new HttpRequestException("Connection refused (es.test:9200)"), "application/json",
            new Dictionary<string, IEnumerable<string>> { ["x-elastic-product"] = ["Elasticsearch"] });
        var index = new ElasticsearchPostSearchIndex(new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://es.test:9200")), invoker), "placement-posts", "http://es.test:9200");
        var e = await Assert.ThrowsAsync<SearchUnavailableException>(() => index.EnsureReadyAsync());
        Assert.Contains("Elasticsearch injoignable à http://es.test:9200", e.Message, StringComparison.Ordinal);
        Assert.Contains("Placement:Search:Elasticsearch:Url", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheIndex_IsCreatedWithTheExplicitFrenchMapping_AndTheAlias()
    {
        var (index, _) = Engine("{}");
        var request = index.CreateIndexRequest("placement-posts-1", withAlias: true);
        var client = new ElasticsearchClient(new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://es.test:9200")),
            new InMemoryRequestInvoker(Encoding.UTF8.GetBytes("""{"acknowledged":true,"shards_acknowledged":true,"index":"placement-posts-1"}"""), 200, null, "application/json",
                new Dictionary<string, IEnumerable<string>> { ["x-elastic-product"] = ["Elasticsearch"] })).DisableDirectStreaming());
        var response = await client.Indices.CreateAsync(request);
        Assert.True(response.IsValidResponse);
        Assert.Equal("/placement-posts-1", response.ApiCallDetails.Uri!.AbsolutePath);
        AssertJson("""
            {
              "aliases": { "placement-posts": {} },
              "mappings": {
                "dynamic": "strict",
                "properties": {
                  "id": { "type": "keyword" },
                  "hostBodyId": { "type": "keyword" },
                  "hostBodyName": { "type": "text", "analyzer": "french" },
                  "title": { "type": "text", "analyzer": "french" },
                  "description": { "type": "text", "analyzer": "french" },
                  "activity": { "type": "keyword" },
                  "skills": { "type": "keyword", "fields": { "text": { "type": "text", "analyzer": "french" } } },
                  "location": { "type": "geo_point" },
                  "departement": { "type": "keyword" },
                  "communeInsee": { "type": "keyword" },
                  "communeName": { "type": "text", "analyzer": "french" },
                  "acceptsMinors": { "type": "boolean" },
                  "nearPublicTransport": { "type": "boolean" },
                  "wheelchairAccessible": { "type": "boolean" },
                  "days": { "type": "keyword" },
                  "capacity": { "type": "integer" }
                }
              },
              "settings": { "number_of_shards": 1 }
            }
            """, Encoding.UTF8.GetString(response.ApiCallDetails.RequestBodyInBytes!));
    }

    [Fact]
    public async Task Index_SendsOneBulkRequest_WithIdsAndGeoPoints_AndWaitsForRefresh()
    {
        var (index, recorder) = Engine("""{"errors":false,"took":3,"items":[{"index":{"_index":"placement-posts-1","_id":"11111111-1111-1111-1111-111111111111","status":201,"result":"created"}}]}""");
        await index.IndexAsync([Sample]);
        var (method, path, body) = Assert.Single(recorder.Calls);
        Assert.Equal(("POST", "/placement-posts/_bulk?refresh=wait_for"), (method, path));
        var lines = body!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        AssertJson("""{ "index": { "_id": "11111111-1111-1111-1111-111111111111" } }""", lines[0]);
        AssertJson("""
            {
              "id": "11111111-1111-1111-1111-111111111111", "hostBodyId": "22222222-2222-2222-2222-222222222222",
              "hostBodyName": "Mairie de Lyon", "title": "Entretien des espaces verts", "description": "Tonte et désherbage.",
              "activity": "espaces-verts", "skills": ["jardinage"], "location": { "lat": 45.764, "lon": 4.8357 },
              "departement": "69", "communeInsee": "69123", "communeName": "Lyon",
              "acceptsMinors": false, "nearPublicTransport": true, "wheelchairAccessible": true, "days": ["mon", "sat"], "capacity": 2
            }
            """, lines[1]);
    }

    [Fact]
    public async Task Remove_SendsBulkDeletes_AndAMissingDocumentIsNotAnError()
    {
        var (index, recorder) = Engine("""{"errors":false,"took":1,"items":[{"delete":{"_index":"placement-posts-1","_id":"11111111-1111-1111-1111-111111111111","status":404,"result":"not_found"}}]}""");
        await index.RemoveAsync([Sample.Id]);
        AssertJson("""{ "delete": { "_id": "11111111-1111-1111-1111-111111111111" } }""", recorder.Calls[0].Body!.Split('\n')[0]);
    }

    [Fact]
    public async Task ARejectedBulkItem_IsAnError_NamingTheReason()
    {
        var (index, _) = Engine("""{"errors":true,"took":1,"items":[{"index":{"_index":"placement-posts-1","_id":"x","status":400,"error":{"type":"strict_dynamic_mapping_exception","reason":"mapping set to strict, dynamic introduction of [foo] within [_doc] is not allowed"}}}]}""");
        var e = await Assert.ThrowsAsync<SearchUnavailableException>(() => index.IndexAsync([Sample]));
        Assert.Contains("dynamic introduction of [foo]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithText_Distance_AndFilters_SendsTheExpectedQuery()
    {
        var (index, recorder) = Engine(SearchResponse);
        await index.SearchAsync(new PostSearchQuery
        {
            Text = "jardinage (espaces) AND",
            Center = new GeoPoint(45.764, 4.8357),
            RadiusKm = 20,
            Activities = ["espaces-verts"],
            Skills = ["Jardinage"],
            AcceptsMinors = true,
            Day = "sat",
            Page = 2,
            PageSize = 10,
        });
        var (method, path, body) = Assert.Single(recorder.Calls);
        Assert.Equal("POST", method);
        Assert.StartsWith("/placement-posts/_search", path, StringComparison.Ordinal);
        AssertJson("""
            {
              "aggregations": {
                "activity": { "terms": { "field": "activity", "size": 50 } },
                "departement": { "terms": { "field": "departement", "size": 120 } }
              },
              "from": 10,
              "highlight": { "fields": [ { "title": {} }, { "description": {} } ], "post_tags": ["</mark>"], "pre_tags": ["<mark>"] },
              "query": {
                "function_score": {
                  "boost_mode": "multiply",
                  "functions": [
                    { "gauss": { "location": { "decay": 0.5, "offset": "0km", "origin": { "lat": 45.764, "lon": 4.8357 }, "scale": "10km" } } }
                  ],
                  "query": {
                    "bool": {
                      "filter": [
                        { "terms": { "activity": ["espaces-verts"] } },
                        { "terms": { "skills": ["jardinage"] } },
                        { "terms": { "days": ["sat"] } },
                        { "term": { "acceptsMinors": { "value": true } } },
                        { "geo_distance": { "distance": "20km", "distance_type": "arc", "location": { "lat": 45.764, "lon": 4.8357 } } }
                      ],
                      "must": { "multi_match": { "fields": ["title^3", "skills.text^2", "hostBodyName^1.5", "description"], "query": "jardinage (espaces) AND", "type": "most_fields" } }
                    }
                  },
                  "score_mode": "multiply"
                }
              },
              "size": 10,
              "sort": [
                { "_score": { "order": "desc" } },
                { "_geo_distance": { "distance_type": "arc", "location": { "lat": 45.764, "lon": 4.8357 }, "order": "asc", "unit": "km" } },
                { "id": { "order": "asc" } }
              ],
              "track_scores": true,
              "track_total_hits": true
            }
            """, body);
    }

    [Fact]
    public async Task Search_WithoutTextOrCentre_MatchesAllAndFiltersOnly()
    {
        var (index, recorder) = Engine(SearchResponse);
        await index.SearchAsync(new PostSearchQuery { Departement = "69", NearPublicTransport = true, WheelchairAccessible = false });
        AssertJson("""
            {
              "aggregations": {
                "activity": { "terms": { "field": "activity", "size": 50 } },
                "departement": { "terms": { "field": "departement", "size": 120 } }
              },
              "from": 0,
              "query": {
                "bool": {
                  "filter": [
                    { "terms": { "departement": ["69"] } },
                    { "term": { "nearPublicTransport": { "value": true } } },
                    { "term": { "wheelchairAccessible": { "value": false } } }
                  ],
                  "must": { "match_all": {} }
                }
              },
              "size": 20,
              "sort": [ { "_score": { "order": "desc" } }, { "id": { "order": "asc" } } ],
              "track_scores": true,
              "track_total_hits": true
            }
            """, recorder.Calls[0].Body);
    }

    private const string SearchResponse = """
        {
          "took": 7, "timed_out": false,
          "_shards": { "total": 1, "successful": 1, "skipped": 0, "failed": 0 },
          "hits": {
            "total": { "value": 2, "relation": "eq" },
            "max_score": 1.8,
            "hits": [
              {
                "_index": "placement-posts-20261128", "_id": "11111111-1111-1111-1111-111111111111", "_score": 1.8,
                "_source": { "id": "11111111-1111-1111-1111-111111111111", "hostBodyId": "22222222-2222-2222-2222-222222222222", "hostBodyName": "Mairie de Lyon",
                  "title": "Entretien des espaces verts", "description": "Tonte et désherbage.", "activity": "espaces-verts", "skills": ["jardinage"],
                  "location": { "lat": 45.764, "lon": 4.8357 }, "departement": "69", "communeInsee": "69123", "communeName": "Lyon",
                  "acceptsMinors": false, "nearPublicTransport": true, "wheelchairAccessible": true, "days": ["mon"], "capacity": 2 },
                "highlight": { "description": ["Tonte et <mark>désherbage</mark>."], "title": ["Entretien des <mark>espaces</mark> verts"] },
                "sort": [1.8, 0.0, "11111111-1111-1111-1111-111111111111"]
              },
              {
                "_index": "placement-posts-20261128", "_id": "33333333-3333-3333-3333-333333333333", "_score": 0.9,
                "_source": { "id": "33333333-3333-3333-3333-333333333333", "hostBodyId": "22222222-2222-2222-2222-222222222222", "hostBodyName": "Mairie de Lyon",
                  "title": "Aide jardinier", "description": "Arrosage.", "activity": "espaces-verts", "skills": [],
                  "location": { "lat": 45.80, "lon": 4.85 }, "departement": "69", "communeInsee": "69123", "communeName": "Lyon",
                  "acceptsMinors": true, "nearPublicTransport": false, "wheelchairAccessible": false, "days": ["sat"], "capacity": 1 },
                "sort": [0.9, 4.2, "33333333-3333-3333-3333-333333333333"]
              }
            ]
          },
          "aggregations": {
            "sterms#activity": { "doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [ { "key": "espaces-verts", "doc_count": 2 } ] },
            "sterms#departement": { "doc_count_error_upper_bound": 0, "sum_other_doc_count": 0, "buckets": [ { "key": "69", "doc_count": 2 } ] }
          }
        }
        """;

    [Fact]
    public async Task ASearchResponse_IsReadIntoHits_Distances_Highlights_AndFacets()
    {
        var (index, _) = Engine(SearchResponse);
        var result = await index.SearchAsync(new PostSearchQuery { Text = "espaces", Center = new GeoPoint(45.764, 4.8357), RadiusKm = 20 });
        Assert.Equal(2, result.Total);
        Assert.False(result.Partial);
        Assert.Equal([Guid.Parse("11111111-1111-1111-1111-111111111111"), Guid.Parse("33333333-3333-3333-3333-333333333333")], result.Hits.Select(h => h.PostId));
        Assert.Equal(1.8, result.Hits[0].Score);
        Assert.Equal(4.2, result.Hits[1].DistanceKm);
        Assert.Equal(["Entretien des <mark>espaces</mark> verts", "Tonte et <mark>désherbage</mark>."], result.Hits[0].Highlights);
        Assert.Equal(new Dictionary<string, int> { ["espaces-verts"] = 2 }, result.Facets[PostSearchResult.ActivityFacet]);
        Assert.Equal(new Dictionary<string, int> { ["69"] = 2 }, result.Facets[PostSearchResult.DepartementFacet]);
    }

    [Fact]
    public async Task MatchingIds_AskForIdsOnly_SortedById_AndPageBySearchAfter()
    {
        var (index, recorder) = Engine(SearchResponse);
        var ids = await index.MatchingIdsAsync(new PostSearchQuery { Text = "espaces", Center = new GeoPoint(45.764, 4.8357), RadiusKm = 20, Activities = ["espaces-verts"] });
        Assert.Equal([Guid.Parse("11111111-1111-1111-1111-111111111111"), Guid.Parse("33333333-3333-3333-3333-333333333333")], ids);
        Assert.Single(recorder.Calls); // fewer hits than a page: the last page
        AssertJson("""
            {
              "_source": false,
              "query": {
                "bool": {
                  "filter": [
                    { "terms": { "activity": ["espaces-verts"] } },
                    { "geo_distance": { "distance": "20km", "distance_type": "arc", "location": { "lat": 45.764, "lon": 4.8357 } } }
                  ],
                  "must": { "multi_match": { "fields": ["title^3", "skills.text^2", "hostBodyName^1.5", "description"], "query": "espaces", "type": "most_fields" } }
                }
              },
              "size": 5000,
              "sort": { "id": { "order": "asc" } },
              "track_total_hits": false
            }
            """, recorder.Calls[0].Body);
    }

    [Fact]
    public async Task MatchingIds_AFullPage_AsksForTheNextAfterItsLastId()
    {
        var hits = string.Join(",", Enumerable.Range(0, ElasticsearchPostSearchIndex.IdsPageSize).Select(i =>
            $$"""{ "_index": "placement-posts-20261128", "_id": "{{new Guid(i, 0, 0, new byte[8])}}", "_score": null, "sort": ["{{new Guid(i, 0, 0, new byte[8])}}"] }"""));
        var full = $$"""{ "took": 3, "timed_out": false, "_shards": { "total": 1, "successful": 1, "skipped": 0, "failed": 0 }, "hits": { "max_score": null, "hits": [{{hits}}] } }""";
        var recorder = new Recorder();
        var calls = 0;
        // First call: a full page; second: an empty one.
        var empty = """{ "took": 1, "timed_out": false, "_shards": { "total": 1, "successful": 1, "skipped": 0, "failed": 0 }, "hits": { "max_score": null, "hits": [] } }""";
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://es.test:9200")), new PagedInvoker(() => calls++ == 0 ? full : empty))
            .DisableDirectStreaming()
            .OnRequestCompleted(call => recorder.Calls.Add((call.HttpMethod.ToString(), call.Uri!.PathAndQuery, call.RequestBodyInBytes is { } body ? Encoding.UTF8.GetString(body) : null)));
        var index = new ElasticsearchPostSearchIndex(settings, "placement-posts");
        var ids = await index.MatchingIdsAsync(new PostSearchQuery { Departement = "69" });
        Assert.Equal(ElasticsearchPostSearchIndex.IdsPageSize, ids.Count);
        Assert.Equal(2, recorder.Calls.Count);
        Assert.Null(JsonNode.Parse(recorder.Calls[0].Body!)!["search_after"]);
        Assert.Equal(new Guid(ElasticsearchPostSearchIndex.IdsPageSize - 1, 0, 0, new byte[8]).ToString(),
            JsonNode.Parse(recorder.Calls[1].Body!)!["search_after"]!.AsArray().Single()!.GetValue<string>());
    }

    /// <summary>The in-memory invoker, answering each call with the next response.</summary>
    private sealed class PagedInvoker(Func<string> next) : IRequestInvoker
    {
        private static readonly Dictionary<string, IEnumerable<string>> Headers = new() { ["x-elastic-product"] = ["Elasticsearch"] };
        private InMemoryRequestInvoker Current() => new(Encoding.UTF8.GetBytes(next()), 200, null, "application/json", Headers);
        public ResponseFactory ResponseFactory => Current().ResponseFactory;
        public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData) where TResponse : TransportResponse, new() =>
            Current().Request<TResponse>(endpoint, boundConfiguration, postData);
        public Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken) where TResponse : TransportResponse, new() =>
            Current().RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken);
        public void Dispose() { }
    }

    /// <summary>The search response when one shard of two failed.</summary>
    private static readonly string PartialSearchResponse = SearchResponse.Replace(
        "\"_shards\": { \"total\": 1, \"successful\": 1, \"skipped\": 0, \"failed\": 0 }",
        "\"_shards\": { \"total\": 2, \"successful\": 1, \"skipped\": 0, \"failed\": 1, \"failures\": [ { \"shard\": 1, \"index\": \"placement-posts-20261128\", \"node\": \"n1\", \"reason\": { \"type\": \"node_not_connected_exception\", \"reason\": \"[n2] Node not connected\" } } ] }",
        StringComparison.Ordinal);

    [Fact]
    public async Task MatchingIds_RefuseAPartialAnswer()
    {
        var (index, _) = Engine(PartialSearchResponse);
        var error = await Assert.ThrowsAsync<SearchUnavailableException>(() => index.MatchingIdsAsync(new PostSearchQuery { Text = "espaces" }));
        Assert.Contains("partielle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APartialShardFailure_StillAnswers_ButSaysSo()
    {
        var (index, _) = Engine(PartialSearchResponse);
        var result = await index.SearchAsync(new PostSearchQuery { Text = "espaces" });
        Assert.True(result.Partial);
        Assert.Equal(2, result.Hits.Count);
    }

    [Fact]
    public async Task AnErrorResponse_IsASearchUnavailableException_WithTheServersReason()
    {
        var (index, _) = Engine("""{"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [placement-posts]"}],"type":"index_not_found_exception","reason":"no such index [placement-posts]","index":"placement-posts"},"status":404}""", 404);
        var e = await Assert.ThrowsAsync<SearchUnavailableException>(() => index.SearchAsync(new PostSearchQuery { Text = "x" }));
        Assert.Contains("no such index [placement-posts]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SwappingTheAlias_IsOneAtomicRequest()
    {
        var (index, _) = Engine("{}");
        var request = index.SwapAliasRequest("placement-posts-2", ["placement-posts-1"]);
        Assert.Equal(2, request.Actions!.Count);
        Assert.Equal("placement-posts-1", request.Actions.First().Remove!.Index!.ToString());
        Assert.Equal("placement-posts-2", request.Actions.Last().Add!.Index!.ToString());
    }
}
