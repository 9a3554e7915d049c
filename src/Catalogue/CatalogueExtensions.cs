using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Search;

namespace Placement.Catalogue;

public static class CatalogueExtensions
{
    /// <summary>Registers the catalogue: options, the geography of France. The host provides <see cref="Persistence.ICatalogueStore"/>.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddOptions<CatalogueOptions>().BindConfiguration(CatalogueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => FranceGeography.Load(Path.Combine(sp.GetRequiredService<IOptions<CatalogueOptions>>().Value.ResolvedSeedDirectory, "geo")));
        services.AddSingleton<CatalogueInputs>();
        services.AddSearch();
        return services;
    }

    /// <summary>The search index (engine chosen by <c>Placement:Search:Engine</c>), its outbox and its background indexer.</summary>
    private static void AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SearchIndexSignal>();
        services.AddSingleton<SearchOutboxInterceptor>();
        services.AddSingleton<PostDocuments>();
        services.AddSingleton<IPostSearchIndex>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return options.Engine == SearchEngine.Elasticsearch
                ? new ElasticsearchPostSearchIndex(options.Elasticsearch)
                : new LucenePostSearchIndex(options.IndexDirectory!);
        });
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
    }
}
