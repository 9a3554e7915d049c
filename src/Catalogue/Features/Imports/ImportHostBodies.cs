using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Imports;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Features.HostBodies;

namespace Placement.Catalogue.Features.Imports;

/// <summary>
/// Imports host bodies (issue 16): CSV with the French columns of <see cref="HostBodyColumns"/>, or JSON in the API's
/// shape. Coordinators (their départements) and administrators, as <see cref="HostBodies.CreateHostBody"/>. Each line is
/// found again by its SIRET (created, updated, unchanged) or rejected with its reasons on their columns; a host body of
/// another département than the caller's is neither read nor written. Addresses are geocoded; the position's precision
/// is said on the line.
/// </summary>
public sealed class ImportHostBodies(ICatalogueStore store, CatalogueInputs inputs, FranceGeography geography, TimeProvider clock) : IUseCase, IImporter
{
    public string Kind => ImportKinds.HostBodies;

    public IReadOnlyList<ImportColumn> Columns => HostBodyColumns.All;

    public bool Allows(Caller caller) => caller is { IsAdmin: true } or { IsCoordinator: true };

    public async Task<ImportReport> HandleAsync(Caller caller, ImportRequest request, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!Allows(caller)) throw new ForbiddenException("L'import des structures d'accueil est réservé aux coordinateurs et aux administrateurs.");
        var (format, rows) = ImportFile.Read<HostBodyFields>(request, HostBodyColumns.All, "un tableau de structures d'accueil, chacune comme l'API les décrit");
        var sirets = rows.Select(r => SiretOf(r)).OfType<string>().Distinct().ToList();
        var known = (await store.HostBodies.Where(h => sirets.Contains(h.Siret)).ToListAsync(ct)).ToLookup(h => h.Siret, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return await ImportRun.RunAsync(store, caller, Kind, request, format, rows, async row =>
        {
            var problems = row.Problems;
            string? Where(string field) => row.Csv ? HostBodyColumns.ColumnOf(field) : field;
            var text = row.Csv ? row.Value("siret") : row.Fields?.Siret;
            var label = row.Csv ? row.Value("nom") : row.Fields?.Name;
            ImportStep Rejected() => ImportStep.Rejected(row.Line, text, label, problems);
            string siret;
            try
            {
                siret = new Siret(text).Value;
            }
            catch (DomainRuleException e)
            {
                if (!problems.Any(p => p.Column == Where("siret"))) problems.Add(new(Where("siret"), e.Message));
                return Rejected();
            }
            if (seen.TryGetValue(siret, out var first)) problems.Add(new(Where("siret"), $"SIRET déjà présent ligne {first}."));
            else seen[siret] = row.Line;
            var matches = known[siret].ToList();
            if (matches.Count > 1)
            {
                problems.Add(new(Where("siret"), $"{matches.Count} structures portent ce SIRET : modifiez-les une à une."));
                return Rejected();
            }
            var existing = matches.SingleOrDefault();
            if (existing is not null && !caller.CanValidate(existing.Departement))
            {
                problems.Add(new(Where("siret"), "Cette structure est dans un département hors de votre périmètre."));
                return Rejected();
            }
            var fields = row.Fields ?? HostBodyColumns.Read(row.Value, problems, existing?.Details.Adapt<HostBodyFields>(CatalogueMappings.Config));
            label = fields.Name ?? label;
            // Every problem of the line at once: what could not be read, then what the contract refuses, then the scope.
            HostBodyDetails? details = null;
            try
            {
                details = await inputs.HostBodyAsync(fields, ct);
            }
            catch (ValidationFailedException e)
            {
                ImportRun.Name(problems, e, Where);
            }
            if (details is not null && !caller.CanValidate(details.Address.Departement))
                problems.Add(new(Where("address.communeInsee"), $"Le département {details.Address.Departement} n'est pas dans votre périmètre."));
            if (details is null || problems.Count > 0) return Rejected();
            var note = ImportRun.Position(Where("address.street"), geography.PrecisionOf(details.Address), "structure placée");
            if (existing is null)
            {
                var hostBody = new HostBody(Guid.NewGuid(), details, now);
                return new(new ImportLine(row.Line, siret, details.Name, ImportOutcomes.Created, note), () => store.HostBodies.Add(hostBody));
            }
            if (existing.Details.Equals(details)) return new(new ImportLine(row.Line, siret, details.Name, ImportOutcomes.Unchanged, []), null);
            return new(new ImportLine(row.Line, siret, details.Name, ImportOutcomes.Updated, note), () => existing.Update(details, now));
        }, progress, now, ct);
    }

    /// <summary>The line's SIRET as stored (spaces removed), or null when it is absent or invalid.</summary>
    private static string? SiretOf(ImportRow<HostBodyFields> row) => Siret.TryCreate(row.Csv ? row.Value("siret") : row.Fields?.Siret)?.Value;
}
