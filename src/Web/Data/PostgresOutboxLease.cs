using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Search;

namespace Placement.Web.Data;

/// <summary>
/// The search outbox's lease on PostgreSQL: a transaction-scoped advisory lock (<c>pg_try_advisory_xact_lock</c>) taken
/// without waiting. The node that holds it drains a batch in that transaction — reads the posts as they are, writes the
/// index, deletes the entries — and commits, which releases it; a node that finds it taken drains nothing this time.
/// </summary>
internal sealed class PostgresOutboxLease : ISearchOutboxLease
{
    /// <summary>The advisory lock's key: « placement search outbox ».</summary>
    private const long Key = 0x504C_5345_4152_4348;

    public async Task<ISearchOutboxClaim?> TryClaimAsync(ICatalogueStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var transaction = await store.Database.BeginTransactionAsync(ct);
        var taken = await store.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({Key}) AS \"Value\"").SingleAsync(ct);
        if (taken) return new Claim(transaction);
        await transaction.DisposeAsync();
        return null;
    }

    private sealed class Claim(IDbContextTransaction transaction) : ISearchOutboxClaim
    {
        public Task CompleteAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
