using Microsoft.AspNetCore.Identity;
using Placement.Matching.Features.Calendar;
using Placement.Web.Identity;

namespace Placement.Web.Features.Calendar;

/// <summary>
/// The host side's calendar feed. Anonymous, because calendar apps cannot sign in: the token of the address is the key
/// (<see cref="CalendarFeedTokens"/>), and any other token answers 404 — the feed of nobody. The sessions are read as the
/// token's account would read them (<see cref="ListCalendarSessions"/>, its scope).
/// </summary>
public static class CalendarEndpoints
{
    public const string FeedPath = "/api/tutors/me/calendar.ics";

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(FeedPath, async (string? token, CalendarFeedTokens tokens, IUserClaimsPrincipalFactory<PlacementUser> principals,
                ListCalendarSessions handler, ServiceCalendar calendar, CancellationToken ct) =>
            {
                var user = await tokens.FindAsync(token) ?? throw new NotFoundException("Agenda");
                var caller = Callers.From(await principals.CreateAsync(user));
                var sessions = await handler.HandleAsync(caller, ct);
                return TypedResults.Text(CalendarFeed.Write(sessions, calendar.Zone, calendar.UtcNow), CalendarFeed.ContentType);
            })
            .AllowAnonymous()
            .WithTags(ApiTags.Placements)
            .WithName("TutorCalendarFeed")
            .WithSummary("L'agenda des séances d'un tuteur (iCalendar), à s'abonner dans son application d'agenda ; l'adresse, avec son jeton, est donnée sur la page « Mon agenda ».")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Problems(403, 404);
        return app;
    }
}
