using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Kernel.Notifications;
using Placement.Matching.Persistence;
using Placement.Catalogue.Features.Accounts;

namespace Placement.Matching.Features.Persons;

/// <summary>An officer who may follow a person: an account of the person's SPIP.</summary>
public sealed record ReferentCandidate(string AccountId, string Name, string Email, bool Current);

public sealed record ReferentRequest
{
    public string? AccountId { get; init; }
}

/// <summary>
/// The person's referent officer, picked among the officers of their SPIP (issue 14): the contact on the file becomes that
/// account's name and address, so that officer messages about the person reach that account. The candidates: the officers'
/// accounts, not locked, whose départements include the person's.
/// </summary>
public sealed class PersonReferent(IMatchingStore store, IUserAccounts accounts, TimeProvider clock) : IUseCase
{
    public async Task<IReadOnlyList<ReferentCandidate>> CandidatesAsync(Caller caller, Guid personId, CancellationToken ct)
    {
        var person = await FindAsync(caller, personId, tracked: false, ct);
        var current = person.Profile.ReferentOfficer.Email is { } e ? NotificationAddress.Of(e) : null;
        return [.. (await OfficersAsync(person.Departement, ct))
            .Select(a => new ReferentCandidate(a.Id, a.DisplayName, a.Email, NotificationAddress.Of(a.Email) == current))];
    }

    public async Task<PersonResponse> ChooseAsync(Caller caller, Guid personId, ReferentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var person = await FindAsync(caller, personId, tracked: true, ct);
        if (string.IsNullOrWhiteSpace(request.AccountId)) throw FieldErrors.OneField("accountId", "Choisissez l'agent référent.");
        var officer = (await OfficersAsync(person.Departement, ct)).FirstOrDefault(a => a.Id == request.AccountId)
            ?? throw FieldErrors.OneField("accountId", $"Ce compte n'est pas celui d'un agent du SPIP {person.Departement}.");
        var keepPhone = string.Equals(person.Profile.ReferentOfficer.Email, officer.Email, StringComparison.OrdinalIgnoreCase) ? person.Profile.ReferentOfficer.Phone : null;
        person.Update(person.Profile.WithReferent(new Contact(officer.DisplayName, officer.Email, keepPhone, "referentOfficer")), clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return await store.ResponseAsync(person, ct);
    }

    private async Task<Domain.Person> FindAsync(Caller caller, Guid personId, bool tracked, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var persons = store.VisiblePersons(caller);
        if (!tracked) persons = persons.AsNoTracking();
        return await persons.FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new NotFoundException("Personne");
    }

    private async Task<IEnumerable<UserAccount>> OfficersAsync(string departement, CancellationToken ct) =>
        (await accounts.ListAsync(ct)).Where(a => a.Role == "officer" && !a.Locked && !a.AwaitingApproval && a.Departements.Contains(departement))
            .OrderBy(a => a.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true));
}
