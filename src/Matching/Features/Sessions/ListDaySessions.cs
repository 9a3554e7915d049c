using Microsoft.EntityFrameworkCore;
using Placement.Matching.Features.Audit;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Sessions;

/// <summary>
/// The caller's day (<c>GET /api/sessions?date=</c>, today by default): the sessions of the placements they see — a tutor's own,
/// a host's, an officer's persons' — in time order, with the person's first name and initial and the post.
/// </summary>
public sealed class ListDaySessions(IMatchingStore store, PersonAudit audit, ServiceCalendar calendar) : IUseCase
{
    public const int Max = 500;

    public async Task<List<DaySessionResponse>> HandleAsync(Caller caller, DateOnly? date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!(caller.IsHostSide || caller.IsOfficer || caller.IsCoordinator)) throw new ForbiddenException("Les séances sont tenues par la structure d'accueil et le SPIP.");
        var day = date ?? calendar.Today;
        var placements = store.VisiblePlacements(caller);
        var rows = await (from s in store.Sessions.AsNoTracking()
                          where s.Date == day
                          join p in placements.AsNoTracking() on s.PlacementId equals p.Id
                          orderby s.Start
                          select new { Session = s, p.PersonId, p.PostId, p.Status }).Take(Max).ToListAsync(ct);
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();
        var postIds = rows.Select(r => r.PostId).Distinct().ToList();
        var persons = await store.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Profile, ct);
        var posts = await store.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Details, ct);
        await audit.ReadAsync(caller, "Séances du jour", personIds, ct);
        return [.. rows.Select(r => new DaySessionResponse(r.Session.ToResponse(), persons[r.PersonId].FirstName, SessionViews.Initial(persons[r.PersonId].LastName),
            posts[r.PostId].Title, posts[r.PostId].Tutor.Name, r.Status))];
    }
}
