using Microsoft.EntityFrameworkCore;
using Placement.Matching.Features.Audit;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Sessions;

/// <summary>A placement's sessions, past and coming, with its hours done, planned and the shortfall (<c>GET /api/placements/{id}/sessions</c>).</summary>
public sealed class ListPlacementSessions(IMatchingStore store, SessionPlanning planning, PersonAudit audit, ServiceCalendar calendar) : IUseCase
{
    public async Task<PlacementSessionsResponse> HandleAsync(Caller caller, Guid placementId, CancellationToken ct)
    {
        var placement = await SessionAccess.PlacementAsync(store, caller, placementId, forChange: false, ct);
        var sessions = await planning.SessionsOfAsync(placement.Id, ct);
        var post = await store.Posts.AsNoTracking().FirstAsync(p => p.Id == placement.PostId, ct);
        var person = await store.Persons.AsNoTracking().FirstAsync(p => p.Id == placement.PersonId, ct);
        await audit.ReadAsync(caller, "Séances d'un placement", placement.PersonId, ct);
        var today = calendar.Today;
        return new PlacementSessionsResponse(placement.Id, placement.Status, person.Profile.FirstName, SessionViews.Initial(person.Profile.LastName),
            post.Details.Title, post.Details.Tutor.Name, placement.HoursTarget, placement.HoursLogged, SessionPlanning.ComingHours(sessions, today),
            SessionPlanning.Shortfall(placement, sessions, today), [.. sessions.Select(s => s.ToResponse())]);
    }
}
