using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;
using Placement.Matching.Contracts;
using Placement.Web.Identity;

namespace Placement.Web.Apis;

public static class PostsApi
{
    public static RouteGroupBuilder MapPostsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/posts").WithTags("Postes de TIG");
        api.MapGet("/", List).RequireAuthorization(Policies.CatalogueRead)
            .WithName("ListPosts").WithSummary("Postes, par département et statut, paginés ; un partenaire ne voit que les siens.");
        api.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.CatalogueRead)
            .WithName("GetPost").WithSummary("Un poste.");
        api.MapPost("/", Create).RequireAuthorization(Policies.CatalogueWrite)
            .WithName("CreatePost").WithSummary("Crée un poste en brouillon ; l'adresse par défaut est celle de la structure.");
        api.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.CatalogueWrite)
            .WithName("UpdatePost").WithSummary("Modifie un poste (sauf clôturé).");
        foreach (var action in Enum.GetValues<PostAction>())
        {
            var policy = action == PostAction.Publish ? Policies.PostValidate : Policies.CatalogueWrite;
            api.MapPost($"/{{id:guid}}/{action.ToString().ToLowerInvariant()}",
                    (Guid id, HttpContext http, ICatalogueStore store, TimeProvider clock, CancellationToken ct) => Move(id, action, http, store, clock, ct))
                .RequireAuthorization(policy)
                .WithName($"{action}Post")
                .WithSummary(action switch
                {
                    PostAction.Submit => "Soumet un brouillon à la validation du SPIP.",
                    PostAction.Publish => "Inscrit le poste sur la liste départementale (ou le rétablit après suspension).",
                    PostAction.Suspend => "Suspend un poste publié.",
                    _ => "Clôture le poste (définitif).",
                });
        }
        return api;
    }

    private static async Task<Results<Ok<PagedResult<PostResponse>>, ValidationProblem>> List(
        string? departement, string? status, Guid? hostBodyId, int? page, int? pageSize, HttpContext http, ICatalogueStore store, CancellationToken ct)
    {
        var (p, size) = ApiSupport.Paging(page, pageSize);
        var scope = new CallerScope(http.User);
        var query = store.Posts.AsNoTracking();
        if (!scope.SeesAllCatalogue) query = query.Where(x => x.HostBodyId == scope.HostBodyId);
        if (hostBodyId is { } h) query = query.Where(x => x.HostBodyId == h);
        if (!string.IsNullOrWhiteSpace(departement)) query = query.Where(x => x.Departement == departement.Trim().ToUpperInvariant());
        if (!string.IsNullOrWhiteSpace(status))
        {
            var s = EnumNames.Parse<PostStatus>(status, "status");
            query = query.Where(x => x.Status == s);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(x => x.Departement).ThenBy(x => x.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<PostResponse>(items.Adapt<List<PostResponse>>(MatchingMappings.Config), total, p, size));
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> Get(Guid id, HttpContext http, ICatalogueStore store, CancellationToken ct)
    {
        var post = await store.Posts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (post is null) return ApiSupport.NotFound("Poste");
        if (!new CallerScope(http.User).CanReadHostBody(post.HostBodyId)) return ApiSupport.Forbidden("Ce poste n'est pas le vôtre.");
        return TypedResults.Ok(post.Adapt<PostResponse>(MatchingMappings.Config));
    }

    private static async Task<Results<Created<PostResponse>, ProblemHttpResult, ValidationProblem>> Create(
        CreatePostRequest input, HttpContext http, ICatalogueStore store, CatalogueInputs inputs, TimeProvider clock, CancellationToken ct)
    {
        var hostBody = await store.HostBodies.AsNoTracking().FirstOrDefaultAsync(h => h.Id == input.HostBodyId, ct);
        if (hostBody is null) return ApiSupport.Invalid("hostBodyId", "Structure d'accueil inconnue.");
        if (!new CallerScope(http.User).CanEditHostBody(hostBody.Id, hostBody.Departement))
            return ApiSupport.Forbidden("Cette structure d'accueil n'est pas dans votre périmètre.");
        var details = await inputs.PostAsync(WithDefaultAddress(input, hostBody), ct);
        var post = new Post(Guid.NewGuid(), hostBody.Id, details, clock.GetUtcNow());
        store.Posts.Add(post);
        await store.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/posts/{post.Id}", post.Adapt<PostResponse>(MatchingMappings.Config));
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> Update(
        Guid id, PostFields input, HttpContext http, ICatalogueStore store, CatalogueInputs inputs, TimeProvider clock, CancellationToken ct)
    {
        var post = await store.Posts.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (post is null) return ApiSupport.NotFound("Poste");
        var hostBody = await store.HostBodies.AsNoTracking().FirstAsync(h => h.Id == post.HostBodyId, ct);
        if (!new CallerScope(http.User).CanEditHostBody(hostBody.Id, hostBody.Departement))
            return ApiSupport.Forbidden("Ce poste n'est pas dans votre périmètre.");
        post.Update(await inputs.PostAsync(WithDefaultAddress(input, hostBody), ct), clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return TypedResults.Ok(post.Adapt<PostResponse>(MatchingMappings.Config));
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> Move(
        Guid id, PostAction action, HttpContext http, ICatalogueStore store, TimeProvider clock, CancellationToken ct)
    {
        var post = await store.Posts.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (post is null) return ApiSupport.NotFound("Poste");
        var scope = new CallerScope(http.User);
        var allowed = action == PostAction.Publish ? scope.CanValidate(post.Departement) : scope.CanEditHostBody(post.HostBodyId, post.Departement);
        if (!allowed) return ApiSupport.Forbidden("Ce poste n'est pas dans votre périmètre.");
        post.Move(action, clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return TypedResults.Ok(post.Adapt<PostResponse>(MatchingMappings.Config));
    }

    private static PostFields WithDefaultAddress(PostFields input, HostBody hostBody) =>
        input.Address is null ? input with { Address = hostBody.Details.Address.Adapt<AddressDto>(MatchingMappings.Config) } : input;
}
