using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Placement.Matching.Contracts;
using Placement.Matching.Engine;
using Placement.Web.Identity;

namespace Placement.Web.Apis;

public static class MatchingApi
{
    /// <summary>Largest instance body accepted (a nation-scale instance of 10,000 persons × 40,000 posts is ~40 MB).</summary>
    public const long MaxInstanceBytes = 64L * 1024 * 1024;

    public static RouteGroupBuilder MapMatchingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching").WithTags("Affectation");
        api.MapPost("/solve", Solve).RequireAuthorization(Policies.Coordinator)
            .WithMetadata(new RequestSizeLimitAttribute(MaxInstanceBytes))
            .WithName("SolveInstance")
            .WithSummary("Résout une instance d'affectation (matching.md) : le plus de personnes placées, puis la meilleure qualité, avec les explications.");
        return api;
    }

    private static Ok<MatchingResult> Solve(InstanceDto instance, AssignmentSolver solver, HttpContext http) =>
        TypedResults.Ok(solver.Solve(instance.ToInstance(), ct: http.RequestAborted));
}
