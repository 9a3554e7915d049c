using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Persons;

/// <summary>Edits a person's placement file; the person stays in the caller's départements.</summary>
public sealed class UpdatePerson(IMatchingStore store, MatchingInputs inputs, TimeProvider clock) : IUseCase
{
    public async Task<PersonResponse> HandleAsync(Caller caller, Guid id, PersonFields input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var person = await store.VisiblePersons(caller).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Personne");
        var profile = inputs.Person(await store.NameCoDefendantsAsync(caller, input, person.Profile.Restrictions.NoContactWithPersonIds, null, ct));
        if (!caller.CanAccessPerson(profile.Departement)) throw new ForbiddenException($"Le SPIP {profile.Departement} n'est pas dans votre périmètre.");
        await store.EnsureFreeAsync(profile, person.Id, ct);
        person.Update(profile, clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return await store.ResponseAsync(person, ct);
    }
}
