using Microsoft.AspNetCore.Http.HttpResults;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Geocoding;
using Placement.Catalogue.Geography;
using Placement.Web.Identity;

namespace Placement.Web.Features.Geography;

public sealed record CommuneResponse(string Insee, string Name, string Departement, IReadOnlyList<string> PostalCodes, int Population, PointDto? Location, string Precision);

/// <summary>Communes of France and geocoding, for every signed-in user (forms, maps).</summary>
public static class GeographyEndpoints
{
    public static IEndpointRouteBuilder MapGeographyEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags(ApiTags.Geography).Secured(Policies.Authenticated);
        api.MapGet("/communes", Search).WithName("SearchCommunes")
            .WithSummary("Communes par début de nom ou de code postal : code INSEE, nom, département, position et sa précision.")
            .Problems(400);
        api.MapGet("/geocode", Geocode)
            .WithName("Geocode").WithSummary("Adresse → position, avec sa précision (numéro, rue, commune) et sa source (BAN ou commune).")
            .Problems(400, 404);
        return app;
    }

    public sealed record GeocodeResponse(PointDto Location, string Precision, string Source, string? Label, double? Score);

    private static async Task<Ok<GeocodeResponse>> Geocode(string? address, string? commune, IGeocoder geocoder, FranceGeography geography, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (geography.Commune(commune) is null) errors.Add("commune", "Commune inconnue (code INSEE).");
        if (address is { Length: > 300 }) errors.Add("address", "L'adresse dépasse 300 caractères.");
        errors.ThrowIfAny();
        var found = await geocoder.GeocodeAsync(address, commune!, ct);
        if (found is null) throw new NotFoundException("Position");
        return TypedResults.Ok(new GeocodeResponse(new PointDto { Lat = found.Location.Latitude, Lon = found.Location.Longitude },
            EnumNames.ToKebab(found.Precision), found.Source, found.Label, found.Score));
    }

    private static Ok<List<CommuneResponse>> Search(string? q, int? limit, FranceGeography geography)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(q)) errors.Add("q", "Saisissez un début de nom ou de code postal.");
        if (limit is < 1 or > 100) errors.Add("limit", "La limite est comprise entre 1 et 100.");
        errors.ThrowIfAny();
        return TypedResults.Ok(geography.Search(q, limit ?? 20).Select(c => new CommuneResponse(
            c.Insee, c.Name, c.Departement, c.PostalCodes, c.Population,
            c.Location is { } p ? new PointDto { Lat = p.Latitude, Lon = p.Longitude } : null,
            EnumNames.ToKebab(c.Precision))).ToList());
    }
}
