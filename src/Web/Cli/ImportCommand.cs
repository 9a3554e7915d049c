using Placement.Web.Data;
using Microsoft.AspNetCore.Identity;
using Placement.Catalogue.Imports;
using Placement.Web.Features.Imports;
using Placement.Web.Identity;
using Spectre.Console;

namespace Placement.Web.Cli;

/// <summary>
/// <c>import persons|host-bodies|posts --file F --as EMAIL [--dry-run] [--all-or-nothing]</c>: the same use case as <c>POST /api/imports/{kind}</c>,
/// in the scope of the account named (who is recorded), with a progress bar on a terminal and the report line by line.
/// Exit code 2 when a line is rejected.
/// </summary>
internal sealed class ImportCommand : Verb
{
    public override string Name => "import";

    public override VerbSubject Subject => VerbSubject.Imports;

    public override string Help => """
        import persons|host-bodies|posts --file <fichier> --as <courriel> [--dry-run] [--all-or-nothing]
                                       importe des personnes, des structures d'accueil ou des postes (CSV ou
                                       JSON, docs/import.md) dans le périmètre du compte nommé ; rapport
                                       ligne à ligne, code 2 si une ligne est rejetée
        """;

    public override string Argument => "kind";

    public override IReadOnlyList<VerbOption> Options { get; } =
        [VerbOption.Text("file"), VerbOption.Text("as"), VerbOption.Switch("dry-run"), VerbOption.Switch("all-or-nothing")];

    public override IReadOnlyList<string> Required { get; } = ["kind", "file", "as"];

    public override async Task<int> RunAsync(IReadOnlyDictionary<string, string?> options, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var kind = options["kind"]!;
        if (!ImportKinds.All.Contains(kind)) throw new UsageException($"Import inconnu « {kind} » : {string.Join(", ", ImportKinds.All)}.");
        var path = options["file"]!;
        if (!File.Exists(path)) throw new UsageException($"Fichier introuvable : {path}");

        await services.PrepareDatabaseAsync(loadDemo: false, ct);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlacementUser>>();
        var user = await users.FindByEmailAsync(options["as"]!) ?? throw new UsageException($"Aucun compte « {options["as"]} ».");
        if (await users.IsLockedOutAsync(user)) throw new UsageException($"Le compte « {options["as"]} » est verrouillé.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PlacementUser>>().CreateAsync(user);
        var caller = Callers.From(principal) with { Origin = "ligne de commande", Request = $"import {kind} --file {Path.GetFileName(path)}" };

        var request = new ImportRequest(Path.GetFileName(path), await File.ReadAllBytesAsync(path, ct), options.ContainsKey("dry-run"), options.ContainsKey("all-or-nothing"));
        var handler = scope.ServiceProvider.GetServices<IImporter>().Single(i => i.Kind == kind);
        using var acting = Callers.ActAs(caller); // the persons' audit names the account, as for a request
        ImportReport report;
        try
        {
            if (!Console.IsOutputRedirected && ReferenceEquals(output, Console.Out))
            {
                report = null!;
                await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"Import de {request.FileName}");
                    report = await handler.HandleAsync(caller, request, new Progress<(int Done, int Total)>(p => { task.MaxValue = p.Total; task.Value = p.Done; }), ct);
                    task.Value = task.MaxValue;
                });
            }
            else report = await handler.HandleAsync(caller, request, null, ct);
        }
        catch (Placement.Kernel.ValidationFailedException e)
        {
            throw new UsageException(string.Join(Environment.NewLine, e.Errors.SelectMany(f => f.Value)));
        }
        catch (Placement.Kernel.ForbiddenException e)
        {
            throw new UsageException(e.Message);
        }

        // The report line by line: its outcome, its key and label, then each reason or remark on its column.
        foreach (var line in report.Lines)
        {
            var outcome = ImportWords.Outcome(kind, line.Outcome).ToLowerInvariant();
            await output.WriteLineAsync($"ligne {line.Line} — {(report.DryRun && line.Outcome is ImportOutcomes.Created ? "à créer" : report.DryRun && line.Outcome is ImportOutcomes.Updated ? "à modifier" : outcome)} — {line.Key} {line.Label}".TrimEnd());
            foreach (var problem in line.Problems)
                await output.WriteLineAsync($"ligne {line.Line} — {problem.Column ?? "?"} : {problem.Message}");
        }
        var mode = report.DryRun ? "Essai (rien n'est écrit)" : report.Applied ? "Import appliqué" : report.Rejected > 0 && report.AllOrNothing ? "Rien n'est écrit (tout ou rien)" : "Rien à écrire";
        await output.WriteLineAsync($"{mode} — {ImportWords.Counts(kind, report.DryRun, report.Created, report.Updated, report.Unchanged, report.Rejected)}.");
        return report.Rejected > 0 ? CommandLine.Usage : CommandLine.Ok;
    }
}
