using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Contracts;

/// <summary>Enum names in contracts are kebab-case: <c>PendingValidation</c> ⇄ <c>pending-validation</c>.</summary>
public static class EnumNames
{
    public static string ToKebab<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string? text, string field) where T : struct, Enum =>
        Find<T>(text) ?? throw new DomainRuleException(field, $"Valeur inconnue « {text} » ; attendu : {string.Join(", ", Names<T>.All.Select(n => n.Name))}.");

    /// <summary>The value named <paramref name="text"/> (trimmed, in any case), or null when none is.</summary>
    public static T? Find<T>(string? text) where T : struct, Enum
    {
        var trimmed = text?.Trim();
        foreach (var (name, value) in Names<T>.All)
            if (string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }

    /// <summary>The kebab-case names of an enum's values, worked out once (an instance parses one per post and person).</summary>
    private static class Names<T> where T : struct, Enum
    {
        public static readonly (string Name, T Value)[] All = [.. Enum.GetValues<T>().Select(v => (ToKebab(v), v))];
    }
}
