using Placement.Matching.Features.Incidents;
using Placement.Matching.Features.MeasureActions;
using Placement.Web.Identity;

namespace Placement.Web.Features.Incidents;

/// <summary>HTTP adapters of incidents (reported by the host, decided by the officer) and of the actions on a measure past its deadline.</summary>
public static class IncidentsEndpoints
{
    public static IEndpointRouteBuilder MapIncidentsEndpoints(this IEndpointRouteBuilder app)
    {
        var placements = app.MapGroup("/api/placements").WithTags(ApiTags.Sessions).Secured(Policies.Placements);
        placements.MapPost("/{id:guid}/incidents", async (Guid id, IncidentRequest request, Caller caller, ReportIncident handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(caller, id, request, ct);
                return TypedResults.Created($"/api/incidents/{created.Id}", created);
            })
            .WithName("ReportIncident").WithSummary("Le tuteur signale un incident, et peut suspendre le travail sur-le-champ ; le CPIP référent est prévenu aussitôt.")
            .Problems(400, 404, 409);

        var incidents = app.MapGroup("/api/incidents").WithTags(ApiTags.Sessions).Secured(Policies.Placements);
        incidents.MapGet("/", async (string? status, Guid? placementId, Caller caller, ListIncidents handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, status, placementId, ct)))
            .WithName("ListIncidents").WithSummary("Les incidents (les plus anciens d'abord) : tous ceux de vos personnes comme CPIP, ceux que vous avez signalés comme structure.")
            .Problems(400);
        incidents.MapPost("/{id:guid}/decision", async (Guid id, IncidentDecisionRequest request, Caller caller, DecideIncident handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, request, ct)))
            .WithName("DecideIncident").WithSummary("La décision du CPIP sur un incident, puis la reprise ou la fin du placement.")
            .Problems(400, 403, 404, 409);

        var persons = app.MapGroup("/api/persons").WithTags(ApiTags.Persons).Secured(Policies.Persons);
        persons.MapGet("/{id:guid}/measure-actions", async (Guid id, Caller caller, ListMeasureActions handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("ListMeasureActions").WithSummary("Les actions enregistrées sur la mesure d'une personne.")
            .Problems(404);
        persons.MapPost("/{id:guid}/measure-actions", async (Guid id, MeasureActionRequest request, Caller caller, RecordMeasureAction handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, request, ct)))
            .WithName("RecordMeasureAction").WithSummary("Échéance dépassée : rapport de non-exécution au JAP, suspension avec son motif légal, ou fin de mesure non exécutée.")
            .Problems(400, 404, 409);
        return app;
    }
}
