using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Application;

/// <summary>A case number (numéro de dossier) belongs to one person: the rules shared by creating, editing and importing.</summary>
public static class PersonCaseNumbers
{
    private const string CoDefendantsField = "restrictions.noContactWithCaseNumbers";

    /// <summary>Refuses (400 on <c>caseNumber</c>) a case number already carried by another person than <paramref name="personId"/>.</summary>
    public static async Task EnsureFreeAsync(this IMatchingStore store, string? caseNumber, Guid personId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (caseNumber is null) return;
        if (await store.Persons.AnyAsync(p => p.CaseNumber == caseNumber && p.Id != personId, ct))
            throw FieldErrors.OneField("caseNumber", $"Le numéro de dossier {caseNumber} est déjà celui d'une autre personne.");
    }

    /// <summary>
    /// Turns <see cref="RestrictionsDto.NoContactWithCaseNumbers"/> into person ids, the only form stored: when it is given,
    /// the persons with a case number that <c>noContactWithPersonIds</c> names are exactly those it lists, and the ids of
    /// persons without one are kept (a page or a CSV line shows case numbers, not ids). Any person of any SPIP may be named:
    /// rule 13 knows no département. <paramref name="alsoKnown"/> gives the ids of persons an import is about to create, so a
    /// line may name another line of the same file. A number nobody carries, or the person's own, is refused on the field.
    /// </summary>
    public static async Task<PersonFields> NameCoDefendantsAsync(this IMatchingStore store, PersonFields fields,
        IReadOnlyDictionary<string, Guid>? alsoKnown, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Restrictions is not { NoContactWithCaseNumbers: { } numbers } restrictions) return fields;

        var errors = new FieldErrors();
        var wanted = new List<string>();
        foreach (var number in numbers)
        {
            var kept = CaseNumbers.TryNormalise(number);
            if (kept is null)
            {
                if (!string.IsNullOrWhiteSpace(number)) errors.Add(CoDefendantsField, $"Numéro de dossier invalide : « {number} ».");
                continue;
            }
            if (kept == CaseNumbers.TryNormalise(fields.CaseNumber)) errors.Add(CoDefendantsField, $"Le dossier {kept} est celui de la personne elle-même.");
            else if (!wanted.Contains(kept)) wanted.Add(kept);
        }
        var listed = restrictions.NoContactWithPersonIds ?? [];
        var carried = await store.Persons.Where(p => p.CaseNumber != null && (wanted.Contains(p.CaseNumber) || listed.Contains(p.Id)))
            .Select(p => new { p.Id, p.CaseNumber }).ToListAsync(ct);
        var byNumber = carried.ToDictionary(p => p.CaseNumber!, p => p.Id);
        var ids = new List<Guid>();
        foreach (var number in wanted)
        {
            if (byNumber.TryGetValue(number, out var id) || alsoKnown?.TryGetValue(number, out id) == true) ids.Add(id);
            else errors.Add(CoDefendantsField, $"Aucune personne n'a le numéro de dossier {number}.");
        }
        errors.ThrowIfAny();
        var named = carried.Select(p => p.Id).ToHashSet();
        var withoutNumber = listed.Where(id => !named.Contains(id) && alsoKnown?.Values.Contains(id) != true);
        return fields with { Restrictions = restrictions with { NoContactWithPersonIds = [.. withoutNumber.Concat(ids).Distinct()], NoContactWithCaseNumbers = null } };
    }

    /// <summary>
    /// The person as answered, with <see cref="PersonResponse.NoContactCaseNumbers"/>: the case numbers of the persons listed
    /// that carry one.
    /// </summary>
    public static async Task<PersonResponse> ResponseAsync(this IMatchingStore store, Person person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(person);
        var response = person.Adapt<PersonResponse>(MatchingMappings.Config);
        var ids = person.Profile.Restrictions.NoContactWithPersonIds;
        if (ids.Count == 0) return response;
        var numbers = await store.Persons.Where(p => ids.Contains(p.Id) && p.CaseNumber != null).Select(p => p.CaseNumber!).ToListAsync(ct);
        return response with { NoContactCaseNumbers = [.. numbers.Order(StringComparer.Ordinal)] };
    }
}
