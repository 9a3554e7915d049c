using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Placements;

namespace Placement.Web.Data;

/// <summary>
/// The placement gate of several nodes on one PostgreSQL database: the post's row locked (<c>SELECT … FOR UPDATE</c>)
/// in the placement's transaction, so that placements on one post are created one after the other whichever node
/// takes them, and released when the transaction ends. Placements on other posts go on in parallel.
/// </summary>
internal sealed class PostgresPlacementGate : IPlacementGate
{
    public async Task<IDisposable> EnterAsync(IMatchingStore store, Guid postId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        await store.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Posts\" WHERE \"Id\" = {postId} FOR UPDATE", ct);
        return NoRelease.Instance;
    }

    private sealed class NoRelease : IDisposable
    {
        public static readonly NoRelease Instance = new();

        public void Dispose()
        {
        }
    }
}
