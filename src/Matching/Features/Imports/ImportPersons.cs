using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue;
using Placement.Catalogue.Application;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Matching.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Imports;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Imports;

/// <summary>
/// Imports persons from the case-management application's export (issue 16): CSV with the French columns of
/// <see cref="PersonColumns"/>, or JSON in the API's shape. Each line is found again by its case number (created, updated,
/// unchanged) or rejected with its reasons on their columns; a line out of the caller's SPIPs is rejected, never read or
/// written. Addresses are geocoded (street when it can, the commune otherwise). A dry run writes nothing; otherwise the
/// valid lines are written in one transaction — none when all-or-nothing is asked and a line is rejected. Every import is
/// recorded.
/// </summary>
public sealed class ImportPersons(IMatchingStore store, MatchingInputs inputs, CatalogueInputs addresses, FranceGeography geography, TimeProvider clock) : IUseCase
{
    public const string Kind = "persons";

    /// <summary>The largest file taken: 20 MB (about 60,000 lines).</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>A line of the file: its values by column (CSV, read into fields once the person is known) or its fields (JSON).</summary>
    private sealed record Row(int Line, IReadOnlyDictionary<string, string?>? Values, PersonFields? Fields, List<ImportProblem> Problems)
    {
        public bool Csv => Values is not null;
        public string? CaseNumber => Csv ? Values!.GetValueOrDefault("numero_dossier") : Fields?.CaseNumber;
    }

    public async Task<ImportReport> HandleAsync(Caller caller, ImportRequest request, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!(caller.IsOfficer || caller.IsCoordinator)) throw new ForbiddenException("L'import des personnes est réservé aux agents et aux coordinateurs.");
        if (request.Content.Length == 0) throw FieldErrors.OneField("file", "Le fichier est vide.");
        if (request.Content.Length > MaxBytes) throw FieldErrors.OneField("file", $"Le fichier dépasse {MaxBytes / 1024 / 1024} Mo : découpez-le.");
        var text = ImportText.Decode(request.Content);
        var format = ImportText.FormatOf(text, request.FileName);
        var rows = format == ImportFormat.Json ? ReadJson(text) : ReadCsv(text);

        var keys = rows.Select(r => SafeKey(r.CaseNumber)).OfType<string>().Distinct().ToList();
        var known = await store.Persons.Where(p => p.CaseNumber != null && keys.Contains(p.CaseNumber)).ToDictionaryAsync(p => p.CaseNumber!, ct);
        var now = clock.GetUtcNow();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<ImportLine>(rows.Count);
        var writes = new List<Action>();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            var (line, write) = await ReadLineAsync(caller, row, known, seen, now, ct);
            lines.Add(line);
            if (write is not null) writes.Add(write);
            progress?.Report((lines.Count, rows.Count));
        }

        var rejected = lines.Count(l => l.Outcome == ImportOutcomes.Rejected);
        var apply = !request.DryRun && !(request.AllOrNothing && rejected > 0);
        if (apply) foreach (var write in writes) write();
        var id = Guid.NewGuid();
        var report = new ImportReport(id, Kind, request.FileName, format.ToString().ToLowerInvariant(), request.DryRun, request.AllOrNothing, apply && writes.Count > 0,
            lines.Count(l => l.Outcome == ImportOutcomes.Created), lines.Count(l => l.Outcome == ImportOutcomes.Updated),
            lines.Count(l => l.Outcome == ImportOutcomes.Unchanged), rejected, lines);
        store.Imports.Add(new ImportRecord(id, Kind, request.FileName, caller.Who, now, request.DryRun, request.AllOrNothing, report.Applied,
            report.Created, report.Updated, report.Unchanged, report.Rejected));
        await store.SaveChangesAsync(ct); // the persons and the record: one transaction
        return report;
    }

    /// <summary>One line: its outcome, and the write it stands for (null when there is nothing to write).</summary>
    private async Task<(ImportLine Line, Action? Write)> ReadLineAsync(Caller caller, Row row, Dictionary<string, Person> known, Dictionary<string, int> seen,
        DateTimeOffset now, CancellationToken ct)
    {
        var problems = row.Problems;
        string? label = null;
        ImportLine Rejected() => new(row.Line, row.CaseNumber, label, ImportOutcomes.Rejected, problems);
        string? Where(string field) => row.Csv ? PersonColumns.ColumnOf(field) : field;

        string? key;
        try
        {
            key = CaseNumbers.Normalise(row.CaseNumber);
        }
        catch (DomainRuleException e)
        {
            problems.Add(new(Where("caseNumber"), e.Message));
            return (Rejected(), null);
        }
        if (key is null) problems.Add(new(Where("caseNumber"), "Le numéro de dossier est obligatoire : il retrouve la personne d'un import à l'autre."));
        else if (seen.TryGetValue(key, out var first)) problems.Add(new(Where("caseNumber"), $"Numéro de dossier déjà présent ligne {first}."));
        else seen[key] = row.Line;

        known.TryGetValue(key ?? "", out var existing);
        if (existing is not null && !caller.CanAccessPerson(existing.Departement))
        {
            problems.Add(new(Where("caseNumber"), "Ce dossier est suivi par un SPIP hors de votre périmètre."));
            return (Rejected(), null);
        }
        // A CSV line says nothing of what only the JSON carries (suspensions, zones, co-defendants) nor, left blank, of the
        // hours signed and the referent: those are kept from the file already known.
        var fields = row.Fields ?? PersonColumns.Read(column => row.Values!.GetValueOrDefault(column), problems,
            existing?.Profile.Adapt<PersonFields>(MatchingMappings.Config));
        label = $"{fields.FirstName} {fields.LastName}".Trim();
        if (problems.Count > 0) return (Rejected(), null);
        fields = fields with
        {
            CaseNumber = key,
            ReferentOfficer = fields.ReferentOfficer ?? new ContactDto { Name = caller.DisplayName ?? caller.Who, Email = caller.Who },
            Home = await addresses.LocateAsync(fields.Home, ct),
        };

        PersonProfile profile;
        try
        {
            profile = inputs.Person(fields);
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages) problems.Add(new(Where(field), message));
            return (Rejected(), null);
        }
        if (!caller.CanAccessPerson(profile.Departement))
        {
            problems.Add(new(Where("departement"), $"Le SPIP {profile.Departement} n'est pas dans votre périmètre."));
            return (Rejected(), null);
        }

        var precision = geography.PrecisionOf(profile.Home);
        var note = precision == PositionPrecision.Address ? [] : new List<ImportProblem> { new(Where("home.street"), Approximate(precision)) };
        if (existing is null)
        {
            var person = new Person(Guid.NewGuid(), profile, now);
            known[key!] = person;
            return (new ImportLine(row.Line, key, label, ImportOutcomes.Created, note), () => store.Persons.Add(person));
        }
        if (existing.Profile.Equals(profile)) return (new ImportLine(row.Line, key, label, ImportOutcomes.Unchanged, []), null);
        return (new ImportLine(row.Line, key, label, ImportOutcomes.Updated, note), () => existing.Update(profile, now));
    }

    private static string Approximate(PositionPrecision precision) => precision switch
    {
        PositionPrecision.Commune => "Adresse non localisée : domicile placé au centre de la commune (distances approchées).",
        PositionPrecision.Centroid => "Adresse non localisée : domicile placé au centre du territoire de la commune (distances approchées).",
        _ => "Adresse non localisée : domicile placé au centre du département (distances très approchées).",
    };

    private static string? SafeKey(string? caseNumber)
    {
        try
        {
            return CaseNumbers.Normalise(caseNumber);
        }
        catch (DomainRuleException)
        {
            return null;
        }
    }

    private static List<Row> ReadCsv(string text)
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
        var rows = new List<Row>();
        if (!csv.Read()) return rows;
        csv.ReadHeader();
        var headers = (csv.HeaderRecord ?? []).Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var missing = PersonColumns.All.Where(c => c.Required && !headers.Contains(c.Name)).Select(c => c.Name).ToList();
        var unknown = headers.Where(h => h.Length > 0 && PersonColumns.All.All(c => c.Name != h)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            var problems = missing.Select(m => new ImportProblem(m, "Colonne obligatoire absente de l'en-tête.")).Concat(
                unknown.Select(u => new ImportProblem(u, "Colonne inconnue (voir docs/import.md).")));
            throw new ValidationFailedException(problems.GroupBy(p => "file").ToDictionary(g => g.Key, g => g.Select(p => $"{p.Column} : {p.Message}").ToArray()));
        }
        while (csv.Read())
        {
            var values = PersonColumns.All.ToDictionary(c => c.Name, c => csv.TryGetField<string>(c.Name, out var v) ? v : null, StringComparer.Ordinal);
            rows.Add(new Row(csv.Parser.Row, values, null, []));
        }
        return rows;
    }

    private static List<Row> ReadJson(string text)
    {
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException e)
        {
            throw FieldErrors.OneField("file", $"JSON illisible : {e.Message}");
        }
        if (root.ValueKind != JsonValueKind.Array) throw FieldErrors.OneField("file", "JSON attendu : un tableau de personnes, chacune comme l'API les décrit.");
        var rows = new List<Row>();
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            index++;
            try
            {
                rows.Add(new Row(index, null, element.Deserialize<PersonFields>(Json) ?? new PersonFields(), []));
            }
            catch (JsonException e)
            {
                rows.Add(new Row(index, null, new PersonFields(), [new ImportProblem(e.Path?.TrimStart('$', '.'), e.Message)]));
            }
        }
        return rows;
    }
}
