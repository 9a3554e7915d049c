using Placement.Web.Identity;
using Placement.Notifications.Features.Centre;
using Placement.Notifications.Features.Choices;

namespace Placement.Web.Features.Notifications;

/// <summary>HTTP adapter of the notification centre: each signed-in user, their own notifications.</summary>
public static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").Secured(Policies.Authenticated);
        group.MapGet("/", async ([AsParameters] NotificationsQuery query, Caller caller, NotificationCentre centre, CancellationToken ct) =>
                TypedResults.Ok(await centre.ListAsync(caller, query, ct)))
            .WithName("ListNotifications")
            .WithSummary("Mes notifications, les plus récentes d'abord (unread=true : les non lues seulement), et le nombre de non lues.")
            .Problems(400);
        group.MapPost("/{id:guid}/read", async (Guid id, Caller caller, NotificationCentre centre, CancellationToken ct) =>
            {
                await centre.MarkReadAsync(caller, id, ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkNotificationRead")
            .WithSummary("Marque une de mes notifications comme lue.")
            .Problems(404);
        group.MapPost("/read-all", async (Caller caller, NotificationCentre centre, CancellationToken ct) =>
                TypedResults.Ok(new { marked = await centre.MarkAllReadAsync(caller, ct) }))
            .WithName("MarkAllNotificationsRead")
            .WithSummary("Marque toutes mes notifications comme lues.");
        group.MapGet("/preferences", async (Caller caller, NotificationChoices choices, CancellationToken ct) =>
                TypedResults.Ok(await choices.GetAsync(caller, ct)))
            .WithName("GetNotificationPreferences")
            .WithSummary("Pour chaque type de notification de mon rôle : courriel immédiat (immediate), résumé quotidien (daily-digest) ou application seulement (application-only).");
        group.MapPut("/preferences", async (NotificationChoicesRequest request, Caller caller, NotificationChoices choices, CancellationToken ct) =>
                TypedResults.Ok(await choices.SetAsync(caller, request, ct)))
            .WithName("SetNotificationPreferences")
            .WithSummary("Change mes choix de notification (types omis : inchangés).")
            .Problems(400);
        return app;
    }
}
