using Placement.Catalogue.Application;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Search;

namespace Placement.Catalogue.Features.Search;

/// <summary>Rebuilds the search index from the database, switched atomically (administrators; the CLI verb for the operator).</summary>
public sealed class RebuildSearchIndex(SearchIndexer indexer, IPostSearchIndex index) : IUseCase
{
    public async Task<ReindexResponse> HandleAsync(Caller caller, IProgress<int>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAdmin) throw new ForbiddenException("Seul un administrateur reconstruit l'index.");
        return new ReindexResponse(index.Engine, await indexer.RebuildAsync(progress, ct));
    }
}
