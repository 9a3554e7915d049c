using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Search;
using Placement.Matching.Persistence;
using Placement.Web.Hosting;

namespace Placement.Web.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// The database: SQLite file <c>placement.db</c> under <c>Placement:DataDirectory</c> by default; PostgreSQL with
    /// <c>Placement:Database:Provider = Postgres</c> and <c>Placement:Database:ConnectionString</c>. Either way the rest of
    /// the service asks for <see cref="PlacementDbContext"/>.
    /// </summary>
    public static IServiceCollection AddPlacementDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[$"{PlacementOptions.Section}:Database:Provider"];
        if (string.Equals(provider, DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContext<PlacementDbContext, PostgresPlacementDbContext>((sp, options) =>
            {
                options.UseNpgsql(sp.GetRequiredService<IOptions<PlacementOptions>>().Value.Database.ConnectionString);
                options.AddInterceptors(sp.GetRequiredService<SearchOutboxInterceptor>(), PersonChangeAudit(sp), AccountChangeAudit(sp));
            });
            // Several nodes: the post's row is the lock, not a semaphore of one process.
            services.AddSingleton<Placement.Matching.Features.Placements.IPlacementGate, PostgresPlacementGate>();
            services.AddSingleton<ISearchOutboxLease, PostgresOutboxLease>();
        }
        else
            services.AddDbContext<PlacementDbContext>((sp, options) =>
            {
                var placement = sp.GetRequiredService<IOptions<PlacementOptions>>().Value;
                var env = sp.GetRequiredService<IHostEnvironment>();
                var connection = placement.Database.ConnectionString
                    ?? $"Data Source={Path.Combine(DataDirectory(placement.DataDirectory, env), "placement.db")}";
                options.UseSqlite(connection);
                // Every change of a post or host body is recorded for the search index in the same transaction.
                // … and every change of a person's data or of an account by a user gets its audit line, in the same transaction too.
                options.AddInterceptors(sp.GetRequiredService<SearchOutboxInterceptor>(), PersonChangeAudit(sp), AccountChangeAudit(sp));
            });
        services.AddScoped<IMatchingStore>(sp => sp.GetRequiredService<PlacementDbContext>());
        services.AddScoped<Placement.Notifications.Persistence.INotificationStore>(sp => sp.GetRequiredService<PlacementDbContext>());
        services.AddScoped<ICatalogueStore>(sp => sp.GetRequiredService<PlacementDbContext>());
        return services;
    }

    /// <summary>The audit of changes, told who saves at the moment of saving (the context may be created before the user is known).</summary>
    private static Placement.Matching.Features.Audit.PersonChangeAudit PersonChangeAudit(IServiceProvider scoped)
    {
        var accessor = scoped.GetRequiredService<IHttpContextAccessor>();
        return new(() => Identity.Callers.Current(accessor), scoped.GetRequiredService<TimeProvider>());
    }

    /// <summary>The audit of account changes, told who saves at the moment of saving, like <see cref="PersonChangeAudit"/>.</summary>
    private static Identity.AccountChangeAudit AccountChangeAudit(IServiceProvider scoped)
    {
        var accessor = scoped.GetRequiredService<IHttpContextAccessor>();
        return new(() => Identity.Callers.Current(accessor), scoped.GetRequiredService<TimeProvider>());
    }

    /// <summary>The data folder, absolute (relative paths start at the content root); not created here.</summary>
    public static string DataDirectory(string? configured, IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        return Path.GetFullPath(Path.Combine(env.ContentRootPath, string.IsNullOrWhiteSpace(configured) ? "App_Data" : configured));
    }

    /// <summary>
    /// Creates the data folder once the configuration is known to be valid, and proves it writable. False (the service
    /// must stop) after one line on <paramref name="error"/> naming the folder, the reason and the setting.
    /// </summary>
    public static async Task<bool> EnsureDataDirectoryAsync(this IServiceProvider services, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var options = services.GetRequiredService<IOptions<PlacementOptions>>().Value;
        var folder = DataDirectory(options.DataDirectory, services.GetRequiredService<IHostEnvironment>());
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".ecriture-{Environment.ProcessId}");
            await File.WriteAllTextAsync(probe, "ok");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Dossier de données inutilisable : {folder} ({e.Message}). Indiquez un dossier où le service peut écrire (Placement:DataDirectory).");
            return false;
        }
    }
}
