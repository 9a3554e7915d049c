namespace Placement.Web.Cli;

/// <summary>
/// One verb of the executable: its name, its arguments, its lines in the help and what it does against the built
/// application. Every verb is one class of this folder, listed once in <see cref="CommandLine.Verbs"/>.
/// </summary>
internal abstract class Verb
{
    /// <summary>What follows the executable's name: <c>seed</c>, <c>match</c>…</summary>
    public abstract string Name { get; }

    /// <summary>What the verb is about: the help lists the verbs of one subject together.</summary>
    public abstract VerbSubject Subject { get; }

    /// <summary>Its lines in <see cref="CommandLine.Help"/>: the usage, then what it does aligned on the first line's text.</summary>
    public abstract string Help { get; }

    /// <summary>The option a first argument without a dash stands for (<c>import persons</c>: <c>kind</c>), if the verb takes one.</summary>
    public virtual string? Argument => null;

    /// <summary>Its options, each written <c>--name</c>; the integers among them are checked in this order.</summary>
    public abstract IReadOnlyList<VerbOption> Options { get; }

    /// <summary>The options (or the argument) the verb cannot do without, in the order a missing one is named.</summary>
    public virtual IReadOnlyList<string> Required => [];

    /// <summary>Runs the verb with its parsed options; returns the process exit code, or throws <see cref="UsageException"/>.</summary>
    public abstract Task<int> RunAsync(IReadOnlyDictionary<string, string?> options, IServiceProvider services, TextWriter output, CancellationToken ct);
}

/// <summary>The subjects the help groups the verbs by.</summary>
internal enum VerbSubject
{
    /// <summary>The database, the demo data set and the search index.</summary>
    Data,

    /// <summary>Matching instances, solved or generated.</summary>
    Matching,

    /// <summary>Imports of spreadsheets.</summary>
    Imports,
}

/// <summary>An option <c>--name</c> of a verb, and what follows it.</summary>
internal sealed record VerbOption(string Name, OptionValue Value)
{
    public bool TakesValue => Value is not OptionValue.None;

    public static VerbOption Switch(string name) => new(name, OptionValue.None);

    public static VerbOption Text(string name) => new(name, OptionValue.Text);

    public static VerbOption Integer(string name) => new(name, OptionValue.Integer);

    public static VerbOption Count(string name) => new(name, OptionValue.Count);
}

/// <summary>What follows an option.</summary>
internal enum OptionValue
{
    /// <summary>Nothing: the option is a switch.</summary>
    None,

    /// <summary>Any text: a file, a zone, an address.</summary>
    Text,

    /// <summary>An integer.</summary>
    Integer,

    /// <summary>An integer, zero or more.</summary>
    Count,
}
