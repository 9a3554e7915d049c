using Lucene.Net.Store;
using Placement.Catalogue.Search;
using Spectre.Console;

namespace Placement.Web.Cli;

/// <summary>
/// <c>reindex</c>: rebuilds the search index from the database, with a progress bar on a terminal.
/// The embedded index can only be written by one process: while the service runs, use the API.
/// </summary>
internal static class ReindexCommand
{
    public const int Failed = 1;

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var indexer = services.GetRequiredService<SearchIndexer>();
        var engine = services.GetRequiredService<IPostSearchIndex>().Engine;
        try
        {
            int count;
            if (!Console.IsOutputRedirected && ReferenceEquals(output, Console.Out))
            {
                count = 0;
                await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"Indexation ({engine})").IsIndeterminate();
                    count = await indexer.RebuildAsync(new Progress<int>(n => task.Description = $"Indexation ({engine}) : {n} postes"), ct);
                    task.IsIndeterminate(false).Value(task.MaxValue);
                });
            }
            else count = await indexer.RebuildAsync(null, ct);
            await output.WriteLineAsync($"Index de recherche ({engine}) reconstruit : {count} postes publiés.");
            return CommandLine.Ok;
        }
        catch (LockObtainFailedException)
        {
            await Console.Error.WriteLineAsync("L'index embarqué est ouvert par le service en cours d'exécution : arrêtez-le, ou appelez POST /api/search/reindex (administrateur).");
            return Failed;
        }
        catch (SearchUnavailableException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return Failed;
        }
    }
}
