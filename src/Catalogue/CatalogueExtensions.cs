using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Geography;

namespace Placement.Catalogue;

public static class CatalogueExtensions
{
    /// <summary>Registers the catalogue: options, the geography of France. The host provides <see cref="Persistence.ICatalogueStore"/>.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddOptions<CatalogueOptions>().BindConfiguration(CatalogueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => FranceGeography.Load(Path.Combine(sp.GetRequiredService<IOptions<CatalogueOptions>>().Value.ResolvedSeedDirectory, "geo")));
        services.AddSingleton<CatalogueInputs>();
        return services;
    }
}
