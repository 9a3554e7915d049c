using Placement.Catalogue.Geography;
using Placement.Web.Data;
using Placement.Web.Demo;

namespace Placement.Web.Cli;

/// <summary>
/// Verbs of the Placement executable. Without a verb (or with only host options such as
/// <c>--urls</c>) the service runs. A bad verb or argument prints a message and exits with code 2.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Usage = 2;

    public const string Help = """
        Placement — placement des personnes condamnées à un travail d'intérêt général.

        Usage :
          Placement.Web [--urls <url>] [--<clé de configuration> <valeur>]   lance le service (par défaut http://localhost:5080)
          Placement.Web seed [--reset]                 charge les données de démonstration dans une base vide
                                                       (--reset : remplace structures, postes, personnes et placements)
          Placement.Web generate-demo [--seed <n>] [--output <dossier>]
                                                       régénère le jeu de démonstration (data/seed/demo)
          Placement.Web reindex                        reconstruit l'index de recherche depuis la base (service arrêté
                                                       pour l'index embarqué ; sinon POST /api/search/reindex)
          Placement.Web match --input <instance.json> [--output <résultat.json>]
                                                       résout une instance d'affectation (shared/spec/matching.md) ;
                                                       résultat sur la sortie standard sans --output
          Placement.Web generate-instance --persons <n> --posts <m> --seed <s> [--conflicts] [--area <zone>] [--output <fichier>]
                                                       génère une instance synthétique sur les communes réelles ;
                                                       zone : code de département, r<code région> ou FR
          Placement.Web import persons|host-bodies|posts --file <fichier> --as <courriel> [--dry-run] [--all-or-nothing]
                                                       importe des personnes, des structures d'accueil ou des postes (CSV ou
                                                       JSON, docs/import.md) dans le périmètre du compte nommé ; rapport
                                                       ligne à ligne, code 2 si une ligne est rejetée
          Placement.Web --help                         affiche cette aide

        Avec dotnet : dotnet run --project src/Web -- <verbe> [options]
        """;

    private static readonly string[] Verbs = ["seed", "generate-demo", "match", "generate-instance", "reindex", "import"];

    /// <summary>A parsed command line: the verb (null to run the service), its options, and the rest for the host.</summary>
    public sealed record Parsed(string? Verb, IReadOnlyDictionary<string, string?> Options, string[] HostArgs, bool ShowHelp);

    /// <summary>Splits the arguments; throws <see cref="UsageException"/> on a bad verb or option.</summary>
    public static Parsed Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is "--help" or "-h" or "help")) return new Parsed(null, new Dictionary<string, string?>(), [], true);
        if (args.Length == 0 || args[0].StartsWith('-')) return new Parsed(null, new Dictionary<string, string?>(), args, false);
        var verb = args[0];
        if (!Verbs.Contains(verb)) throw new UsageException($"Verbe inconnu « {verb} ». Verbes : {string.Join(", ", Verbs)} (voir --help).");
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (verb == "import" && i == 1 && !args[i].StartsWith('-'))
            {
                options["kind"] = args[i]; // import persons|host-bodies|posts
                continue;
            }
            var (name, takesValue) = (verb, args[i]) switch
            {
                ("import", "--file") => ("file", true),
                ("import", "--as") => ("as", true),
                ("import", "--dry-run") => ("dry-run", false),
                ("import", "--all-or-nothing") => ("all-or-nothing", false),
                ("seed", "--reset") => ("reset", false),
                ("generate-demo", "--seed") => ("seed", true),
                ("generate-demo", "--output") => ("output", true),
                ("match", "--input") => ("input", true),
                ("match", "--output") => ("output", true),
                ("generate-instance", "--persons") => ("persons", true),
                ("generate-instance", "--posts") => ("posts", true),
                ("generate-instance", "--seed") => ("seed", true),
                ("generate-instance", "--conflicts") => ("conflicts", false),
                ("generate-instance", "--area") => ("area", true),
                ("generate-instance", "--output") => ("output", true),
                _ => (null, false),
            };
            if (name is null)
            {
                // Configuration overrides (--Placement:DataDirectory x) go to the host.
                if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    host.Add(args[i]);
                    host.Add(args[++i]);
                    continue;
                }
                throw new UsageException($"Option inconnue pour « {verb} » : {args[i]} (voir --help).");
            }
            if (takesValue && (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
                throw new UsageException($"L'option {args[i]} attend une valeur.");
            options[name] = takesValue ? args[++i] : null;
        }
        foreach (var name in new[] { "seed", "persons", "posts" })
            if (options.TryGetValue(name, out var number) && !(int.TryParse(number, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= (name == "seed" ? int.MinValue : 0)))
                throw new UsageException($"--{name} attend un entier{(name == "seed" ? "" : " positif ou nul")}, pas « {number} ».");
        var required = verb switch
        {
            "match" => ["input"],
            "generate-instance" => new[] { "persons", "posts", "seed" },
            "import" => new[] { "kind", "file", "as" },
            _ => [],
        };
        foreach (var name in required)
            if (!options.ContainsKey(name)) throw new UsageException($"« {verb} » demande --{name} (voir --help).");
        return new Parsed(verb, options, [.. host], false);
    }

    /// <summary>Runs a verb against the built application; returns the process exit code.</summary>
    public static async Task<int> RunAsync(Parsed command, IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Verb)
        {
            case "seed":
            {
                await services.PrepareDatabaseAsync(loadDemo: false, ct);
                await using var scope = services.CreateAsyncScope();
                var loader = scope.ServiceProvider.GetRequiredService<DemoDataLoader>();
                if (!command.Options.ContainsKey("reset") && await loader.HasDataAsync(ct))
                    throw new UsageException("La base contient déjà des données ; « seed --reset » les remplace par le jeu de démonstration.");
                await loader.LoadAsync(command.Options.ContainsKey("reset"), ct);
                await output.WriteLineAsync("Données de démonstration chargées.");
                // The index follows: ExecuteDelete of a reset bypasses the outbox.
                return await ReindexCommand.RunAsync(services, output, ct);
            }
            case "generate-demo":
            {
                var seed = command.Options.TryGetValue("seed", out var s) ? int.Parse(s!, System.Globalization.CultureInfo.InvariantCulture) : DemoDataGenerator.DefaultSeed;
                var outputDir = command.Options.TryGetValue("output", out var o) ? o! : Path.Combine(RepositoryRoot(), "data", "seed", "demo");
                var data = new DemoDataGenerator(services.GetRequiredService<FranceGeography>()).Generate(seed);
                data.Write(outputDir);
                await output.WriteLineAsync($"Jeu de démonstration écrit dans {Path.GetFullPath(outputDir)} : {data.HostBodies.Count} structures, {data.Posts.Count} postes, {data.Persons.Count} personnes, {data.Placements.Count} placements.");
                return Ok;
            }
            case "reindex":
                await services.PrepareDatabaseAsync(loadDemo: false, ct);
                return await ReindexCommand.RunAsync(services, output, ct);
            case "import":
                return await ImportCommand.RunAsync(command.Options, services, output, ct);
            case "match":
                return await MatchCommand.RunAsync(command.Options["input"]!, command.Options.GetValueOrDefault("output"), services, output, ct);
            case "generate-instance":
            {
                var generator = services.GetRequiredService<Placement.Matching.Engine.Generation.InstanceGenerator>();
                int Number(string name) => int.Parse(command.Options[name]!, System.Globalization.CultureInfo.InvariantCulture);
                Placement.Matching.Engine.InstanceDto instance;
                try
                {
                    instance = generator.Generate(Number("persons"), Number("posts"), Number("seed"), command.Options.ContainsKey("conflicts"), command.Options.GetValueOrDefault("area"));
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(e.Message);
                }
                var json = Placement.Matching.Engine.Generation.InstanceGenerator.Serialize(instance);
                if (command.Options.GetValueOrDefault("output") is { } file) await File.WriteAllTextAsync(file, json, ct);
                else await output.WriteLineAsync(json);
                return Ok;
            }
            default:
                throw new UsageException($"Verbe inconnu « {command.Verb} ».");
        }
    }


    /// <summary>The checkout holding <c>Placement.sln</c> above the current folder (dotnet run starts in src/Web), else the current folder.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Placement.sln"))) return dir.FullName;
        return Environment.CurrentDirectory;
    }
}

public sealed class UsageException(string message) : Exception(message);
