using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Audit;

namespace Placement.Matching.Features.Persons;

/// <summary>One person of the caller's scope; any other does not exist for them.</summary>
public sealed class GetPerson(IMatchingStore store, PersonAudit audit) : IUseCase
{
    public async Task<PersonResponse> HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var person = await FindAsync(store, caller, id, ct);
        await audit.ReadAsync(caller, "Fiche de la personne", id, ct);
        return await store.ResponseAsync(person, ct);
    }

    /// <summary>The person, read-only, or <see cref="NotFoundException"/> (absent or out of scope: the same answer).</summary>
    internal static async Task<Person> FindAsync(IMatchingStore store, Caller caller, Guid id, CancellationToken ct) =>
        await store.VisiblePersons(caller).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Personne");
}
