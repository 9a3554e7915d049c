using System.Globalization;
using Placement.Matching.Engine;
using Placement.Matching.Engine.Generation;

namespace Placement.Web.Cli;

/// <summary>
/// <c>generate-instance --persons N --posts M --seed S [--conflicts] [--area ZONE] [--output FILE]</c>: a synthetic
/// instance of matching.md on the real communes, to the file or to standard output.
/// </summary>
internal sealed class GenerateInstanceCommand : Verb
{
    public override string Name => "generate-instance";

    public override VerbSubject Subject => VerbSubject.Matching;

    public override string Help => """
        generate-instance --persons <n> --posts <m> --seed <s> [--conflicts] [--area <zone>] [--output <fichier>]
                                       génère une instance synthétique sur les communes réelles ;
                                       zone : code de département, r<code région> ou FR
        """;

    // --seed first: of two integers that are not, --seed is the one named.
    public override IReadOnlyList<VerbOption> Options { get; } =
        [VerbOption.Integer("seed"), VerbOption.Count("persons"), VerbOption.Count("posts"), VerbOption.Switch("conflicts"), VerbOption.Text("area"), VerbOption.Text("output")];

    public override IReadOnlyList<string> Required { get; } = ["persons", "posts", "seed"];

    public override async Task<int> RunAsync(IReadOnlyDictionary<string, string?> options, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var generator = services.GetRequiredService<InstanceGenerator>();
        int Number(string name) => int.Parse(options[name]!, CultureInfo.InvariantCulture);
        InstanceDto instance;
        try
        {
            instance = generator.Generate(Number("persons"), Number("posts"), Number("seed"), options.ContainsKey("conflicts"), options.GetValueOrDefault("area"));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        var json = InstanceGenerator.Serialize(instance);
        if (options.GetValueOrDefault("output") is { } file) await File.WriteAllTextAsync(file, json, ct);
        else await output.WriteLineAsync(json);
        return CommandLine.Ok;
    }
}
