using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Geography;
using Placement.Matching.Domain;
using Placement.Matching.Features.Audit;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Calendar;

/// <summary>
/// One session in the host side's calendar feed: when (local times on the service's clocks, <see cref="ServiceCalendar.Zone"/>),
/// who by first name and initial only, which post and where. Never a last name nor judicial data.
/// </summary>
public sealed record CalendarSession(
    Guid SessionId, DateOnly Date, TimeOnly Start, TimeOnly End, bool Cancelled, string FirstName, string Initial, string PostTitle, string Place);

/// <summary>
/// The sessions of the caller's placements (a tutor: the posts naming them; a partner: its host body's), for their calendar
/// feed: from <see cref="DaysBefore"/> days before today on, planned ones and cancelled ones alike (a calendar app must see a
/// cancellation to remove the event), at most <see cref="Max"/>, earliest first.
/// </summary>
public sealed class ListCalendarSessions(IMatchingStore store, PersonAudit audit, ServiceCalendar calendar, FranceGeography geography) : IUseCase
{
    public const int DaysBefore = 30;

    /// <summary>The bound of one feed, whatever the number of sessions planned.</summary>
    public const int Max = 2_000;

    public async Task<IReadOnlyList<CalendarSession>> HandleAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsHostSideOnly) throw new ForbiddenException("Agenda réservé aux structures d'accueil et à leurs tuteurs.");
        var since = calendar.Today.AddDays(-DaysBefore);
        var placements = store.VisiblePlacements(caller);
        var rows = await (
                from s in store.Sessions.AsNoTracking()
                join p in placements on s.PlacementId equals p.Id
                where s.Date >= since
                orderby s.Date, s.Start
                select new { Session = s, p.PersonId, p.PostId })
            .Take(Max).ToListAsync(ct);
        if (rows.Count == 0) return [];

        var postIds = rows.Select(r => r.PostId).Distinct().ToList();
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();
        var posts = await store.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var persons = await store.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        await audit.ReadAsync(caller, "Agenda des séances (structure d'accueil)", personIds, ct);
        return [.. rows.Select(r =>
        {
            var profile = persons[r.PersonId].Profile;
            var post = posts[r.PostId];
            return new CalendarSession(r.Session.Id, r.Session.Date, r.Session.Start, r.Session.End, r.Session.Status == SessionStatus.Cancelled,
                profile.FirstName, profile.LastName[..1] + ".", post.Details.Title, Place(post.Details.Place));
        })];
    }

    /// <summary>« 12 rue des Lilas, 69003 Lyon 3e Arrondissement »: the street when known, the postal code and the commune's name.</summary>
    private string Place(Placement.Catalogue.Domain.Address address)
    {
        var commune = geography.Commune(address.CommuneInsee);
        var town = commune is null ? address.CommuneInsee : (commune.PostalCodes.Count > 0 ? $"{commune.PostalCodes[0]} {commune.Name}" : commune.Name);
        return string.IsNullOrWhiteSpace(address.Street) ? town : $"{address.Street}, {town}";
    }
}
