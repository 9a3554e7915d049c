using Microsoft.AspNetCore.Http.HttpResults;
using Placement.Matching.Features.Placements;
using Placement.Web.Identity;

namespace Placement.Web.Features.Placements;

/// <summary>HTTP adapters of the placement use cases; a partner gets its own view, without judicial data.</summary>
public static class PlacementsEndpoints
{
    public static IEndpointRouteBuilder MapPlacementsEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/placements").WithTags(ApiTags.Placements).Secured(Policies.Placements);
        api.MapGet("/", async Task<Results<Ok<List<PlacementResponse>>, Ok<List<PartnerPlacementView>>>> (
                string? status, Caller caller, ListPlacements list, ListPartnerPlacements partnerList, CancellationToken ct) =>
                caller.IsHostSideOnly
                    ? TypedResults.Ok(await partnerList.HandleAsync(caller, status, ct))
                    : TypedResults.Ok(await list.HandleAsync(caller, status, ct)))
            .WithName("ListPlacements").WithSummary("Placements de votre périmètre ; un partenaire voit ceux de sa structure, sans donnée judiciaire.")
            .Problems(400);
        api.MapGet("/{id:guid}", async Task<Results<Ok<PlacementResponse>, Ok<PartnerPlacementView>>> (
                Guid id, Caller caller, GetPlacement get, GetPartnerPlacement partnerGet, CancellationToken ct) =>
                caller.IsHostSideOnly
                    ? TypedResults.Ok(await partnerGet.HandleAsync(caller, id, ct))
                    : TypedResults.Ok(await get.HandleAsync(caller, id, ct)))
            .WithName("GetPlacement").WithSummary("Un placement de votre périmètre ; un partenaire le voit sans donnée judiciaire.")
            .Problems(404);
        api.MapPost("/", async Task<Created<PlacementResponse>> (CreatePlacementRequest request, Caller caller, CreatePlacement handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(caller, request, ct);
                return TypedResults.Created($"/api/placements/{created.Id}", created);
            })
            .WithName("CreatePlacement").WithSummary("Place une personne sur un poste trouvé par la recherche (mêmes règles que le solveur).")
            .Problems(400, 404, 409);
        api.MapPost("/{id:guid}/confirm", async (Guid id, Caller caller, ConfirmPlacement handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("ConfirmPlacement").WithSummary("Le partenaire confirme l'accueil.")
            .Problems(404, 409);
        api.MapPost("/{id:guid}/decline", async (Guid id, ReasonRequest request, Caller caller, DeclinePlacement handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, request, ct)))
            .WithName("DeclinePlacement").WithSummary("Le partenaire décline, avec un motif.")
            .Problems(400, 404, 409);
        api.MapPost("/{id:guid}/cancel", async (Guid id, ReasonRequest request, Caller caller, CancelPlacement handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, request, ct)))
            .WithName("CancelPlacement").WithSummary("Le CPIP annule, avec un motif.")
            .Problems(400, 404, 409);
        api.MapPost("/{id:guid}/hours", async (Guid id, HoursRequest request, Caller caller, LogPlacementHours handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, request, ct)))
            .WithName("LogHours").WithSummary("Le partenaire déclare des heures effectuées ; le placement se termine aux heures prévues.")
            .Problems(400, 404, 409);
        return app;
    }
}
