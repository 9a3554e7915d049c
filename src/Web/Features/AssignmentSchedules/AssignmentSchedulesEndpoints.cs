using Microsoft.AspNetCore.Http.HttpResults;
using Placement.Matching.Features.AssignmentSchedules;
using Placement.Web.Identity;
using Placement.Matching.Features.AssignmentRuns;

namespace Placement.Web.Features.AssignmentSchedules;

/// <summary>HTTP adapters of the recurring runs.</summary>
public static class AssignmentSchedulesEndpoints
{
    public static IEndpointRouteBuilder MapAssignmentSchedulesEndpoints(this IEndpointRouteBuilder app)
    {
        var schedules = app.MapGroup("/api/assignment-schedules").WithTags(ApiTags.Assignment).Secured(Policies.Coordinator);
        schedules.MapGet("/", async (Caller caller, ListSchedules handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(caller, ct)))
            .WithName("ListSchedules").WithSummary("Les affectations planifiées de vos départements.");
        schedules.MapPost("/", async Task<Created<ScheduleResponse>> (CreateScheduleRequest request, Caller caller, CreateSchedule handler, CancellationToken ct) =>
            {
                var schedule = await handler.HandleAsync(caller, request, ct);
                return TypedResults.Created($"/api/assignment-schedules/{schedule.Id}", schedule);
            })
            .WithName("CreateSchedule").WithSummary("Planifie une affectation récurrente (expression cron, UTC).")
            .Problems(400);
        schedules.MapDelete("/{id:guid}", async (Guid id, Caller caller, DeleteSchedule handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(caller, id, ct);
                return TypedResults.NoContent();
            })
            .WithName("DeleteSchedule").WithSummary("Supprime une planification.")
            .Problems(404);
        return app;
    }
}
