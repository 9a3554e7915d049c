using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using Placement.Catalogue.Contracts;

namespace Placement.Catalogue.Imports;

/// <summary>A column of an import's CSV file: its French name, the contract field it fills, what it holds, an example.</summary>
/// <summary>One column of an import file; <paramref name="FormerName"/>: the name it had before, still read (a file made from an older template).</summary>
public sealed record ImportColumn(string Name, string Field, string Description, string Example, bool Required = false, string? FormerName = null);

/// <summary>A line of an import file: its values by column (CSV) or its fields (JSON), and the problems found reading it.</summary>
public sealed record ImportRow<TFields>(int Line, IReadOnlyDictionary<string, string?>? Values, TFields? Fields, List<ImportProblem> Problems)
    where TFields : class
{
    public bool Csv => Values is not null;

    /// <summary>A CSV cell (null for JSON, for an absent column or a blank one).</summary>
    public string? Value(string column) => Values?.GetValueOrDefault(column) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>
/// Reads an import file, whatever its kind: at most <see cref="MaxBytes"/>, decoded (<see cref="ImportText"/>), then CSV by
/// its columns — the header checked first: a required column missing or an unknown one refuses the file, naming them; then a
/// line with a required cell blank is rejected on that column — or
/// JSON, an array of the API's shapes (a line that does not fit its shape is rejected, the others are read).
/// </summary>
public static class ImportFile
{
    /// <summary>The largest file taken: 20 MB.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// The most lines (CSV lines after the header, JSON elements) a file may hold: each is checked and, when applied, written
    /// in one transaction; beyond, the work of one request grows past what the database's lock allows (a 33,000-line file
    /// answered « base de données indisponible »).
    /// </summary>
    public const int MaxLines = 20_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static (ImportFormat Format, List<ImportRow<TFields>> Rows) Read<TFields>(ImportRequest request, IReadOnlyList<ImportColumn> columns, string jsonShape)
        where TFields : class, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(columns);
        if (request.Content.Length == 0) throw FieldErrors.OneField("file", "Le fichier est vide.");
        if (request.Content.Length > MaxBytes) throw TooLarge();
        var text = ImportText.Decode(request.Content);
        var format = ImportText.FormatOf(text, request.FileName);
        var rows = format == ImportFormat.Json ? ReadJson<TFields>(text, jsonShape) : ReadCsv<TFields>(text, columns);
        if (rows.Count > MaxLines)
            throw FieldErrors.OneField("file", string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"Le fichier compte {rows.Count:N0} lignes : au plus {MaxLines:N0} par import ; découpez-le."));
        return (format, rows);
    }

    public static ValidationFailedException TooLarge() => FieldErrors.OneField("file", $"Le fichier dépasse {MaxBytes / 1024 / 1024} Mo : découpez-le.");

    /// <summary>The template of a kind: its header and an example line, UTF-8 with a BOM (what spreadsheet software opens right).</summary>
    public static byte[] Template(IReadOnlyList<ImportColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        static string Cell(string value) => value.IndexOfAny([';', '"']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
        var text = $"{string.Join(';', columns.Select(c => c.Name))}\r\n{string.Join(';', columns.Select(c => Cell(c.Example)))}\r\n";
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text)];
    }

    private static List<ImportRow<TFields>> ReadCsv<TFields>(string text, IReadOnlyList<ImportColumn> columns) where TFields : class
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ImportText.SeparatorOf(text).ToString(),
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, configuration);
        var rows = new List<ImportRow<TFields>>();
        if (!csv.Read()) return rows;
        csv.ReadHeader();
        var headers = (csv.HeaderRecord ?? []).Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var missing = columns.Where(c => c.Required && !headers.Contains(c.Name)).Select(c => $"{c.Name} : Colonne obligatoire absente de l'en-tête.");
        var unknown = headers.Where(h => h.Length > 0 && columns.All(c => c.Name != h && c.FormerName != h)).Select(h => $"{h} : Colonne inconnue (voir docs/import.md).");
        var header = missing.Concat(unknown).ToArray();
        if (header.Length > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["file"] = header });
        while (csv.Read())
        {
            var values = columns.ToDictionary(c => c.Name, c => (csv.TryGetField<string>(c.Name, out var v) && v is not null)
                || (c.FormerName is { } former && headers.Contains(former) && csv.TryGetField(former, out v) && v is not null) ? SpreadsheetCells.FromImport(v) : null, StringComparer.Ordinal);
            var blank = columns.Where(c => c.Required && string.IsNullOrWhiteSpace(values[c.Name])).Select(c => new ImportProblem(c.Name, "Ce champ est obligatoire."));
            rows.Add(new ImportRow<TFields>(csv.Parser.Row, values, null, [.. blank]));
        }
        return rows;
    }

    private static List<ImportRow<TFields>> ReadJson<TFields>(string text, string shape) where TFields : class, new()
    {
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException e)
        {
            throw FieldErrors.OneField("file", $"JSON illisible : {JsonErrors.InFrench(e)}");
        }
        if (root.ValueKind != JsonValueKind.Array) throw FieldErrors.OneField("file", $"JSON attendu : {shape}.");
        var rows = new List<ImportRow<TFields>>();
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            index++;
            try
            {
                rows.Add(new ImportRow<TFields>(index, null, element.Deserialize<TFields>(Json) ?? new TFields(), []));
            }
            catch (JsonException e)
            {
                rows.Add(new ImportRow<TFields>(index, null, new TFields(), [new ImportProblem(e.Path?.TrimStart('$', '.'), JsonErrors.InFrench(e))]));
            }
        }
        return rows;
    }
}

public static class ImportColumns
{
    /// <summary>
    /// The column a contract's field path is read from: the column of that very field; else the column
    /// <paramref name="roots"/> names for the field's root (null: none — what the CSV cannot say); else the first column of
    /// the same root (« tutor » → « tuteur_nom », « schedule[1].end » → « creneaux »); null when none.
    /// </summary>
    public static string? ColumnOf(this IReadOnlyList<ImportColumn> columns, string field, IReadOnlyDictionary<string, string?>? roots = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(field);
        if (columns.FirstOrDefault(c => string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase)) is { } exact) return exact.Name;
        var root = field.Split('.', '[')[0];
        if (roots is not null && roots.TryGetValue(root, out var named)) return named;
        return columns.FirstOrDefault(c => string.Equals(c.Field.Split('.', '[')[0], root, StringComparison.OrdinalIgnoreCase))?.Name;
    }
}
