using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;
using Placement.Notifications.Persistence;

namespace Placement.Notifications.Dispatch;

/// <summary>What the recipients and the texts of an event need, read (untracked) through the module's store.</summary>
public sealed class NotificationQuery(INotificationStore store)
{
    /// <summary>A post the event names (it must exist: an event is written with it).</summary>
    public Task<Post> PostAsync(Guid id, CancellationToken ct) => store.Posts.AsNoTracking().FirstAsync(p => p.Id == id, ct);

    /// <summary>A placement's post and person; null when the event names no placement, or one that is gone.</summary>
    public async Task<(Post Post, Person Person)?> PlacementAsync(Guid? placementId, CancellationToken ct)
    {
        var placement = placementId is { } pid ? await store.Placements.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (placement is null) return null;
        var post = await store.Posts.AsNoTracking().FirstAsync(p => p.Id == placement.PostId, ct);
        var person = await store.Persons.AsNoTracking().FirstAsync(p => p.Id == placement.PersonId, ct);
        return (post, person);
    }

    public async Task<AssignmentRun?> RunAsync(Guid? id, CancellationToken ct) =>
        id is { } runId ? await store.AssignmentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct) : null;

    public async Task<HostBody?> HostBodyAsync(Guid? id, CancellationToken ct) =>
        id is { } bodyId ? await store.HostBodies.AsNoTracking().FirstOrDefaultAsync(h => h.Id == bodyId, ct) : null;

    public async Task<Person?> PersonAsync(Guid? id, CancellationToken ct) =>
        id is { } personId ? await store.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct) : null;

    /// <summary>The posts waiting for validation since before <paramref name="since"/>, oldest first, and their host bodies' names.</summary>
    public async Task<(IReadOnlyList<Post> Waiting, IReadOnlyDictionary<Guid, string> HostNames)> AwaitingValidationAsync(DateTimeOffset since, CancellationToken ct)
    {
        var waiting = (await store.Posts.AsNoTracking().Where(p => p.Status == PostStatus.PendingValidation).ToListAsync(ct))
            .Where(p => p.StatusChangedAt < since).OrderBy(p => p.StatusChangedAt).ToList();
        var hostIds = waiting.Select(p => p.HostBodyId).Distinct().ToList();
        var hostNames = await store.HostBodies.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Details.Name, ct);
        return (waiting, hostNames);
    }
}
