using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.Search;
using Placement.Web.Identity;

namespace Placement.Web.Features.Search;

/// <summary>HTTP adapters of catalogue search and of the index rebuild.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/api/posts/search").WithTags(ApiTags.Search).Secured(Policies.Search);
        search.MapGet("/", async ([AsParameters] SearchPostsQuery query, Caller caller, SearchPosts handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, query, ct)))
            .WithName("SearchPosts")
            .WithSummary("Recherche plein texte en français, autour d'un point ou d'une commune, avec filtres et facettes.")
            .Problems(400, 503);
        var admin = app.MapGroup("/api/search").WithTags(ApiTags.Search).Secured(Policies.Admin);
        admin.MapPost("/reindex", async (Caller caller, RebuildSearchIndex handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, null, ct)))
            .WithName("Reindex").WithSummary("Reconstruit l'index de recherche depuis la base (bascule atomique).")
            .Problems(503);
        return app;
    }
}
