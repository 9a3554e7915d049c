using Microsoft.AspNetCore.Mvc;
using Placement.Matching.Contracts;
using Placement.Matching.Engine;
using Placement.Web.Hosting;
using Placement.Web.Identity;

namespace Placement.Web.Features.Matching;

/// <summary>The solver on a self-contained instance (matching.md): the same engine as the runs and the <c>match</c> verb.</summary>
public static class MatchingEndpoints
{
    /// <summary>Largest instance body accepted (a nation-scale instance of 10,000 persons × 40,000 posts is ~40 MB).</summary>
    public const long MaxInstanceBytes = 64L * 1024 * 1024;

    public static IEndpointRouteBuilder MapMatchingEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching").WithTags(ApiTags.Matching).Secured(Policies.Coordinator);
        api.MapPost("/solve", (InstanceDto instance, AssignmentSolver solver, HttpContext http) =>
                TypedResults.Ok(solver.Solve(instance.ToInstance(), ct: http.RequestAborted)))
            .WithMetadata(new RequestSizeLimitAttribute(MaxInstanceBytes))
            .RateLimited(RateLimitKind.Solve)
            .WithName("SolveInstance")
            .WithSummary("Résout une instance d'affectation (matching.md) : le plus de personnes placées, puis la meilleure qualité, avec les explications.")
            .Problems(400, 413);
        return app;
    }
}
