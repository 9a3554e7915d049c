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

public static class HostBodiesApi
{
    public static RouteGroupBuilder MapHostBodiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/host-bodies").WithTags("Structures d'accueil");
        api.MapGet("/", List).RequireAuthorization(Policies.CatalogueRead)
            .WithName("ListHostBodies").WithSummary("Structures d'accueil, par département ; un partenaire ne voit que la sienne.");
        api.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.CatalogueRead)
            .WithName("GetHostBody").WithSummary("Une structure d'accueil.");
        api.MapPost("/", Create).RequireAuthorization(Policies.HostBodyRegister)
            .WithName("CreateHostBody").WithSummary("Enregistre une structure d'accueil (coordinateur du département, administrateur).");
        api.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.CatalogueWrite)
            .WithName("UpdateHostBody").WithSummary("Modifie une structure d'accueil ; un partenaire ne change pas son habilitation.");
        return api;
    }

    private static async Task<Ok<PagedResult<HostBodyResponse>>> List(
        string? departement, int? page, int? pageSize, HttpContext http, ICatalogueStore store, CancellationToken ct)
    {
        var (p, size) = ApiSupport.Paging(page, pageSize);
        var scope = new CallerScope(http.User);
        var query = store.HostBodies.AsNoTracking();
        if (!scope.SeesAllCatalogue) query = query.Where(h => h.Id == scope.HostBodyId);
        if (!string.IsNullOrWhiteSpace(departement)) query = query.Where(h => h.Departement == departement.Trim().ToUpperInvariant());
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(h => h.Name).ThenBy(h => h.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new PagedResult<HostBodyResponse>(items.Adapt<List<HostBodyResponse>>(MatchingMappings.Config), total, p, size));
    }

    private static async Task<Results<Ok<HostBodyResponse>, ProblemHttpResult>> Get(Guid id, HttpContext http, ICatalogueStore store, CancellationToken ct)
    {
        var hostBody = await store.HostBodies.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hostBody is null) return ApiSupport.NotFound("Structure d'accueil");
        if (!new CallerScope(http.User).CanReadHostBody(id)) return ApiSupport.Forbidden("Cette structure d'accueil n'est pas la vôtre.");
        return TypedResults.Ok(hostBody.Adapt<HostBodyResponse>(MatchingMappings.Config));
    }

    private static async Task<Results<Created<HostBodyResponse>, ProblemHttpResult>> Create(
        HostBodyFields input, HttpContext http, ICatalogueStore store, CatalogueInputs inputs, TimeProvider clock, CancellationToken ct)
    {
        var details = await inputs.HostBodyAsync(input, ct);
        if (!new CallerScope(http.User).CanValidate(details.Address.Departement))
            return ApiSupport.Forbidden($"Le département {details.Address.Departement} n'est pas dans votre périmètre.");
        var hostBody = new HostBody(Guid.NewGuid(), details, clock.GetUtcNow());
        store.HostBodies.Add(hostBody);
        await store.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/host-bodies/{hostBody.Id}", hostBody.Adapt<HostBodyResponse>(MatchingMappings.Config));
    }

    private static async Task<Results<Ok<HostBodyResponse>, ProblemHttpResult>> Update(
        Guid id, HostBodyFields input, HttpContext http, ICatalogueStore store, CatalogueInputs inputs, TimeProvider clock, CancellationToken ct)
    {
        var hostBody = await store.HostBodies.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (hostBody is null) return ApiSupport.NotFound("Structure d'accueil");
        var scope = new CallerScope(http.User);
        if (!scope.CanEditHostBody(id, hostBody.Departement)) return ApiSupport.Forbidden("Cette structure d'accueil n'est pas dans votre périmètre.");
        var details = await inputs.HostBodyAsync(input, ct);
        if (!scope.CanEditHostBody(id, details.Address.Departement))
            return ApiSupport.Forbidden($"Le département {details.Address.Departement} n'est pas dans votre périmètre.");
        if (!scope.CanValidate(details.Address.Departement) && details.Habilitation != hostBody.Details.Habilitation)
            return ApiSupport.Forbidden("Seul le SPIP accorde ou modifie une habilitation.");
        hostBody.Update(details, clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return TypedResults.Ok(hostBody.Adapt<HostBodyResponse>(MatchingMappings.Config));
    }
}
