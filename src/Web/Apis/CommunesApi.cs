using Microsoft.AspNetCore.Http.HttpResults;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Geography;
using Placement.Web.Identity;

namespace Placement.Web.Apis;

public sealed record CommuneResponse(string Insee, string Name, string Departement, IReadOnlyList<string> PostalCodes, int Population, PointDto? Location, string Precision);

public static class CommunesApi
{
    public static RouteGroupBuilder MapCommunesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/communes").WithTags("Géographie").RequireAuthorization(Policies.Authenticated);
        api.MapGet("/", Search).WithName("SearchCommunes")
            .WithSummary("Communes par début de nom ou de code postal : code INSEE, nom, département, position et sa précision.");
        return api;
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
