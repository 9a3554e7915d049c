using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;
using Placement.Matching.Features.Audit;
using Placement.Matching.Features.Sessions;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Incidents;

/// <summary>
/// Which incidents a caller reads and how: the officers and coordinators of the person, every one; the host side, those it
/// reported itself (an incident's text is seen by the officer, the coordinator and its author), the person by first name and
/// initial. Every read is audited.
/// </summary>
public sealed class IncidentViews(IMatchingStore store, PersonAudit audit, ServiceCalendar calendar)
{
    public IQueryable<Incident> Visible(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsOfficer || caller.IsCoordinator)
        {
            var persons = store.VisiblePersons(caller).Select(p => p.Id);
            return store.Incidents.Where(i => persons.Contains(i.PersonId));
        }
        if (caller.IsHostSide)
        {
            var placements = store.VisiblePlacements(caller).Select(p => p.Id);
            return store.Incidents.Where(i => i.ReportedBy == caller.Who && placements.Contains(i.PlacementId));
        }
        return store.Incidents.Where(i => false);
    }

    public async Task<IncidentResponse> OneAsync(Caller caller, Incident incident, CancellationToken ct) => (await ManyAsync(caller, [incident], ct))[0];

    public async Task<List<IncidentResponse>> ManyAsync(Caller caller, IReadOnlyList<Incident> incidents, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(incidents);
        var placementIds = incidents.Select(i => i.PlacementId).Distinct().ToList();
        var placements = await store.Placements.AsNoTracking().Where(p => placementIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var tracked in store.Placements.Local.Where(p => placementIds.Contains(p.Id))) placements[tracked.Id] = tracked;
        var personIds = incidents.Select(i => i.PersonId).Distinct().ToList();
        var postIds = placements.Values.Select(p => p.PostId).Distinct().ToList();
        var persons = await store.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Profile, ct);
        var posts = await store.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Details.Title, ct);
        await audit.ReadAsync(caller, "Incidents", personIds, ct);
        var spip = caller.IsOfficer || caller.IsCoordinator;
        var today = calendar.Today;
        return [.. incidents.Select(i =>
        {
            var person = persons[i.PersonId];
            var placement = placements[i.PlacementId];
            return new IncidentResponse(i.Id, i.PlacementId, spip ? i.PersonId : null,
                spip ? $"{person.FirstName} {person.LastName}" : $"{person.FirstName} {SessionViews.Initial(person.LastName)}",
                posts[placement.PostId], i.Kind, i.Description, i.Suspended, i.Automatic, i.ReportedBy, i.ReportedAt,
                today.DayNumber - calendar.DayOf(i.ReportedAt).DayNumber, i.Status, placement.Status,
                i.Accident is { } a ? new AccidentResponse(a.OccurredAt, a.Place, a.Circumstances, a.Witnesses) : null,
                i.Decision is { } d ? new IncidentDecisionResponse(d.Action, d.FollowUp, d.Comment, d.DecidedBy, d.DecidedAt) : null);
        })];
    }
}
