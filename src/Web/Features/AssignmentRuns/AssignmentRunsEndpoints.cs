using Microsoft.AspNetCore.Http.HttpResults;
using Placement.Catalogue.Contracts;
using Placement.Matching.Features.AssignmentRuns;
using Placement.Web.Hosting;
using Placement.Web.Identity;
using Placement.Catalogue.Features.Posts;

namespace Placement.Web.Features.AssignmentRuns;

/// <summary>HTTP adapters of batch assignment: coordinators run the solver over their départements and review its proposals.</summary>
public static class AssignmentRunsEndpoints
{
    public static IEndpointRouteBuilder MapAssignmentRunsEndpoints(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/assignment-runs").WithTags(ApiTags.Assignment).Secured(Policies.Coordinator);
        runs.MapPost("/", async Task<Accepted<RunResponse>> (CreateRunRequest request, Caller caller, CreateRun handler, CancellationToken ct) =>
            {
                var run = await handler.HandleAsync(caller, request, ct);
                return TypedResults.Accepted($"/api/assignment-runs/{run.Id}", run);
            })
            .RateLimited(RateLimitKind.Solve)
            .WithName("CreateRun").WithSummary("Lance une affectation sur des départements (tâche de fond) ; 202 avec l'état.")
            .Problems(400);
        runs.MapGet("/", async (Caller caller, ListRuns handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(caller, ct)))
            .WithName("ListRuns").WithSummary("Les affectations de vos départements, les plus récentes d'abord.");
        runs.MapGet("/{id:guid}", async (Guid id, Caller caller, GetRun handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("GetRun").WithSummary("État, avancement et chiffres d'une affectation.")
            .Problems(404);
        runs.MapPost("/{id:guid}/cancel", async (Guid id, Caller caller, CancelRun handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("CancelRun").WithSummary("Arrête le calcul ; les meilleures propositions trouvées sont gardées.")
            .Problems(404, 409);
        runs.MapGet("/{id:guid}/proposals", async (Guid id, Caller caller, ListProposals handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("RunProposals").WithSummary("Les propositions, avec leurs explications.")
            .Problems(404);
        runs.MapGet("/{id:guid}/unplaced", async (Guid id, Caller caller, ListUnplaced handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("RunUnplaced").WithSummary("Les personnes non placées et pourquoi.")
            .Problems(404);
        runs.MapGet("/{id:guid}/unplaced-report", async (Guid id, Caller caller, GetUnplacedReport handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(caller, id, ct)))
            .WithName("GetUnplacedReport")
            .WithSummary("Le rapport des non placés : chaque personne et pourquoi, par motif, par distance au poste publié le plus proche, et « Où manque-t-il des postes ? » par commune.")
            .Problems(404);
        runs.MapPost("/{id:guid}/proposals/{proposalId:guid}/accept", async (Guid id, Guid proposalId, Caller caller, AcceptProposal handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, proposalId, ct)))
            .WithName("AcceptProposal").WithSummary("Accepte une proposition : placement proposé au partenaire, s'il reste une place.")
            .Problems(404, 409);
        runs.MapPost("/{id:guid}/proposals/{proposalId:guid}/reject", async (Guid id, Guid proposalId, RefusalRequest request, Caller caller, RejectProposal handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(caller, id, proposalId, request, ct);
                return TypedResults.NoContent();
            })
            .WithName("RejectProposal").WithSummary("Rejette une proposition, avec un motif que la revue garde.")
            .Problems(400, 404, 409);
        runs.MapPost("/{id:guid}/accept", async (Guid id, AcceptManyRequest request, Caller caller, AcceptProposals handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, id, request, ct)))
            .WithName("AcceptProposals").WithSummary("Accepte une sélection de propositions ; chacune dit si elle a abouti.")
            .Problems(400, 404);
        return app;
    }
}
