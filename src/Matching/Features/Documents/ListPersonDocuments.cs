using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Documents;

/// <summary>Every version of every document of a person — their placements' and the reports to the judge —, the newest first.</summary>
public sealed class ListPersonDocuments(IMatchingStore store) : IUseCase
{
    public async Task<IReadOnlyList<DocumentResponse>> HandleAsync(Caller caller, Guid personId, CancellationToken ct)
    {
        var person = await DocumentAccess.PersonAsync(store, caller, personId, ct);
        return await store.Documents.Where(d => d.PersonId == person.Id).ListAsync(ct);
    }
}
