using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;

namespace Placement.Matching.Persistence;

/// <summary>The queries about placements that hold a place (<see cref="TigPlacement.ActiveStatuses"/>): who is busy, what is free.</summary>
public static class ActivePlacements
{
    public static IQueryable<TigPlacement> Active(this IQueryable<TigPlacement> placements) =>
        placements.Where(p => TigPlacement.ActiveStatuses.Contains(p.Status));

    /// <summary>Places taken on each post (only posts with at least one active placement appear); all posts when <paramref name="postIds"/> is null.</summary>
    public static async Task<Dictionary<Guid, int>> TakenByPostAsync(this IQueryable<TigPlacement> placements, IReadOnlyCollection<Guid>? postIds, CancellationToken ct)
    {
        var active = placements.Active();
        if (postIds is not null) active = active.Where(p => EF.Parameter(postIds).Contains(p.PostId)); // one parameter, whatever the count
        return await active.GroupBy(p => p.PostId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    /// <summary>The one computation of a post's free places: its capacity less its active placements, never below zero.</summary>
    public static int FreePlaces(int capacity, int taken) => Math.Max(0, capacity - taken);

    /// <inheritdoc cref="FreePlaces(int, int)"/>
    public static int FreePlaces(Post post, IReadOnlyDictionary<Guid, int> taken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(taken);
        return FreePlaces(post.Details.Capacity, taken.GetValueOrDefault(post.Id));
    }
}
