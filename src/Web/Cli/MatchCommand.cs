using System.Globalization;
using System.Text.Json;
using Placement.Catalogue.Contracts;
using Placement.Matching.Engine;

namespace Placement.Web.Cli;

/// <summary>
/// <c>match --input instance.json [--output result.json]</c>: solves an instance of matching.md. The
/// result goes to the file or to standard output; progress (phase, objective, bound) goes to standard
/// error when it is a terminal. An unreadable or invalid instance is a usage error naming the field.
/// </summary>
internal sealed class MatchCommand : Verb
{
    private static readonly JsonSerializerOptions Output = new(InstanceDto.Json) { WriteIndented = true };

    public override string Name => "match";

    public override VerbSubject Subject => VerbSubject.Matching;

    public override string Help => """
        match --input <instance.json> [--output <résultat.json>]
                                       résout une instance d'affectation (shared/spec/matching.md) ;
                                       résultat sur la sortie standard sans --output
        """;

    public override IReadOnlyList<VerbOption> Options { get; } = [VerbOption.Text("input"), VerbOption.Text("output")];

    public override IReadOnlyList<string> Required { get; } = ["input"];

    public override async Task<int> RunAsync(IReadOnlyDictionary<string, string?> options, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var input = options["input"]!;
        var outputFile = options.GetValueOrDefault("output");
        if (!File.Exists(input)) throw new UsageException($"Fichier introuvable : {input}");
        var solver = services.GetRequiredService<AssignmentSolver>();
        // The engine compiles on the idle core while this one reads: the time limit is then the solve's, not the compiler's.
        // Stopped as soon as the instance is read (a small one is read at once), and never a cause of failure.
        using var reading = new CancellationTokenSource();
        var warmUp = Task.Run(() => EngineWarmUp.Run(solver, reading.Token), CancellationToken.None);
        MatchingInstance instance;
        try
        {
            await using var stream = File.OpenRead(input);
            var dto = await JsonSerializer.DeserializeAsync<InstanceDto>(stream, InstanceDto.Json, ct)
                ?? throw new UsageException("Instance vide.");
            instance = dto.ToInstance();
        }
        catch (JsonException e)
        {
            throw new UsageException($"Instance illisible, champ « {Field(e.Path)} » : {JsonErrors.InFrench(e)}");
        }
        catch (ValidationFailedException e)
        {
            throw new UsageException("Instance invalide : " + string.Join(" ; ", e.Errors.Select(x => $"{x.Key} : {string.Join(" ", x.Value)}")));
        }
        finally
        {
            await reading.CancelAsync();
        }

        if (outputFile is not null) EnsureWritable(outputFile);
        var progress = Console.IsErrorRedirected ? null : new Progress<SolveProgress>(p =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{p.Percent,5:0.0} %] {p.Phase}{(p.Objective is { } o ? $" objectif {o}" : "")}{(p.BestBound is { } b ? $" borne {b}" : "")}")));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            await warmUp;
            var result = solver.Solve(instance, progress, cancel.Token);
            var json = JsonSerializer.Serialize(result, Output);
            if (outputFile is not null) await File.WriteAllTextAsync(outputFile, json + "\n", ct);
            else await output.WriteLineAsync(json);
            if (!Console.IsErrorRedirected)
                await Console.Error.WriteLineAsync($"{result.Status} : {result.Stats!.Placed}/{result.Stats.Persons} personnes placées en {result.Stats.ElapsedMs} ms.");
            return CommandLine.Ok;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The output file can be written — checked before a solve of minutes, not after (nothing is left behind).</summary>
    private static void EnsureWritable(string path)
    {
        var existed = File.Exists(path);
        try
        {
            using (File.Open(path, FileMode.OpenOrCreate, FileAccess.Write)) { }
            if (!existed) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Fichier de sortie impossible à écrire : {path} ({e.Message})");
        }
    }

    private static string Field(string? path) => path is null or "$" ? "(racine)" : path.TrimStart('$', '.');
}
