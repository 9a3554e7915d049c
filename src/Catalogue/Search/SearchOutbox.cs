using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Search;

/// <summary>
/// A change the search index has not applied yet: a post, or a host body (all its posts). Written in
/// the same transaction as the change itself, deleted once the index has it.
/// </summary>
public sealed class SearchOutboxEntry
{
    private SearchOutboxEntry() { }

    public SearchOutboxEntry(Guid? postId, Guid? hostBodyId, DateTimeOffset now)
    {
        PostId = postId;
        HostBodyId = hostBodyId;
        EnqueuedAt = NextAttemptAt = now;
    }

    public long Id { get; private set; }
    public Guid? PostId { get; private set; }
    public Guid? HostBodyId { get; private set; }
    public DateTimeOffset EnqueuedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>Records a failed attempt; the next one waits 2^attempts seconds, at most 5 minutes.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Attempts)));
    }
}

internal sealed class SearchOutboxConfiguration : IEntityTypeConfiguration<SearchOutboxEntry>
{
    public void Configure(EntityTypeBuilder<SearchOutboxEntry> b)
    {
        b.ToTable("SearchOutbox");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => x.NextAttemptAt);
    }
}

/// <summary>Wakes the indexer as soon as a change is saved (it also polls).</summary>
public sealed class SearchIndexSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// Records every saved change of a post or a host body in the search outbox, inside the same
/// <c>SaveChanges</c> — so in the same transaction: a crash between the data and the index loses nothing.
/// </summary>
public sealed class SearchOutboxInterceptor(TimeProvider clock, SearchIndexSignal signal) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        signal.Notify();
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    private void Record(DbContext? context)
    {
        if (context is null) return;
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var changed = EntityState.Added | EntityState.Modified | EntityState.Deleted;
        var posts = context.ChangeTracker.Entries<Post>().Where(e => (e.State & changed) != 0).Select(e => e.Entity.Id).ToList();
        var hostBodies = context.ChangeTracker.Entries<HostBody>().Where(e => e.State is EntityState.Modified or EntityState.Deleted).Select(e => e.Entity.Id).ToList();
        var outbox = context.Set<SearchOutboxEntry>();
        foreach (var id in posts) outbox.Add(new SearchOutboxEntry(id, null, now));
        foreach (var id in hostBodies) outbox.Add(new SearchOutboxEntry(null, id, now));
    }
}
