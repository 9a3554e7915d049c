using Placement.Web.Data;
using Placement.Web.Demo;

namespace Placement.Web.Cli;

/// <summary>
/// <c>seed [--reset]</c>: loads the demo data set into an empty database (<c>--reset</c>: in place of the host bodies,
/// posts, persons and placements), then rebuilds the search index. A database holding data is left alone without <c>--reset</c>.
/// </summary>
internal sealed class SeedCommand : Verb
{
    public override string Name => "seed";

    public override VerbSubject Subject => VerbSubject.Data;

    public override string Help => """
        seed [--reset]                 charge les données de démonstration dans une base vide
                                       (--reset : remplace structures, postes, personnes et placements)
        """;

    public override IReadOnlyList<VerbOption> Options { get; } = [VerbOption.Switch("reset")];

    public override async Task<int> RunAsync(IReadOnlyDictionary<string, string?> options, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        await services.PrepareDatabaseAsync(loadDemo: false, ct);
        await using var scope = services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<DemoDataLoader>();
        if (!options.ContainsKey("reset") && await loader.HasDataAsync(ct))
            throw new UsageException("La base contient déjà des données ; « seed --reset » les remplace par le jeu de démonstration.");
        await loader.LoadAsync(options.ContainsKey("reset"), ct);
        await output.WriteLineAsync("Données de démonstration chargées.");
        // The index follows: ExecuteDelete of a reset bypasses the outbox.
        return await ReindexCommand.RebuildAsync(services, output, ct);
    }
}
