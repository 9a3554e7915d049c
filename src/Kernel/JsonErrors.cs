using System.Text.Json;
using System.Text.RegularExpressions;

namespace Placement.Kernel;

/// <summary>
/// What a user is told when JSON cannot be read — the API's bodies, the JSON imports, the person page's GeoJSON, the CLI's
/// instances — in French and in the user's words. System.Text.Json's own messages name .NET types and members
/// (« could not be mapped to any .NET member contained in type 'Placement.…PersonImportFields' »): they never reach a user.
/// </summary>
public static partial class JsonErrors
{
    /// <summary>The French sentence for a JSON reading failure, without its path (the caller names the field).</summary>
    public static string InFrench(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        if (UnknownMember().Match(message) is { Success: true } unknown)
            return $"Champ inconnu « {unknown.Groups["name"].Value} » : il n'est pas accepté ici (voir la documentation du format).";
        if (MissingMembers().Match(message) is { Success: true } missing)
            return $"Champs obligatoires absents : {string.Join(", ", missing.Groups["names"].Value.Split(',').Select(n => $"« {n.Trim().Trim('\'')} »"))}.";
        if (NotConvertible().Match(message) is { Success: true } conversion)
            return $"Valeur illisible : {Expected(conversion.Groups["type"].Value)} est attendu.";
        if (error.LineNumber is { } line)
            return $"JSON mal formé (ligne {line + 1}, caractère {(error.BytePositionInLine ?? 0) + 1}).";
        return "Valeur illisible : elle n'a pas la forme attendue.";
    }

    /// <summary>What a .NET type is, said to a user: « System.Guid » → « un identifiant ».</summary>
    private static string Expected(string type)
    {
        var name = type.Split('[', '`')[0].Split('.')[^1].TrimEnd('?');
        if (type.Contains("Nullable", StringComparison.Ordinal)) name = type.Split('[', ']').Where(p => p.Length > 0).Skip(1).FirstOrDefault()?.Split('.')[^1] ?? name;
        if (type.EndsWith("[]", StringComparison.Ordinal) || type.Contains("List", StringComparison.Ordinal) || type.Contains("Collection", StringComparison.Ordinal)
            || type.Contains("Enumerable", StringComparison.Ordinal)) return "une liste";
        return name switch
        {
            "Guid" => "un identifiant",
            "Int16" or "Int32" or "Int64" or "Byte" or "UInt16" or "UInt32" or "UInt64" => "un nombre entier",
            "Double" or "Single" or "Decimal" => "un nombre",
            "Boolean" => "vrai ou faux (true / false)",
            "DateOnly" => "une date (aaaa-mm-jj)",
            "DateTime" or "DateTimeOffset" => "une date et une heure (ISO 8601)",
            "TimeOnly" or "TimeSpan" => "une heure (hh:mm)",
            "String" or "Char" => "un texte",
            _ => "un objet de la forme documentée",
        };
    }

    [GeneratedRegex(@"JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"missing required properties including: (?<names>.*?)\.?$")]
    private static partial Regex MissingMembers();

    [GeneratedRegex(@"could not be converted to (?<type>[^ ]+?)\.(?: Path:|$| )")]
    private static partial Regex NotConvertible();
}
