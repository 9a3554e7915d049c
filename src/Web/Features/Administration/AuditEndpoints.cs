using Placement.Catalogue.Application;
using Placement.Matching.Features.Audit;
using Placement.Web.Identity;

namespace Placement.Web.Features.Administration;

/// <summary>HTTP adapter of the audit trail: read by administrators, never written nor deleted through the API.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/audit").WithTags(ApiTags.Administration).Secured(Policies.Admin)
            .MapGet("/", async ([AsParameters] AuditTrailQuery query, Caller caller, ListAuditTrail handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, query, ct)))
            .WithName("ListAuditTrail")
            .WithSummary("Le journal d'audit : qui a lu ou modifié les données de quelles personnes, quand et d'où ; filtré par compte, personne, action (read, create, update, delete) et jours.")
            .Problems(400);
        return app;
    }
}
