using Placement.Catalogue.Imports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Geocoding;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Search;

namespace Placement.Catalogue;

public static class CatalogueExtensions
{
    /// <summary>
    /// Registers the catalogue: options, the service's calendar, the geography of France. The host provides
    /// <see cref="Persistence.ICatalogueStore"/> and the <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddValidatedOptions<CatalogueOptions>(CatalogueOptions.Section);
        services.AddValidatedOptions<CalendarOptions>(CalendarOptions.Section);
        services.AddSingleton(sp => new ServiceCalendar(sp.GetRequiredService<TimeProvider>(),
            TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<CalendarOptions>>().Value.ZoneId)));
        services.AddSingleton(sp => FranceGeography.Load(Path.Combine(sp.GetRequiredService<IOptions<CatalogueOptions>>().Value.ResolvedSeedDirectory, "geo")));
        services.AddSingleton<CatalogueInputs>();
        services.AddSingleton<Features.Activities.ActivityVocabulary>();
        services.AddSearch();
        services.AddGeocoding();
        services.AddUseCases(typeof(CatalogueExtensions).Assembly).AddImporters(typeof(CatalogueExtensions).Assembly);
        return services;
    }

    /// <summary>Address to point: the BAN behind a resilient HttpClient when configured, the commune position otherwise.</summary>
    private static void AddGeocoding(this IServiceCollection services)
    {
        services.AddValidatedOptions<GeocodingOptions>(GeocodingOptions.Section);
        services.AddHttpClient<BanGeocoder>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<GeocodingOptions>>().Value;
                if (!string.IsNullOrWhiteSpace(options.BaseUrl)) http.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.UserAgent.ParseAdd("Placement/1.0 (SPIP TIG)");
            })
            .AddStandardResilienceHandler(resilience =>
            {
                // An officer is waiting: 3 s per attempt, two quick retries, 10 s in all, then the commune position.
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(3);
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
                resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            });
        services.AddSingleton<IGeocoder, FallbackGeocoder>();
    }

    /// <summary>The search index (engine chosen by <c>Placement:Search:Engine</c>), its outbox and its background indexer.</summary>
    private static void AddSearch(this IServiceCollection services)
    {
        services.AddValidatedOptions<SearchOptions>(SearchOptions.Section);
        services.AddSingleton<SearchIndexSignal>();
        services.AddSingleton<SearchReadiness>();
        services.AddSingleton<SearchOutboxInterceptor>();
        services.AddSingleton<PostDocuments>();
        services.AddSingleton<IPostSearchIndex>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return options.Engine == SearchEngine.Elasticsearch
                ? new ElasticsearchPostSearchIndex(options.Elasticsearch)
                : new LucenePostSearchIndex(options.IndexDirectory!);
        });
        services.TryAddSingleton<ISearchOutboxLease, SingleNodeOutboxLease>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
    }
}
