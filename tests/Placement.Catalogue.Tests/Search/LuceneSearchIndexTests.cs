using Placement.Catalogue.Search;

namespace Placement.Catalogue.Tests.Search;

/// <summary>The behavioural suite against the embedded Lucene.Net index, in a fresh folder.</summary>
public sealed class LuceneSearchIndexTests : SearchIndexBehaviour
{
    private readonly string _folder = Directory.CreateTempSubdirectory("placement-lucene-").FullName;
    private LucenePostSearchIndex? _lucene;

    protected override Task<IPostSearchIndex> CreateIndexAsync() => Task.FromResult<IPostSearchIndex>(_lucene = new LucenePostSearchIndex(_folder));

    public override Task DisposeAsync()
    {
        _lucene?.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheIndex_SurvivesAReopen_AndARebuildSwitchesFolders()
    {
        await Index.RebuildAsync(Docs.All.Take(4).ToAsyncEnumerable());
        _lucene!.Dispose();
        using var reopened = new LucenePostSearchIndex(_folder);
        Assert.Equal(4, await reopened.CountAsync());
        Assert.Single(Directory.GetDirectories(_folder), d => Path.GetFileName(d).StartsWith("index-", StringComparison.Ordinal));
        _lucene = null;
    }
}

/// <summary>The behavioural suite against a live Elasticsearch cluster, when ELASTICSEARCH_URL names one.</summary>
public sealed class ElasticsearchLiveTests : SearchIndexBehaviour
{
    protected override Task<IPostSearchIndex> CreateIndexAsync()
    {
        var url = Environment.GetEnvironmentVariable("ELASTICSEARCH_URL");
        Skip.If(string.IsNullOrWhiteSpace(url), "ELASTICSEARCH_URL is not set: no live Elasticsearch cluster on this machine (none can be installed here).");
        return Task.FromResult<IPostSearchIndex>(new ElasticsearchPostSearchIndex(new ElasticsearchOptions
        {
            Url = url,
            ApiKey = Environment.GetEnvironmentVariable("ELASTICSEARCH_API_KEY"),
            IndexName = $"placement-test-{Guid.NewGuid():N}",
        }));
    }
}
