using Lucene.Net.Store;
using Placement.Catalogue.Features.Search;
using Placement.Catalogue.Search;
using Placement.Web.Data;
using Spectre.Console;

namespace Placement.Web.Cli;

/// <summary>
/// <c>reindex</c>: rebuilds the search index from the database, with a progress bar on a terminal.
/// The embedded index can only be written by one process: while the service runs, use the API.
/// </summary>
internal sealed class ReindexCommand : Verb
{
    public const int Failed = 1;

    public override string Name => "reindex";

    public override VerbSubject Subject => VerbSubject.Data;

    public override string Help => """
        reindex                        reconstruit l'index de recherche depuis la base (service arrêté
                                       pour l'index embarqué ; sinon POST /api/search/reindex)
        """;

    public override IReadOnlyList<VerbOption> Options { get; } = [];

    public override async Task<int> RunAsync(IReadOnlyDictionary<string, string?> options, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        await services.PrepareDatabaseAsync(loadDemo: false, ct);
        return await RebuildAsync(services, output, ct);
    }

    /// <summary>Rebuilds the index of a database already prepared (after <c>seed</c> too).</summary>
    public static async Task<int> RebuildAsync(IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var rebuild = scope.ServiceProvider.GetRequiredService<RebuildSearchIndex>();
        var engine = services.GetRequiredService<IPostSearchIndex>().Engine;
        var caller = Caller.Operator("ligne de commande");
        try
        {
            int count;
            if (!Console.IsOutputRedirected && ReferenceEquals(output, Console.Out))
            {
                count = 0;
                await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"Indexation ({engine})").IsIndeterminate();
                    count = (await rebuild.HandleAsync(caller, new Progress<int>(n => task.Description = $"Indexation ({engine}) : {n} postes"), ct)).Indexed;
                    task.IsIndeterminate(false).Value(task.MaxValue);
                });
            }
            else count = (await rebuild.HandleAsync(caller, null, ct)).Indexed;
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
