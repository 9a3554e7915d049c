using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Search;

/// <summary>
/// Who may drain the search outbox now. Several nodes run the indexer; one at a time drains (the others find the lease
/// taken and wait for the next signal), so that every change reaches the index once, in order, and the document written
/// is always the post as it is when it is written — the latest version wins.
/// </summary>
public interface ISearchOutboxLease
{
    /// <summary>The claim, held until completed or disposed; null when another node drains.</summary>
    Task<ISearchOutboxClaim?> TryClaimAsync(ICatalogueStore store, CancellationToken ct);
}

/// <summary>A held claim on the outbox: completing it makes the batch's deletions final and lets another drainer in.</summary>
public interface ISearchOutboxClaim : IAsyncDisposable
{
    Task CompleteAsync(CancellationToken ct);
}

/// <summary>One process drains (SQLite, one node): the claim is always granted and holds nothing.</summary>
public sealed class SingleNodeOutboxLease : ISearchOutboxLease
{
    public Task<ISearchOutboxClaim?> TryClaimAsync(ICatalogueStore store, CancellationToken ct) => Task.FromResult<ISearchOutboxClaim?>(Claim.Instance);

    private sealed class Claim : ISearchOutboxClaim
    {
        public static readonly Claim Instance = new();

        public Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
