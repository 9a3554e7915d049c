using Microsoft.Extensions.Diagnostics.HealthChecks;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Search;
using Placement.Web.Data;

namespace Placement.Web.Hosting;

/// <summary>
/// The health checks: <c>/health/live</c> answers as long as the process does; <c>/health/ready</c> when the database,
/// the geography and the search index are ready.
/// </summary>
public static class HealthChecks
{
    public static IServiceCollection AddPlacementHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<PlacementDbContext>("database", tags: ["ready"])
            .AddCheck<GeographyHealthCheck>("geography", tags: ["ready"])
            .AddCheck<SearchHealthCheck>("search", tags: ["ready"]);
        return services;
    }

    public static WebApplication MapPlacementHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}

/// <summary>Ready only when the search engine answers and the index holds the catalogue (filled at start, not behind after a failure).</summary>
internal sealed class SearchHealthCheck(IPostSearchIndex index, SearchReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (readiness.Reason is { } reason) return HealthCheckResult.Unhealthy($"{index.Engine} : {reason}");
        try
        {
            return HealthCheckResult.Healthy($"{index.Engine} : {await index.CountAsync(cancellationToken)} postes indexés");
        }
        catch (Exception e) when (e is SearchUnavailableException or IOException)
        {
            return HealthCheckResult.Unhealthy($"{index.Engine} : {e.Message}");
        }
    }
}

/// <summary>Ready only when the real geography is loaded (it validates every address).</summary>
internal sealed class GeographyHealthCheck(FranceGeography geography) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(geography.Communes.Count > 30_000
            ? HealthCheckResult.Healthy($"{geography.Communes.Count} communes")
            : HealthCheckResult.Unhealthy($"Géographie incomplète : {geography.Communes.Count} communes."));
}
