using System.Globalization;
using Placement.Catalogue.Contracts;

namespace Placement.Catalogue.Imports;

/// <summary>
/// The cells of one CSV line read as a French office export writes them: dates <c>jj/mm/aaaa</c> or ISO, decimal comma
/// or point, « oui »/« non », lists separated by « , » or « | », days « lun 08:00-12:00 ; sam 09:00-17:00 », effort
/// « faible »/« moyen »/« élevé ». An unreadable cell adds a problem on its column and reads as blank; what can be read but
/// is wrong (a time out of a window, an effort word unknown) is left for the contract's own checks to name.
/// </summary>
public sealed class ImportCells(Func<string, string?> value, ICollection<ImportProblem> problems)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public ICollection<ImportProblem> Problems => problems;

    public string? Text(string column) => value(column) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public DateOnly? Date(string column)
    {
        if (Text(column) is not { } v) return null;
        if (DateOnly.TryParseExact(v, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        problems.Add(new(column, $"Date illisible « {v} » : attendu jj/mm/aaaa ou aaaa-mm-jj."));
        return null;
    }

    public double? Number(string column)
    {
        if (Text(column) is not { } v) return null;
        if (double.TryParse(v.Replace(',', '.').Replace(" ", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)) return n;
        problems.Add(new(column, $"Nombre illisible « {v} »."));
        return null;
    }

    public int? WholeNumber(string column)
    {
        if (Text(column) is not { } v) return null;
        if (int.TryParse(v.Replace(" ", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        problems.Add(new(column, $"Nombre entier illisible « {v} »."));
        return null;
    }

    public bool? Flag(string column)
    {
        if (Text(column) is not { } v) return null;
        switch (v.ToLowerInvariant())
        {
            case "oui" or "o" or "vrai" or "1" or "x" or "true" or "yes": return true;
            case "non" or "n" or "faux" or "0" or "false" or "no": return false;
            default:
                problems.Add(new(column, $"Valeur illisible « {v} » : attendu oui ou non."));
                return null;
        }
    }

    /// <summary>
    /// A word from a list, as a person types it (« Établissement public », « habilitée ») → the API's word
    /// (<c>etablissement-public</c>, <c>habilitated</c>) through <paramref name="words"/>, keyed by the typed word without
    /// accents, in lower case, spaces and apostrophes as dashes. A word not in the list is left for the contract to name.
    /// </summary>
    public string? Word(string column, IReadOnlyDictionary<string, string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (Text(column) is not { } v) return null;
        var key = Key(v);
        return words.TryGetValue(key, out var word) ? word : v;
    }

    /// <summary>« Établissement public » → « etablissement-public ».</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Trim().ToLower(French).Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c is ' ' or '\'' or '’' or '_' ? '-' : c);
        }
        return builder.ToString();
    }

    public IReadOnlyList<string> List(string column) =>
        Text(column)?.Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>A contact from its three columns; null when all three are blank.</summary>
    public ContactDto? Contact(string name, string email, string phone) =>
        Text(name) is null && Text(email) is null && Text(phone) is null ? null
            : new ContactDto { Name = Text(name), Email = Text(email), Phone = Text(phone) };

    /// <summary>« faible », « moyen », « élevé » (or the API's words) → <c>low</c>, <c>medium</c>, <c>high</c>.</summary>
    public string? Demand(string column) =>
        Text(column)?.ToLower(French) switch
        {
            null => null,
            "faible" or "low" => "low",
            "moyen" or "modéré" or "modere" or "medium" => "medium",
            "élevé" or "eleve" or "fort" or "high" => "high",
            var other => other,
        };

    private static readonly Dictionary<string, string> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lun"] = "mon", ["lundi"] = "mon", ["mar"] = "tue", ["mardi"] = "tue", ["mer"] = "wed", ["mercredi"] = "wed",
        ["jeu"] = "thu", ["jeudi"] = "thu", ["ven"] = "fri", ["vendredi"] = "fri", ["sam"] = "sat", ["samedi"] = "sat",
        ["dim"] = "sun", ["dimanche"] = "sun",
    };

    /// <summary>« lun 08:00-12:00 ; sam 09:00-17:00 » (also « 8h-12h », « 08:00–12:00 »).</summary>
    public IReadOnlyList<TimeWindowDto> Windows(string column)
    {
        if (Text(column) is not { } text) return [];
        var windows = new List<TimeWindowDto>();
        foreach (var part in text.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var hours = pieces.Length == 2 ? pieces[1].Replace('–', '-').Split('-', StringSplitOptions.TrimEntries) : [];
            if (pieces.Length != 2 || !Days.TryGetValue(pieces[0].TrimEnd('.'), out var day) || hours.Length != 2)
            {
                problems.Add(new(column, $"Créneau illisible « {part} » : attendu par exemple « lun 08:00-12:00 »."));
                continue;
            }
            windows.Add(new TimeWindowDto { Day = day, Start = Clock(hours[0]), End = Clock(hours[1]) });
        }
        return windows;
    }

    /// <summary>« 8h », « 8h30 », « 08:00 » → « 08:00 »; anything else is left for the schedule's own check to name.</summary>
    private static string Clock(string text)
    {
        var t = text.Trim().ToLowerInvariant().Replace('h', ':');
        if (t.EndsWith(':')) t += "00";
        return TimeOnly.TryParseExact(t, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture) : text.Trim();
    }
}
