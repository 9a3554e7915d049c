using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Sessions;

/// <summary>
/// The tutor or the officer adds a session (<c>POST /api/placements/{id}/sessions</c>): from today on, while the placement is
/// under way and the post open, never overlapping another of the placement's sessions.
/// </summary>
public sealed class AddSession(IMatchingStore store, SessionPlanning planning, ServiceCalendar calendar) : IUseCase
{
    public async Task<SessionResponse> HandleAsync(Caller caller, Guid placementId, AddSessionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var placement = await SessionAccess.PlacementAsync(store, caller, placementId, forChange: true, ct);
        if (request.Date is not { } date) throw FieldErrors.OneField("date", "Ce champ est obligatoire.");
        var errors = new FieldErrors();
        var start = errors.TryValue("start", () => SessionAccess.Time(request.Start, "start"));
        var end = errors.TryValue("end", () => SessionAccess.Time(request.End, "end"));
        errors.ThrowIfAny();
        if (!placement.IsUnderway) throw new IllegalTransitionException("Placement", placement.Status.ToString(), "session");
        var post = await store.Posts.AsNoTracking().FirstAsync(p => p.Id == placement.PostId, ct);
        var person = await store.Persons.AsNoTracking().FirstAsync(p => p.Id == placement.PersonId, ct);
        Placements.MedicalCheck.EnsureCleared(person, post, calendar.Today); // R.623-14
        var sessions = await planning.SessionsOfAsync(placement.Id, ct);
        SessionRules.CheckSlot(calendar.Today, post.Details.OpenPeriod, sessions, null, date, start!.Value, end!.Value);
        var session = new WorkSession(Guid.NewGuid(), placement.Id, date, start.Value, end.Value, caller.Who, calendar.UtcNow);
        store.Sessions.Add(session);
        await store.SaveChangesAsync(ct);
        return session.ToResponse();
    }
}
