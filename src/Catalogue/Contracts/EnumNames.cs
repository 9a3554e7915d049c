using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Contracts;

/// <summary>Enum names in contracts are kebab-case: <c>PendingValidation</c> ⇄ <c>pending-validation</c>.</summary>
public static class EnumNames
{
    public static string ToKebab<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string? text, string field) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(ToKebab(v), text?.Trim(), StringComparison.OrdinalIgnoreCase)) return v;
        throw new DomainRuleException(field, $"Valeur inconnue « {text} » ; attendu : {string.Join(", ", Enum.GetValues<T>().Select(ToKebab))}.");
    }
}
