using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Sessions;

/// <summary>
/// The tutor or the officer moves a session or cancels it, always with a reason (<c>PUT /api/sessions/{id}</c>); the hours a
/// cancelled session leaves are planned again after the coming ones.
/// </summary>
public sealed class ChangeSession(IMatchingStore store, SessionPlanning planning, ServiceCalendar calendar) : IUseCase
{
    public async Task<SessionResponse> HandleAsync(Caller caller, Guid sessionId, ChangeSessionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (session, placement) = await SessionAccess.SessionAsync(store, caller, sessionId, ct);
        if (string.IsNullOrWhiteSpace(request.Reason)) throw FieldErrors.OneField("reason", "Le motif est obligatoire.");
        var reason = Ensure.NotBlank(request.Reason, "reason", 500);
        var now = calendar.UtcNow;
        if (request.Cancelled)
        {
            session.Cancel(reason, now);
            await planning.TopUpAsync(placement, caller.Who, ct);
        }
        else
        {
            if (request.Date is not { } date) throw FieldErrors.OneField("date", "Ce champ est obligatoire.");
            var errors = new FieldErrors();
            var start = errors.TryValue("start", () => SessionAccess.Time(request.Start, "start"));
            var end = errors.TryValue("end", () => SessionAccess.Time(request.End, "end"));
            errors.ThrowIfAny();
            if (!placement.IsUnderway) throw new IllegalTransitionException("Placement", placement.Status.ToString(), "session");
            var post = await store.Posts.AsNoTracking().FirstAsync(p => p.Id == placement.PostId, ct);
            SessionRules.CheckSlot(calendar.Today, post.Details.OpenPeriod, await planning.SessionsOfAsync(placement.Id, ct), session.Id, date, start!.Value, end!.Value);
            session.Move(date, start.Value, end.Value, reason, now);
        }
        await store.SaveChangesAsync(ct);
        return session.ToResponse();
    }
}
