using Microsoft.Extensions.Options;
using Placement.Catalogue.Geography;
using Placement.Web.Identity;
using Placement.Matching.Features.Persons;
using Placement.Matching.Domain;

namespace Placement.Web.Features.Maps;

/// <summary>Configuration section <c>Placement:Map</c>.</summary>
public sealed class MapOptions
{
    public const string Section = "Placement:Map";

    /// <summary>A tile server (<c>https://…/{z}/{x}/{y}.png</c>) for deployments that have one; empty: département outlines only, no network.</summary>
    public string? TileUrl { get; set; }

    public string? TileAttribution { get; set; }
}

/// <summary>The background of every map: the real outlines of the départements, from the seed geography (no tile server needed).</summary>
public static class MapEndpoints
{
    public static IEndpointRouteBuilder MapMapEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/carte/departements", (FranceGeography geography, HttpContext http) =>
            {
                // Reference data: the browser keeps it for a day.
                http.Response.Headers.CacheControl = "private, max-age=86400";
                var features = geography.Departements
                    .Where(d => d.Outline is not null)
                    .Select(d => new
                    {
                        type = "Feature",
                        properties = new { code = d.Code, name = d.Name },
                        geometry = GeoJson.Write(d.Outline!),
                    });
                return TypedResults.Ok(new { type = "FeatureCollection", features });
            })
            .RequireAuthorization(Policies.Authenticated)
            .ExcludeFromDescription();
        app.MapGet("/carte/reglages", (IOptions<MapOptions> options) => TypedResults.Ok(new { tileUrl = options.Value.TileUrl, attribution = options.Value.TileAttribution }))
            .RequireAuthorization(Policies.Authenticated)
            .ExcludeFromDescription();
        return app;
    }
}
