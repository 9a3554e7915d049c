using System.Globalization;
using Placement.Catalogue.Geography;
using Placement.Web.Demo;

namespace Placement.Web.Cli;

/// <summary><c>generate-demo [--seed N] [--output DIR]</c>: writes the demo data set again (by default into <c>data/seed/demo</c> of the checkout).</summary>
internal sealed class GenerateDemoCommand : Verb
{
    public override string Name => "generate-demo";

    public override VerbSubject Subject => VerbSubject.Data;

    public override string Help => """
        generate-demo [--seed <n>] [--output <dossier>]
                                       régénère le jeu de démonstration (data/seed/demo)
        """;

    public override IReadOnlyList<VerbOption> Options { get; } = [VerbOption.Integer("seed"), VerbOption.Text("output")];

    public override async Task<int> RunAsync(IReadOnlyDictionary<string, string?> options, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var seed = options.TryGetValue("seed", out var s) ? int.Parse(s!, CultureInfo.InvariantCulture) : DemoDataGenerator.DefaultSeed;
        var outputDir = options.TryGetValue("output", out var o) ? o! : Path.Combine(RepositoryRoot(), "data", "seed", "demo");
        var data = new DemoDataGenerator(services.GetRequiredService<FranceGeography>()).Generate(seed);
        data.Write(outputDir);
        await output.WriteLineAsync($"Jeu de démonstration écrit dans {Path.GetFullPath(outputDir)} : {data.HostBodies.Count} structures, {data.Posts.Count} postes, {data.Persons.Count} personnes, {data.Placements.Count} placements.");
        return CommandLine.Ok;
    }

    /// <summary>The checkout holding <c>Placement.sln</c> above the current folder (dotnet run starts in src/Web), else the current folder.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Placement.sln"))) return dir.FullName;
        return Environment.CurrentDirectory;
    }
}
