using System.Text.RegularExpressions;

namespace Placement.Catalogue.Domain;

/// <summary>An activity of the vocabulary posts are described with: a stable code (kebab case) and its French label.</summary>
public sealed partial class Activity
{
    private Activity() { }

    public Activity(string code, string label, DateTimeOffset now)
    {
        Code = ValidCode(code);
        Label = ValidLabel(label);
        CreatedAt = UpdatedAt = now;
    }

    public string Code { get; private set; } = "";
    public string Label { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Rename(string label, DateTimeOffset now)
    {
        Label = ValidLabel(label);
        UpdatedAt = now;
    }

    public static string ValidCode(string? code)
    {
        var text = Ensure.NotBlank(code, "code", 60).ToLowerInvariant();
        Ensure.That(KebabCase().IsMatch(text), "code", "Un code d'activité s'écrit en minuscules sans accents, les mots séparés par des tirets (par exemple « jardinage-solidaire »).");
        return text;
    }

    public static string ValidLabel(string? label) => Ensure.NotBlank(label, "label", 80);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
