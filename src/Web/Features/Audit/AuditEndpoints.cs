using Placement.Matching.Features.Audit;
using Placement.Notifications.Features.Deliveries;
using Placement.Web.Identity;

namespace Placement.Web.Features.Audit;

/// <summary>HTTP adapters of the audit trail and of the deliveries of notifications: read by administrators, never written nor deleted through the API.</summary>
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
        app.MapGroup("/api/deliveries").WithTags(ApiTags.Administration).Secured(Policies.Admin)
            .MapGet("/", async ([AsParameters] DeliveriesQuery query, Caller caller, ListDeliveries handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, query, ct)))
            .WithName("ListDeliveries")
            .WithSummary("Le suivi des envois de notifications : destinataire, objet, date, état (pending, digest, sent, failed, none), tentatives — jamais le texte du message.")
            .Problems(400);
        return app;
    }
}
