using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Audit;

namespace Placement.Matching.Features.Persons;

/// <summary>
/// Links a co-defendant or victim to a person of the caller's scope — the one way to name a person another SPIP follows
/// (issue 25, item 8): a deliberate act, where the officer gives what they hold from the judgment, the other person's case
/// number <b>and</b> birth date, which must both match. A miss is one answer, whatever missed (no such number, another birth
/// date, the person themself): nothing tells whether the number exists. Every attempt is in the audit trail, in the save it
/// belongs to: a link names both persons, a miss the person alone. The link is then one id more in the person's no-contact
/// list, as any other: rule 13 binds both ways whatever the départements (<c>NoContactRows</c>, <c>CoDefendantPlacements</c>),
/// and editing the person keeps it (<see cref="PersonCaseNumbers.NameCoDefendantsAsync"/>).
/// </summary>
public sealed class LinkCoDefendant(IMatchingStore store, TimeProvider clock) : IUseCase
{
    /// <summary>What the audit line of a link says.</summary>
    public const string Linked = "Lien avec un co-auteur ou une victime (numéro de dossier et date de naissance)";

    /// <summary>What the audit line of a miss says.</summary>
    public const string Missed = "Recherche d'un co-auteur ou d'une victime (numéro de dossier et date de naissance) sans résultat";

    /// <summary>The one answer to every miss.</summary>
    public const string NoMatch = "Aucune personne ne correspond à ce numéro de dossier et à cette date de naissance : vérifiez-les sur le jugement.";

    public async Task<PersonResponse> HandleAsync(Caller caller, Guid personId, CoDefendantLinkRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var person = await store.VisiblePersons(caller).FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new NotFoundException("Personne");
        var errors = new FieldErrors();
        var number = errors.Try("", () => CaseNumbers.Normalise(request.CaseNumber));
        if (number is null && !errors.Any) errors.Add("caseNumber", "Ce champ est obligatoire.");
        if (request.BirthDate is null) errors.Add("birthDate", "Ce champ est obligatoire.");
        errors.ThrowIfAny();

        // Numbers are unique within a SPIP: at most one carrier a département, read whole to compare the birth date of each.
        var carriers = await store.Persons.AsNoTracking().Where(p => p.CaseNumber == number && p.Id != person.Id).ToListAsync(ct);
        var matches = carriers.Where(p => p.Profile.BirthDate == request.BirthDate).Select(p => p.Id).ToList();
        var now = clock.GetUtcNow();
        if (matches.Count == 0)
        {
            Record(caller, now, AuditActions.Read, Missed, [person.Id]);
            await store.SaveChangesAsync(ct);
            throw FieldErrors.OneField("caseNumber", NoMatch);
        }
        person.Update(person.Profile.WithRestrictions(person.Profile.Restrictions.WithNoContact(matches)), now);
        Record(caller, now, AuditActions.Update, Linked, [person.Id, .. matches]);
        await store.SaveChangesAsync(ct);
        return await store.ResponseAsync(person, ct);
    }

    private void Record(Caller caller, DateTimeOffset now, string action, string what, IReadOnlyCollection<Guid> persons)
    {
        if (!caller.IsSystem) store.AuditTrail.Add(AuditEntry.Of(caller, now, action, what, persons));
    }
}
