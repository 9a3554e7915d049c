using Placement.Catalogue.Features.Activities;
using Placement.Web.Identity;

namespace Placement.Web.Features.Activities;

/// <summary>HTTP adapters of the activity vocabulary: read by everyone signed in, edited by administrators.</summary>
public static class ActivitiesEndpoints
{
    public static IEndpointRouteBuilder MapActivitiesEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/activities").WithTags(ApiTags.Administration).Secured(Policies.Authenticated);
        api.MapGet("/", async (ManageActivities handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("ListActivities").WithSummary("Le vocabulaire des activités, avec le nombre de postes de chacune.");
        api.MapPost("/", async (ActivityRequest request, Caller caller, ManageActivities handler, CancellationToken ct) =>
            {
                var created = await handler.AddAsync(caller, request, ct);
                return TypedResults.Created($"/api/activities/{created.Code}", created);
            })
            .RequireAuthorization(Policies.Admin).WithName("AddActivity").WithSummary("Ajoute une activité (code en minuscules et tirets, libellé).").Problems(400);
        api.MapPut("/{code}", async (string code, ActivityRequest request, Caller caller, ManageActivities handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RenameAsync(caller, code, request, ct)))
            .RequireAuthorization(Policies.Admin).WithName("RenameActivity").WithSummary("Change le libellé d'une activité ; son code reste.").Problems(400, 404);
        api.MapDelete("/{code}", async (string code, Caller caller, ManageActivities handler, CancellationToken ct) =>
            {
                await handler.DeleteAsync(caller, code, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Admin).WithName("DeleteActivity").WithSummary("Supprime une activité qu'aucun poste n'utilise.").Problems(400, 404);
        return app;
    }
}
