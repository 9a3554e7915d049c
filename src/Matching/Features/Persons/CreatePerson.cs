using Mapster;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Persons;

/// <summary>Records a person sentenced to a TIG, in a département of the caller's.</summary>
public sealed class CreatePerson(IMatchingStore store, MatchingInputs inputs, TimeProvider clock) : IUseCase
{
    public async Task<PersonResponse> HandleAsync(Caller caller, PersonFields input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var profile = inputs.Person(await store.NameCoDefendantsAsync(caller, input, [], null, ct));
        if (!caller.CanAccessPerson(profile.Departement)) throw new ForbiddenException($"Le SPIP {profile.Departement} n'est pas dans votre périmètre.");
        var person = new Person(Guid.NewGuid(), profile, clock.GetUtcNow());
        await store.EnsureFreeAsync(profile, person.Id, ct);
        store.Persons.Add(person);
        await store.SaveChangesAsync(ct);
        return await store.ResponseAsync(person, ct);
    }
}
