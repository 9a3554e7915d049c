using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Persons;

/// <summary>
/// A case number (numéro de dossier) belongs to one person of a SPIP, and a person names their co-defendants among the persons
/// their officer may name: the rules shared by creating, editing and importing (API, the person page, CSV and JSON).
/// Nothing here tells a caller anything of a person outside their scope (issue 25, item 8): a number carried in another SPIP
/// is free in theirs, and another SPIP's person is named as a co-defendant only by <c>LinkCoDefendant</c>, a deliberate act.
/// </summary>
public static class PersonCaseNumbers
{
    public const string CoDefendantIdsField = "restrictions.noContactWithPersonIds";
    public const string CoDefendantsField = "restrictions.noContactWithCaseNumbers";

    /// <summary>
    /// Refuses (400 on <c>caseNumber</c>) a case number already carried by another person than <paramref name="personId"/> in
    /// the profile's SPIP. Only that SPIP is looked at: called once the caller's scope on the profile's département is checked,
    /// the person it names is one the caller sees. A case number is the key of one SPIP's imports, unique within it.
    /// </summary>
    public static async Task EnsureFreeAsync(this IMatchingStore store, PersonProfile profile, Guid personId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.CaseNumber is not { } caseNumber) return;
        if (await store.Persons.AnyAsync(p => p.CaseNumber == caseNumber && p.Departement == profile.Departement && p.Id != personId, ct))
            throw FieldErrors.OneField("caseNumber", $"Le numéro de dossier {caseNumber} est déjà celui d'une autre personne du SPIP {profile.Departement}.");
    }

    /// <summary>The answer to a co-defendant the caller may not name: the same whether nobody has that id or number, or someone out of their scope has.</summary>
    public static string NoSuchNumber(string number) =>
        $"Aucune personne de votre périmètre n'a le numéro de dossier {number}. Un co-auteur ou une victime suivi·e par un autre SPIP se lie depuis la fiche de la personne (« Lier un co-auteur d'un autre SPIP »).";

    private static string NoSuchId(Guid id) => $"Aucune personne de votre périmètre n'a l'identifiant {id}.";

    /// <summary>
    /// Checks the co-defendants a write names, and turns <see cref="RestrictionsDto.NoContactWithCaseNumbers"/> into person ids,
    /// the only form stored. A person may be named when the caller sees them, when the person's file already names them
    /// (<paramref name="linked"/>: so a file read and sent back, or a page saved, keeps a co-defendant of another SPIP linked by
    /// <c>LinkCoDefendant</c>), or, in an import, when a line of the same file creates them (<paramref name="alsoKnown"/>, by
    /// case number). Anyone else — nobody, or a person of another SPIP — is refused on the field with the same words.
    /// <para>When case numbers are given, the persons with a case number that <c>noContactWithPersonIds</c> names are exactly
    /// those the numbers name, and the ids of persons without one are kept (a page or a CSV line shows case numbers, not ids).
    /// A number names the persons already named that carry it; otherwise the persons of the caller's scope that carry it (those
    /// of the person's own SPIP when there are some: numbers are unique within a SPIP, not across); otherwise a line of the file.
    /// The person's own number is refused.</para>
    /// </summary>
    public static async Task<PersonFields> NameCoDefendantsAsync(this IMatchingStore store, Caller caller, PersonFields fields,
        IReadOnlyCollection<Guid> linked, IReadOnlyDictionary<string, Guid>? alsoKnown, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(linked);
        if (fields.Restrictions is not { } restrictions) return fields;
        var listed = restrictions.NoContactWithPersonIds ?? [];
        var numbers = restrictions.NoContactWithCaseNumbers;
        if (listed.Count == 0 && numbers is null) return fields;

        var errors = new FieldErrors();
        var created = alsoKnown?.Values.ToHashSet() ?? [];
        var unnamed = listed.Where(id => !linked.Contains(id) && !created.Contains(id)).Distinct().ToList();
        var seen = unnamed.Count == 0 ? [] : await store.VisiblePersons(caller).Where(p => unnamed.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        foreach (var id in unnamed.Where(id => !seen.Contains(id))) errors.Add(CoDefendantIdsField, NoSuchId(id));
        if (numbers is null)
        {
            errors.ThrowIfAny();
            return fields;
        }

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
        // Only the persons the caller may name: a refused id must not name a number either (the answer would differ).
        var already = listed.Where(id => linked.Contains(id) || created.Contains(id) || seen.Contains(id)).Concat(linked).Distinct().ToList();
        var named = await store.Persons.Where(p => p.CaseNumber != null && already.Contains(p.Id))
            .Select(p => new { p.Id, p.CaseNumber, p.Departement }).ToListAsync(ct);
        var carriers = wanted.Count == 0 ? [] : await store.VisiblePersons(caller).Where(p => p.CaseNumber != null && wanted.Contains(p.CaseNumber))
            .Select(p => new { p.Id, p.CaseNumber, p.Departement }).ToListAsync(ct);
        var departement = fields.Departement?.Trim().ToUpperInvariant();
        var ids = new List<Guid>();
        foreach (var number in wanted)
        {
            var mine = named.Where(p => p.CaseNumber == number).ToList();
            if (mine.Count == 0)
            {
                var carrying = carriers.Where(p => p.CaseNumber == number).ToList();
                mine = carrying.Any(p => p.Departement == departement) ? [.. carrying.Where(p => p.Departement == departement)] : carrying;
            }
            if (mine.Count > 0) ids.AddRange(mine.Select(p => p.Id));
            else if (alsoKnown?.TryGetValue(number, out var id) == true) ids.Add(id);
            else errors.Add(CoDefendantsField, NoSuchNumber(number));
        }
        errors.ThrowIfAny();
        var withNumber = named.Select(p => p.Id).ToHashSet();
        var withoutNumber = listed.Where(id => !withNumber.Contains(id) && !created.Contains(id));
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
        return response with { NoContactCaseNumbers = [.. numbers.Distinct().Order(StringComparer.Ordinal)] };
    }
}
