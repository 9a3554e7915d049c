using Microsoft.AspNetCore.Http.HttpResults;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.HostBodies;
using Placement.Web.Identity;

namespace Placement.Web.Features.HostBodies;

/// <summary>HTTP adapters of the host-body use cases.</summary>
public static class HostBodiesEndpoints
{
    public static IEndpointRouteBuilder MapHostBodiesEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/host-bodies").WithTags(ApiTags.HostBodies).Secured(Policies.CatalogueRead);
        api.MapGet("/", async ([AsParameters] ListHostBodiesQuery query, Caller caller, ListHostBodies handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, query, ct)))
            .WithName("ListHostBodies").WithSummary("Structures d'accueil, par département ; un partenaire ne voit que la sienne.")
            .Problems(400);
        api.MapGet("/{id:guid}", async (Guid id, Caller caller, GetHostBody handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("GetHostBody").WithSummary("Une structure d'accueil.")
            .Problems(404);
        api.MapPost("/", async Task<Created<HostBodyResponse>> (HostBodyFields input, Caller caller, CreateHostBody handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(caller, input, ct);
                return TypedResults.Created($"/api/host-bodies/{created.Id}", created);
            })
            .RequireAuthorization(Policies.HostBodyRegister)
            .WithName("CreateHostBody").WithSummary("Enregistre une structure d'accueil (coordinateur du département, administrateur).")
            .Problems(400);
        api.MapPut("/{id:guid}", async (Guid id, HostBodyFields input, Caller caller, UpdateHostBody handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, input, ct)))
            .RequireAuthorization(Policies.CatalogueWrite)
            .WithName("UpdateHostBody").WithSummary("Modifie une structure d'accueil ; un partenaire ne change ni son habilitation ni son département, et sa nouvelle adresse attend la décision du SPIP (proposedAddress).")
            .Problems(400, 404);
        api.MapPost("/{id:guid}/address-change/accept", async (Guid id, Caller caller, DecideAddressChange handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, accept: true, ct)))
            .RequireAuthorization(Policies.CatalogueWrite)
            .WithName("AcceptAddressChange").WithSummary("Le SPIP accepte la nouvelle adresse demandée par la structure : elle s'applique.")
            .Problems(400, 404);
        api.MapPost("/{id:guid}/address-change/refuse", async (Guid id, Caller caller, DecideAddressChange handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, accept: false, ct)))
            .RequireAuthorization(Policies.CatalogueWrite)
            .WithName("RefuseAddressChange").WithSummary("Le SPIP refuse la nouvelle adresse demandée par la structure : l'adresse en vigueur reste.")
            .Problems(400, 404);
        return app;
    }
}
