using Placement.Catalogue.Contracts;
using Placement.Catalogue.Search;

namespace Placement.Catalogue.Features.Search;

/// <summary>Rebuilds the search index from the database, switched atomically (administrators; the CLI verb for the operator).</summary>
public sealed class RebuildSearchIndex(SearchIndexer indexer, IPostSearchIndex index, PostDocuments documents, Persistence.ICatalogueStore store) : IUseCase
{
    /// <summary>How many posts a rebuild will index (to show its progress).</summary>
    public async Task<int> CountAsync(Caller caller, CancellationToken ct)
    {
        Demand(caller);
        return await documents.CountSearchableAsync(store, ct);
    }

    public async Task<ReindexResponse> HandleAsync(Caller caller, IProgress<int>? progress, CancellationToken ct)
    {
        Demand(caller);
        return new ReindexResponse(index.Engine, await indexer.RebuildAsync(progress, ct));
    }

    private static void Demand(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAdmin) throw new ForbiddenException("Seul un administrateur reconstruit l'index.");
    }
}
