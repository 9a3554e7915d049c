using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Imports;

public static class Importers
{
    /// <summary>The imports of <paramref name="assembly"/> (use cases already registered) are also found by their kind (the API's route, the CLI's word).</summary>
    public static IServiceCollection AddImporters(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IImporter).IsAssignableFrom(t)))
            services.AddScoped(sp => (IImporter)sp.GetRequiredService(type));
        return services;
    }
}

/// <summary>A kind of import (persons, host bodies, posts): who may run it, its CSV columns, and the use case itself.</summary>
public interface IImporter
{
    /// <summary><c>persons</c>, <c>host-bodies</c> or <c>posts</c>: the word of the API's route and of the CLI.</summary>
    string Kind { get; }

    IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Whether the caller may import this kind at all (each line is then checked against the caller's scope).</summary>
    bool Allows(Caller caller);

    Task<ImportReport> HandleAsync(Caller caller, ImportRequest request, IProgress<(int Done, int Total)>? progress, CancellationToken ct);
}

/// <summary>What one line comes to: its line of the report, and the write it stands for (null when there is nothing to write).</summary>
public sealed record ImportStep(ImportLine Line, Action? Write)
{
    public static ImportStep Rejected(int line, string? key, string? label, IReadOnlyList<ImportProblem> problems) =>
        new(new ImportLine(line, key, label, ImportOutcomes.Rejected, problems), null);
}

/// <summary>
/// The run every import shares: each line read in turn (progress reported), then — unless it is a dry run, or all-or-nothing
/// was asked and a line is rejected — every write applied; the record of the import added; one <c>SaveChanges</c>, so the
/// lines and the record are one transaction.
/// </summary>
public static class ImportRun
{
    public static async Task<ImportReport> RunAsync<TFields>(ICatalogueStore store, Caller caller, string kind, ImportRequest request, ImportFormat format,
        IReadOnlyList<ImportRow<TFields>> rows, Func<ImportRow<TFields>, Task<ImportStep>> read, IProgress<(int Done, int Total)>? progress,
        DateTimeOffset now, CancellationToken ct) where TFields : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(read);
        var lines = new List<ImportLine>(rows.Count);
        var writes = new List<Action>();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            var step = await read(row);
            lines.Add(step.Line);
            if (step.Write is not null) writes.Add(step.Write);
            progress?.Report((lines.Count, rows.Count));
        }

        var rejected = lines.Count(l => l.Outcome == ImportOutcomes.Rejected);
        var apply = !request.DryRun && !(request.AllOrNothing && rejected > 0);
        if (apply) foreach (var write in writes) write();
        var report = new ImportReport(Guid.NewGuid(), kind, request.FileName, format.ToString().ToLowerInvariant(), request.DryRun, request.AllOrNothing,
            apply && writes.Count > 0, lines.Count(l => l.Outcome == ImportOutcomes.Created), lines.Count(l => l.Outcome == ImportOutcomes.Updated),
            lines.Count(l => l.Outcome == ImportOutcomes.Unchanged), rejected, lines);
        store.Imports.Add(new ImportRecord(report.Id, kind, request.FileName, caller.Who, now, request.DryRun, request.AllOrNothing, report.Applied,
            report.Created, report.Updated, report.Unchanged, report.Rejected));
        await store.SaveChangesAsync(ct);
        return report;
    }

    /// <summary>
    /// Adds the contract's errors to a line's problems, each on its column (<paramref name="where"/>), but for a column a
    /// problem already names: the cell that could not be read says it better than the blank it was read as.
    /// </summary>
    public static void Name(ICollection<ImportProblem> problems, ValidationFailedException error, Func<string, string?> where)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(where);
        var named = problems.Select(p => p.Column).ToHashSet();
        foreach (var (field, messages) in error.Errors)
        {
            var column = where(field);
            if (column is not null && named.Contains(column)) continue;
            foreach (var message in messages) problems.Add(new(column, message));
        }
    }

    /// <summary>The remark on a line whose address was not found street by street: where it was put, and what that means for distances.</summary>
    public static IReadOnlyList<ImportProblem> Position(string? column, PositionPrecision precision, string what) =>
        PositionPrecisions.Where(precision) is { } where
            ? [new(column, $"Adresse non localisée : {what} {where} (distances {(precision == PositionPrecision.Departement ? "très " : "")}approchées).")]
            : [];
}
