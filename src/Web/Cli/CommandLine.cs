using System.Globalization;

namespace Placement.Web.Cli;

/// <summary>
/// Verbs of the Placement executable. Without a verb (or with only host options such as
/// <c>--urls</c>) the service runs. A bad verb or argument prints a message and exits with code 2.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Usage = 2;

    /// <summary>Every verb, once: the parser, the dispatcher and the help read this list, and « Verbe inconnu » names them in this order.</summary>
    internal static readonly IReadOnlyList<Verb> Verbs =
        [new SeedCommand(), new GenerateDemoCommand(), new MatchCommand(), new GenerateInstanceCommand(), new ReindexCommand(), new ImportCommand()];

    /// <summary>The help: the service, then each verb's lines, subject by subject.</summary>
    public static string Help => $"""
        Placement — placement des personnes condamnées à un travail d'intérêt général.

        Usage :
          Placement.Web [--urls <url>] [--<clé de configuration> <valeur>]   lance le service (par défaut http://localhost:5080)
        {string.Join('\n', Verbs.GroupBy(v => v.Subject).SelectMany(subject => subject).Select(HelpLines))}
          Placement.Web --help                         affiche cette aide

        Avec dotnet : dotnet run --project src/Web -- <verbe> [options]
        """;

    /// <summary>A verb's help, its first line after the executable's name and the next ones aligned under it.</summary>
    private static string HelpLines(Verb verb) =>
        string.Join('\n', verb.Help.Split('\n').Select((line, i) => (i == 0 ? "  Placement.Web " : new string(' ', 16)) + line));

    private static Verb? Find(string? name) => Verbs.FirstOrDefault(v => v.Name == name);

    /// <summary>A parsed command line: the verb (null to run the service), its options, and the rest for the host.</summary>
    public sealed record Parsed(string? Verb, IReadOnlyDictionary<string, string?> Options, string[] HostArgs, bool ShowHelp);

    /// <summary>Splits the arguments; throws <see cref="UsageException"/> on a bad verb or option.</summary>
    public static Parsed Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is "--help" or "-h" or "help")) return new Parsed(null, new Dictionary<string, string?>(), [], true);
        if (args.Length == 0 || args[0].StartsWith('-')) return new Parsed(null, new Dictionary<string, string?>(), args, false);
        var verb = Find(args[0]) ?? throw new UsageException($"Verbe inconnu « {args[0]} ». Verbes : {string.Join(", ", Verbs.Select(v => v.Name))} (voir --help).");
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var host = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (verb.Argument is { } argument && i == 1 && !args[i].StartsWith('-'))
            {
                options[argument] = args[i]; // import persons|host-bodies|posts
                continue;
            }
            var option = verb.Options.FirstOrDefault(o => "--" + o.Name == args[i]);
            if (option is null)
            {
                // Configuration overrides (--Placement:DataDirectory x) go to the host.
                if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    host.Add(args[i]);
                    host.Add(args[++i]);
                    continue;
                }
                throw new UsageException($"Option inconnue pour « {verb.Name} » : {args[i]} (voir --help).");
            }
            if (option.TakesValue && (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
                throw new UsageException($"L'option {args[i]} attend une valeur.");
            options[option.Name] = option.TakesValue ? args[++i] : null;
        }
        foreach (var option in verb.Options.Where(o => o.Value is OptionValue.Integer or OptionValue.Count))
            if (options.TryGetValue(option.Name, out var number) && !(int.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && (option.Value is OptionValue.Integer || n >= 0)))
                throw new UsageException($"--{option.Name} attend un entier{(option.Value is OptionValue.Count ? " positif ou nul" : "")}, pas « {number} ».");
        foreach (var name in verb.Required)
            if (!options.ContainsKey(name)) throw new UsageException($"« {verb.Name} » demande --{name} (voir --help).");
        return new Parsed(verb.Name, options, [.. host], false);
    }

    /// <summary>Runs a verb against the built application; returns the process exit code.</summary>
    public static async Task<int> RunAsync(Parsed command, IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var verb = Find(command.Verb) ?? throw new UsageException($"Verbe inconnu « {command.Verb} ».");
        return await verb.RunAsync(command.Options, services, output, ct);
    }

    /// <summary>Runs a CLI verb of the process; a usage error prints its message and gives exit code 2.</summary>
    public static async Task<int> RunVerbAsync(this WebApplication app, Parsed command)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            return await RunAsync(command, app.Services, Console.Out);
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return Usage;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}

public sealed class UsageException(string message) : Exception(message);
