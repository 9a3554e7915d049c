using Microsoft.AspNetCore.Http.HttpResults;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Features.Posts;
using Placement.Web.Identity;

namespace Placement.Web.Features.Posts;

/// <summary>HTTP adapters of the post use cases.</summary>
public static class PostsEndpoints
{
    public static IEndpointRouteBuilder MapPostsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/posts").WithTags(ApiTags.Posts).Secured(Policies.CatalogueRead);
        api.MapGet("/", async ([AsParameters] ListPostsQuery query, Caller caller, ListPosts handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, query, ct)))
            .WithName("ListPosts").WithSummary("Postes, par département et statut, paginés ; un partenaire ne voit que les siens.")
            .Problems(400);
        api.MapGet("/{id:guid}", async (Guid id, Caller caller, GetPost handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("GetPost").WithSummary("Un poste.")
            .Problems(404);
        api.MapPost("/", async Task<Created<PostResponse>> (CreatePostRequest input, Caller caller, CreatePost handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(caller, input, ct);
                return TypedResults.Created($"/api/posts/{created.Id}", created);
            })
            .RequireAuthorization(Policies.CatalogueWrite)
            .WithName("CreatePost").WithSummary("Crée un poste en brouillon ; l'adresse par défaut est celle de la structure.")
            .Problems(400);
        api.MapPut("/{id:guid}", async (Guid id, PostFields input, Caller caller, UpdatePost handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, input, ct)))
            .RequireAuthorization(Policies.CatalogueWrite)
            .WithName("UpdatePost").WithSummary("Modifie un poste (sauf clôturé).")
            .Problems(400, 404, 409);
        api.MapPost("/{id:guid}/refuse", async (Guid id, RefusalRequest request, Caller caller, RefusePost handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, request, ct)))
            .RequireAuthorization(Policies.PostValidate)
            .WithName("RefusePost").WithSummary("Refuse un poste soumis à validation : retour en brouillon, avec un motif que la structure lira.")
            .Problems(400, 404, 409);
        foreach (var action in Enum.GetValues<PostAction>().Where(a => a != PostAction.Refuse))
        {
            api.MapPost($"/{{id:guid}}/{action.ToString().ToLowerInvariant()}", async (Guid id, Caller caller, MovePost handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.HandleAsync(caller, id, action, ct)))
                .RequireAuthorization(action == PostAction.Publish ? Policies.PostValidate : Policies.CatalogueWrite)
                .WithName($"{action}Post")
                .WithSummary(action switch
                {
                    PostAction.Submit => "Soumet un brouillon à la validation du SPIP.",
                    PostAction.Publish => "Inscrit le poste sur la liste départementale (ou le rétablit après suspension).",
                    PostAction.Suspend => "Suspend un poste publié.",
                    PostAction.Reopen => "Rouvre un poste suspendu (la structure, sans nouvelle validation).",
                    _ => "Clôture le poste (définitif).",
                })
                .Problems(404, 409);
        }
        return app;
    }
}
