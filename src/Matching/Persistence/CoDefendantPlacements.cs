using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;

namespace Placement.Matching.Persistence;

/// <summary>
/// What rule 13 needs from the database: for each person, the host bodies where one of their
/// co-defendants — listed in either one's no-contact list — holds an active placement, whatever its
/// département. The rule itself is decided by the engine (<c>EligibilityRules</c>, rule <c>coDefendant</c>).
/// </summary>
public static class CoDefendantPlacements
{
    private static readonly IReadOnlySet<Guid> None = new HashSet<Guid>();

    public static async Task<IReadOnlyDictionary<Guid, IReadOnlySet<Guid>>> HostBodiesAsync(
        IMatchingStore store, IReadOnlyCollection<Person> persons, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(persons);
        var links = persons.SelectMany(p => p.Profile.Restrictions.NoContactWithPersonIds.Select(other => (Person: p.Id, Other: other))).ToList();
        var ids = persons.Select(p => p.Id).ToList();
        // A join filtered on the listed person: the index on PersonNoContacts.OtherPersonId answers it.
        var reverse = await store.NoContactLinks
            .Where(l => ids.Contains(l.OtherPersonId))
            .Select(l => new { Lister = l.PersonId, Listed = l.OtherPersonId })
            .ToListAsync(ct);
        links.AddRange(reverse.Select(r => (Person: r.Listed, Other: r.Lister)));

        var others = links.Select(l => l.Other).Distinct().ToList();
        var placed = others.Count == 0 ? [] : await store.Placements.Active()
            .Where(p => others.Contains(p.PersonId))
            .Join(store.Posts, p => p.PostId, q => q.Id, (p, q) => new { p.PersonId, q.HostBodyId })
            .ToListAsync(ct);
        var hostsOf = placed.ToLookup(p => p.PersonId, p => p.HostBodyId);
        var byPerson = links.ToLookup(l => l.Person, l => l.Other);
        return persons.ToDictionary(p => p.Id, p =>
        {
            var hosts = byPerson[p.Id].Where(o => o != p.Id).SelectMany(o => hostsOf[o]).ToHashSet();
            return hosts.Count == 0 ? None : (IReadOnlySet<Guid>)hosts;
        });
    }
}
