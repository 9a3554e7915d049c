using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Persistence;

/// <summary>
/// The scope rule of each matching resource, written once and used by its list and its get alike; what is
/// out of scope does not exist for the caller (404), so judicial data never leaks.
/// <list type="bullet">
/// <item>Persons, persons at risk: officers and coordinators, in their départements.</item>
/// <item>Placements: a partner, those on its host body's posts; a tutor, those on the posts naming them; officers and coordinators, those of the persons they see.</item>
/// <item>Assignment runs and schedules: coordinators, when <b>every</b> département of the run is theirs — a run
/// holds proposals for persons of each of its départements, so touching one is not enough.</item>
/// </list>
/// </summary>
public static class MatchingScopes
{
    public static IQueryable<Person> VisiblePersons(this IMatchingStore store, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caller);
        if (!(caller.IsOfficer || caller.IsCoordinator)) return store.Persons.Where(p => false);
        var departements = caller.Departements.ToList();
        return store.Persons.Where(p => departements.Contains(p.Departement));
    }

    public static IQueryable<AtRiskPerson> VisibleAtRisk(this IMatchingStore store, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caller);
        if (!(caller.IsOfficer || caller.IsCoordinator)) return store.AtRisk.Where(p => false);
        var departements = caller.Departements.ToList();
        return store.AtRisk.Where(a => departements.Contains(a.Departement));
    }

    public static IQueryable<TigPlacement> VisiblePlacements(this IMatchingStore store, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsPartnerOnly)
        {
            var posts = store.Posts.Where(q => q.HostBodyId == caller.HostBodyId).Select(q => q.Id);
            return store.Placements.Where(p => posts.Contains(p.PostId));
        }
        if (caller.IsTutorOnly)
        {
            var email = caller.Who.Trim().ToLowerInvariant();
            var posts = store.Posts.Where(q => q.TutorEmail == email).Select(q => q.Id);
            return store.Placements.Where(p => posts.Contains(p.PostId));
        }
        var persons = store.VisiblePersons(caller).Select(p => p.Id);
        return store.Placements.Where(p => persons.Contains(p.PersonId));
    }

    public static IQueryable<AssignmentRun> VisibleRuns(this IMatchingStore store, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsCoordinator) return store.AssignmentRuns.Where(r => false);
        var departements = caller.Departements.ToList();
        return store.AssignmentRuns.Where(r => r.Departements.All(d => departements.Contains(d)));
    }

    public static IQueryable<AssignmentSchedule> VisibleSchedules(this IMatchingStore store, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsCoordinator) return store.Schedules.Where(s => false);
        var departements = caller.Departements.ToList();
        return store.Schedules.Where(s => s.Departements.All(d => departements.Contains(d)));
    }
}
