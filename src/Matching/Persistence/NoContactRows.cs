using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Placement.Matching.Domain;

namespace Placement.Matching.Persistence;

/// <summary>
/// Derives the <c>PersonNoContacts</c> rows from the profiles, in the save that changes them: for every person added,
/// or whose profile changed, the rows become exactly the profile's <see cref="JudicialRestrictions.NoContactWithPersonIds"/>
/// (the person itself left out). No use case writes them, so no write path — the API, a page, an import, the seed —
/// can miss them.
/// </summary>
public sealed class NoContactRows : SaveChangesInterceptor
{
    /// <summary>It holds no state: one serves every context.</summary>
    public static NoContactRows Instance { get; } = new();

    private NoContactRows() { }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && Changed(context) is { Count: > 0 } persons)
            Apply(context, persons, Stored(persons) is { Count: > 0 } ids ? [.. Rows(context, ids)] : []);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && Changed(context) is { Count: > 0 } persons)
            Apply(context, persons, Stored(persons) is { Count: > 0 } ids ? await Rows(context, ids).ToListAsync(cancellationToken) : []);
        return result;
    }

    /// <summary>The rows a person's profile asks for.</summary>
    public static IEnumerable<(Guid PersonId, Guid OtherPersonId)> Of(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Profile.Restrictions.NoContactWithPersonIds.Where(other => other != person.Id).Distinct().Select(other => (person.Id, other));
    }

    private static List<(Person Person, bool Added)> Changed(DbContext context) =>
        [.. context.ChangeTracker.Entries<Person>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(p => p.Profile).IsModified))
            .Select(e => (e.Entity, e.State == EntityState.Added))];

    /// <summary>The persons that may already have rows (a person just added has none).</summary>
    private static List<Guid> Stored(List<(Person Person, bool Added)> persons) => [.. persons.Where(p => !p.Added).Select(p => p.Person.Id)];

    private static IQueryable<NoContactLink> Rows(DbContext context, List<Guid> persons) =>
        context.Set<NoContactLink>().Where(l => persons.Contains(l.PersonId));

    private static void Apply(DbContext context, List<(Person Person, bool Added)> persons, List<NoContactLink> existing)
    {
        var wanted = persons.SelectMany(p => Of(p.Person)).ToHashSet();
        var links = context.Set<NoContactLink>();
        foreach (var row in existing.Where(l => !wanted.Contains((l.PersonId, l.OtherPersonId)))) links.Remove(row);
        var kept = existing.Select(l => (l.PersonId, l.OtherPersonId)).ToHashSet();
        links.AddRange(wanted.Where(w => !kept.Contains(w)).Select(w => new NoContactLink(w.PersonId, w.OtherPersonId)));
    }
}
