using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Audit;

/// <summary>
/// Records who read a person's data: the read use cases call <c>ReadAsync</c> with what they show. Changes are
/// recorded by <see cref="PersonChangeAudit"/>, inside the change's own save.
/// </summary>
public sealed class PersonAudit(IMatchingStore store, TimeProvider clock)
{
    public async Task ReadAsync(Caller caller, string what, IReadOnlyCollection<Guid> persons, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(persons);
        if (persons.Count == 0 || caller.IsSystem) return;
        store.AuditTrail.Add(AuditEntry.Of(caller, clock.GetUtcNow(), AuditActions.Read, what, persons));
        await store.SaveChangesAsync(ct);
    }

    public Task ReadAsync(Caller caller, string what, Guid person, CancellationToken ct) => ReadAsync(caller, what, [person], ct);
}

/// <summary>
/// Adds an audit line for every change of a person, a placement, its hours or a proposal made by a user, to the same
/// save — so in the same transaction: no change without its line, no line without its change. Lines already written
/// are never changed nor deleted through the application (the save is refused).
/// </summary>
public sealed class PersonChangeAudit(Func<Caller> currentCaller, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null) return;
        var entries = context.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.Entity is AuditEntry && e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Le journal d'audit ne se modifie ni ne se supprime.");
        var caller = currentCaller();
        if (caller.IsSystem) return;
        var now = clock.GetUtcNow();
        var lines = new List<AuditEntry>();
        foreach (var entry in entries.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var line = entry.Entity switch
            {
                Person p => (Action(entry), "Fiche de la personne", p.Id),
                TigPlacement t => (Action(entry), $"Placement ({Status(t.Status)})", t.PersonId),
                AssignmentProposal a when entry.State == EntityState.Modified => (AuditActions.Update, $"Proposition d'affectation ({Status(a.Status)})", a.PersonId),
                HoursLog when entry.State == EntityState.Added && Owner(context, entry) is { } placement => (AuditActions.Create, "Heures effectuées", placement.PersonId),
                _ => ((string, string, Guid)?)null,
            };
            if (line is { } l) lines.Add(AuditEntry.Of(caller, now, l.Item1, l.Item2, [l.Item3]));
        }
        foreach (var line in lines.DistinctBy(l => (l.Action, l.What, l.PersonIds))) context.Add(line);
    }

    private static string Action(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => AuditActions.Create,
        EntityState.Deleted => AuditActions.Delete,
        _ => AuditActions.Update,
    };

    private static string Status<T>(T status) where T : struct, Enum => Placement.Catalogue.Contracts.EnumNames.ToKebab(status);

    private static TigPlacement? Owner(DbContext context, EntityEntry hours) =>
        hours.Metadata.FindProperty("PlacementId") is { } key && hours.Property(key.Name).CurrentValue is Guid id
            ? context.ChangeTracker.Entries<TigPlacement>().Select(e => e.Entity).FirstOrDefault(p => p.Id == id)
            : null;
}
