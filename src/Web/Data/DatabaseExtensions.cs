using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Search;
using Placement.Matching.Persistence;
using Placement.Web.Hosting;

namespace Placement.Web.Data;

public static class DatabaseExtensions
{
    /// <summary>The database: SQLite file <c>placement.db</c> under <c>Placement:DataDirectory</c> by default.</summary>
    public static IServiceCollection AddPlacementDatabase(this IServiceCollection services)
    {
        services.AddDbContext<PlacementDbContext>((sp, options) =>
        {
            var placement = sp.GetRequiredService<IOptions<PlacementOptions>>().Value;
            var env = sp.GetRequiredService<IHostEnvironment>();
            var connection = placement.Database.ConnectionString
                ?? $"Data Source={Path.Combine(DataDirectory(placement, env), "placement.db")}";
            options.UseSqlite(connection);
            // Every change of a post or host body is recorded for the search index in the same transaction.
            options.AddInterceptors(sp.GetRequiredService<SearchOutboxInterceptor>());
        });
        services.AddScoped<IMatchingStore>(sp => sp.GetRequiredService<PlacementDbContext>());
        services.AddScoped<ICatalogueStore>(sp => sp.GetRequiredService<PlacementDbContext>());
        return services;
    }

    /// <summary>The data folder, absolute, created if missing.</summary>
    public static string DataDirectory(PlacementOptions options, IHostEnvironment env)
    {
        var path = Path.GetFullPath(Path.Combine(env.ContentRootPath, options.DataDirectory));
        Directory.CreateDirectory(path);
        return path;
    }
}
