namespace Placement.Catalogue.Imports;

/// <summary>
/// An import file and how to apply it: <see cref="DryRun"/> reports what would happen and writes nothing (but the record of
/// the import); otherwise the valid lines are written in one transaction — none when <see cref="AllOrNothing"/> and a line
/// is rejected.
/// </summary>
public sealed record ImportRequest(string FileName, byte[] Content, bool DryRun, bool AllOrNothing);

/// <summary>A reason a line is rejected, on its column (CSV) or field (JSON) when it has one.</summary>
public sealed record ImportProblem(string? Column, string Message);

/// <summary>One line of the file: <c>created</c>, <c>updated</c>, <c>unchanged</c> or <c>rejected</c> (with its problems).</summary>
public sealed record ImportLine(int Line, string? Key, string? Label, string Outcome, IReadOnlyList<ImportProblem> Problems);

/// <summary>What an import did or would do, line by line; <see cref="Applied"/> says whether it wrote anything.</summary>
public sealed record ImportReport(Guid Id, string Kind, string FileName, string Format, bool DryRun, bool AllOrNothing, bool Applied,
    int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<ImportLine> Lines);

/// <summary>The kinds of import: the word of the API's route, of the CLI and of the record.</summary>
public static class ImportKinds
{
    public const string Persons = "persons";
    public const string HostBodies = "host-bodies";
    public const string Posts = "posts";

    public static readonly IReadOnlyList<string> All = [Persons, HostBodies, Posts];
}

public static class ImportOutcomes
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";
    public const string Rejected = "rejected";
}
