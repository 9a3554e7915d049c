using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Imports;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Persons;

namespace Placement.Matching.Features.Imports;

/// <summary>
/// Imports persons from the case-management application's export (issue 16): CSV with the French columns of
/// <see cref="PersonColumns"/>, or JSON in the API's shape. Each line is found again by its case number (created, updated,
/// unchanged) among the persons of the caller's SPIPs — a number carried only in another SPIP is an unused one here, the case
/// number being unique within a SPIP (issue 25, item 8) — or rejected with its reasons on their columns; a line out of the
/// caller's SPIPs is rejected, and nothing of another SPIP is read or written. Addresses are geocoded (street when it can, the commune otherwise). A dry run writes nothing; otherwise the
/// valid lines are written in one transaction — none when all-or-nothing is asked and a line is rejected. Every import is
/// recorded.
/// </summary>
public sealed class ImportPersons(IMatchingStore store, MatchingInputs inputs, CatalogueInputs addresses, FranceGeography geography, TimeProvider clock)
    : IUseCase, IImporter
{
    public string Kind => ImportKinds.Persons;

    public IReadOnlyList<ImportColumn> Columns => PersonColumns.All;

    public bool Allows(Caller caller) => caller is { IsOfficer: true } or { IsCoordinator: true };

    public async Task<ImportReport> HandleAsync(Caller caller, ImportRequest request, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!Allows(caller)) throw new ForbiddenException("L'import des personnes est réservé aux agents et aux coordinateurs.");
        var (format, rows) = ImportFile.Read<PersonFields>(request, PersonColumns.All, "un tableau de personnes, chacune comme l'API les décrit");

        var keys = rows.Select(r => CaseNumbers.TryNormalise(CaseNumberOf(r))).OfType<string>().Distinct().ToList();
        var known = (await store.VisiblePersons(caller).Where(p => p.CaseNumber != null && keys.Contains(p.CaseNumber)).ToListAsync(ct))
            .GroupBy(p => p.CaseNumber!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        // The ids of the persons the file creates, known before any line is read: a line may name a co-defendant further down.
        var created = keys.Where(k => !known.ContainsKey(k)).ToDictionary(k => k, _ => Guid.NewGuid(), StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return await ImportRun.RunAsync(store, caller, Kind, request, format, rows, row => ReadLineAsync(caller, row, known, created, seen, now, ct), progress, now, ct);
    }

    private static string? CaseNumberOf(ImportRow<PersonFields> row) => row.Csv ? row.Value("numero_dossier") : row.Fields?.CaseNumber;

    private static string? DepartementOf(ImportRow<PersonFields> row) => (row.Csv ? row.Value("spip") : row.Fields?.Departement)?.Trim().ToUpperInvariant();

    /// <summary>
    /// The person of the caller's scope a line is about: the one carrying its case number in the line's SPIP, else the only one
    /// carrying it (the line moves them to its SPIP); none when nobody in scope carries it. Several, none in the line's SPIP:
    /// the line does not say which (only possible for a caller of several SPIPs, who sees them all).
    /// </summary>
    private static Person? Existing(List<Person>? carriers, string? departement, out bool ambiguous)
    {
        ambiguous = false;
        if (carriers is null or { Count: 0 }) return null;
        if (carriers.FirstOrDefault(p => p.Departement == departement) is { } here) return here;
        if (carriers.Count == 1) return carriers[0];
        ambiguous = true;
        return null;
    }

    /// <summary>One line: its outcome, and the write it stands for.</summary>
    private async Task<ImportStep> ReadLineAsync(Caller caller, ImportRow<PersonFields> row, Dictionary<string, List<Person>> known,
        Dictionary<string, Guid> created, Dictionary<string, int> seen,
        DateTimeOffset now, CancellationToken ct)
    {
        var problems = row.Problems;
        string? label = null;
        ImportStep Rejected() => ImportStep.Rejected(row.Line, CaseNumberOf(row), label, problems);
        string? Where(string field) => row.Csv ? PersonColumns.ColumnOf(field) : field;

        string? key;
        try
        {
            key = CaseNumbers.Normalise(CaseNumberOf(row));
        }
        catch (DomainRuleException e)
        {
            problems.Add(new(Where("caseNumber"), e.Message));
            return Rejected();
        }
        if (key is null)
        {
            if (!problems.Any(p => p.Column == Where("caseNumber")))
                problems.Add(new(Where("caseNumber"), "Le numéro de dossier est obligatoire : il retrouve la personne d'un import à l'autre."));
        }
        else if (seen.TryGetValue(key, out var first)) problems.Add(new(Where("caseNumber"), $"Numéro de dossier déjà présent ligne {first}."));
        else seen[key] = row.Line;

        known.TryGetValue(key ?? "", out var carriers);
        var existing = Existing(carriers, DepartementOf(row), out var ambiguous);
        if (ambiguous)
        {
            problems.Add(new(Where("departement"), $"Le numéro de dossier {key} est celui de personnes de plusieurs SPIP de votre périmètre ({string.Join(", ", carriers!.Select(p => p.Departement).Order(StringComparer.Ordinal))}) : indiquez le SPIP de l'une d'elles."));
            return Rejected();
        }
        // A CSV line says nothing of what only the JSON carries (suspensions, zones, excluded host bodies) nor, left blank, of the
        // co-defendants, the hours signed and the referent: those are kept from the file already known.
        var fields = row.Fields ?? PersonColumns.Read(row.Value, problems, existing?.Profile.Adapt<PersonFields>(MatchingMappings.Config));
        label = $"{fields.FirstName} {fields.LastName}".Trim();
        fields = fields with
        {
            CaseNumber = key,
            ReferentOfficer = fields.ReferentOfficer ?? new ContactDto { Name = caller.DisplayName ?? caller.Who, Email = caller.Who },
            Home = await addresses.LocateAsync(fields.Home, ct),
        };

        // Every problem of the line at once: what could not be read, the co-defendants named, what the contract refuses, the scope.
        try
        {
            fields = await store.NameCoDefendantsAsync(caller, fields, existing?.Profile.Restrictions.NoContactWithPersonIds ?? [], created, ct);
        }
        catch (ValidationFailedException e)
        {
            ImportRun.Name(problems, e, Where);
            fields = fields with { Restrictions = fields.Restrictions! with { NoContactWithCaseNumbers = null } };
        }
        PersonProfile? profile = null;
        try
        {
            profile = inputs.Person(fields);
        }
        catch (ValidationFailedException e)
        {
            ImportRun.Name(problems, e, Where);
        }
        if (profile is not null && !caller.CanAccessPerson(profile.Departement))
            problems.Add(new(Where("departement"), $"Le SPIP {profile.Departement} n'est pas dans votre périmètre."));
        if (profile is null || problems.Count > 0) return Rejected();

        var note = ImportRun.Position(Where("home.street"), geography.PrecisionOf(profile.Home), "domicile placé");
        if (existing is null)
        {
            var person = new Person(created.TryGetValue(key!, out var id) ? id : Guid.NewGuid(), profile, now);
            known[key!] = [person];
            return new(new ImportLine(row.Line, key, label, ImportOutcomes.Created, note), () => store.Persons.Add(person));
        }
        if (existing.Profile.Equals(profile)) return new(new ImportLine(row.Line, key, label, ImportOutcomes.Unchanged, []), null);
        return new(new ImportLine(row.Line, key, label, ImportOutcomes.Updated, note), () => existing.Update(profile, now));
    }
}
