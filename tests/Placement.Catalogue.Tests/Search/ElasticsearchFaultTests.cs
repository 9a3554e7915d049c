using System.Text;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Search;

namespace Placement.Catalogue.Tests.Search;

/// <summary>
/// Elasticsearch going away while the service runs, through the client's in-memory transport: every call
/// fails with a <see cref="SearchUnavailableException"/> in French (HTTP 503 upstream), and the same adapter works
/// again as soon as the cluster answers — no restart, no state to reset.
/// </summary>
public class ElasticsearchFaultTests
{
    private static readonly Dictionary<string, IEnumerable<string>> Product = new() { ["x-elastic-product"] = ["Elasticsearch"] };

    /// <summary>Connection refused while <see cref="Down"/>; otherwise the realistic answer for the path.</summary>
    private sealed class Cluster : IRequestInvoker
    {
        private readonly InMemoryRequestInvoker _refused = new([], 502, new HttpRequestException("Connection refused (es.test:9200)"), "application/json", Product);
        private readonly InMemoryRequestInvoker _bulk = Answer("""{"took":3,"errors":false,"items":[{"index":{"_index":"placement-posts-1","_id":"11111111-1111-1111-1111-111111111111","status":200,"result":"updated"}}]}""");
        private readonly InMemoryRequestInvoker _count = Answer("""{"count":1,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}""");
        private readonly InMemoryRequestInvoker _search = Answer("""
            {"took":2,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
             "hits":{"total":{"value":1,"relation":"eq"},"max_score":1.0,"hits":[{"_index":"placement-posts-1","_id":"11111111-1111-1111-1111-111111111111","_score":1.0}]},
             "aggregations":{"sterms#activity":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"espaces-verts","doc_count":1}]},
                             "sterms#departement":{"doc_count_error_upper_bound":0,"sum_other_doc_count":0,"buckets":[{"key":"69","doc_count":1}]}}}
            """);

        public bool Down { get; set; }

        public int Calls { get; private set; }

        private static InMemoryRequestInvoker Answer(string json) => new(Encoding.UTF8.GetBytes(json), 200, null, "application/json", Product);

        private IRequestInvoker For(Endpoint endpoint)
        {
            Calls++;
            if (Down) return _refused;
            var path = endpoint.PathAndQuery;
            return path.Contains("_bulk", StringComparison.Ordinal) ? _bulk : path.Contains("_count", StringComparison.Ordinal) ? _count : _search;
        }

        public ResponseFactory ResponseFactory => _search.ResponseFactory;

        public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData) where TResponse : TransportResponse, new() =>
            For(endpoint).Request<TResponse>(endpoint, boundConfiguration, postData);

        public Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken) where TResponse : TransportResponse, new() =>
            For(endpoint).RequestAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken);

        public void Dispose() { }
    }

    private static readonly PostDocument Post = new()
    {
        Id = Guid.Parse("11111111-1111-1111-1111-111111111111"), HostBodyId = Guid.Parse("22222222-2222-2222-2222-222222222222"),
        HostBodyName = "Mairie de Lyon", Title = "Entretien des espaces verts", Description = "Tonte et désherbage.", Activity = "espaces-verts",
        Skills = ["Jardinage"], Lat = 45.764, Lon = 4.8357, Departement = "69", CommuneInsee = "69123", CommuneName = "Lyon",
        AcceptsMinors = false, NearPublicTransport = true, WheelchairAccessible = true, Days = ["mon"], Capacity = 2,
    };

    [Fact]
    public async Task AnUnreachableCluster_FailsEveryCallInFrench_AndTheSameAdapterWorksWhenItReturns()
    {
        var cluster = new Cluster { Down = true };
        var index = new ElasticsearchPostSearchIndex(new ElasticsearchClientSettings(new SingleNodePool(new Uri("http://es.test:9200")), cluster), "placement-posts", "http://es.test:9200");
        var query = new PostSearchQuery { Text = "jardin", Center = new GeoPoint(45.76, 4.83), RadiusKm = 20 };

        var search = await Assert.ThrowsAsync<SearchUnavailableException>(() => index.SearchAsync(query));
        Assert.Equal("Elasticsearch (http://es.test:9200), recherche : Connection refused (es.test:9200)", search.Message);
        var write = await Assert.ThrowsAsync<SearchUnavailableException>(() => index.IndexAsync([Post]));
        Assert.Contains("Connection refused", write.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<SearchUnavailableException>(() => index.CountAsync());
        await Assert.ThrowsAsync<SearchUnavailableException>(() => index.RemoveAsync([Post.Id]));

        cluster.Down = false;
        await index.IndexAsync([Post]);
        Assert.Equal(1, await index.CountAsync());
        var found = await index.SearchAsync(query);
        Assert.Equal([Post.Id], found.Hits.Select(h => h.PostId));
        Assert.True(cluster.Calls >= 7);
    }
}
