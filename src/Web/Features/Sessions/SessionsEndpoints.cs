using Placement.Matching.Features.Sessions;
using Placement.Web.Identity;

namespace Placement.Web.Features.Sessions;

/// <summary>HTTP adapters of the sessions' use cases: a placement's sessions, the caller's day, a session moved or cancelled, its attendance.</summary>
public static class SessionsEndpoints
{
    public static IEndpointRouteBuilder MapSessionsEndpoints(this IEndpointRouteBuilder app)
    {
        var placements = app.MapGroup("/api/placements").WithTags(ApiTags.Sessions).Secured(Policies.Placements);
        placements.MapGet("/{id:guid}/sessions", async (Guid id, Caller caller, ListPlacementSessions handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("ListPlacementSessions").WithSummary("Les séances d'un placement, passées et à venir, avec ses heures faites, prévues et le manque.")
            .Problems(404);
        placements.MapPost("/{id:guid}/sessions", async (Guid id, AddSessionRequest request, Caller caller, AddSession handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(caller, id, request, ct);
                return TypedResults.Created($"/api/placements/{id}/sessions", created);
            })
            .WithName("AddSession").WithSummary("Le tuteur ou le CPIP ajoute une séance.")
            .Problems(400, 404, 409);

        var sessions = app.MapGroup("/api/sessions").WithTags(ApiTags.Sessions).Secured(Policies.Placements);
        sessions.MapGet("/", async (DateOnly? date, Caller caller, ListDaySessions handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, date, ct)))
            .WithName("ListDaySessions").WithSummary("Les séances de votre journée (aujourd'hui par défaut) : les vôtres comme tuteur, celles de vos personnes comme CPIP.")
            .Problems(400);
        sessions.MapPut("/{id:guid}", async (Guid id, ChangeSessionRequest request, Caller caller, ChangeSession handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, request, ct)))
            .WithName("ChangeSession").WithSummary("Déplace ou annule une séance, avec un motif.")
            .Problems(400, 404, 409);
        sessions.MapPost("/{id:guid}/attendance", async (Guid id, AttendanceRequest request, Caller caller, RecordAttendance handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, request, ct)))
            .WithName("RecordAttendance").WithSummary("La présence à une séance : les heures créditées sont le temps travaillé moins les pauses ; renvoyée, la même présence ne change rien.")
            .Problems(400, 404, 409);
        return app;
    }
}
