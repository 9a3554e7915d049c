using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Placement.Matching;
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
        api.MapPost("/solve", Solve)
            .WithMetadata(new RequestSizeLimitAttribute(MaxInstanceBytes))
            .RateLimited(RateLimitKind.Solve)
            .WithName("SolveInstance")
            .WithSummary("Résout une instance d'affectation (matching.md) : le plus de personnes placées, puis la meilleure qualité, avec les explications.")
            .Problems(400, 413, 429);
        return app;
    }

    /// <summary>
    /// Bounded: the instance's size and time limit (<see cref="MatchingLimits"/>), the solves at once (<see cref="SolveGate"/>),
    /// and the client — a closed connection (<see cref="HttpContext.RequestAborted"/>) stops every phase, CP-SAT included.
    /// </summary>
    private static IResult Solve(InstanceDto instance, AssignmentSolver solver, SolveGate gate, IOptions<MatchingLimits> limits, HttpContext http)
    {
        if (instance.OverBound(limits.Value) is { } bound)
            return TypedResults.Problem(title: "Instance trop grande", detail: bound, statusCode: StatusCodes.Status413PayloadTooLarge);
        var problem = instance.ToInstance(limits.Value.MaxTimeLimitSeconds);
        using var slot = gate.TryEnter();
        if (slot is null)
        {
            http.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem(title: "Trop de résolutions en cours",
                detail: $"Au plus {gate.Slots} résolution(s) à la fois : réessayez dans quelques instants.", statusCode: StatusCodes.Status429TooManyRequests);
        }
        return TypedResults.Ok(solver.Solve(problem, ct: http.RequestAborted));
    }
}
