using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Persistence;
using Placement.Catalogue.Features.Posts;
using Placement.Matching.Features.Audit;

namespace Placement.Matching.Features.Persons;

public sealed record ListPersonsQuery(int? Page, int? PageSize);

/// <summary>The persons of the caller's départements, by name, paged.</summary>
public sealed class ListPersons(IMatchingStore store, PersonAudit audit) : IUseCase
{
    public async Task<PagedResult<PersonResponse>> HandleAsync(Caller caller, ListPersonsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var paging = Paging.From(query.Page, query.PageSize);
        var persons = store.VisiblePersons(caller).AsNoTracking();
        var total = await persons.CountAsync(ct);
        var items = await persons.OrderBy(x => x.LastName).ThenBy(x => x.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        await audit.ReadAsync(caller, $"Liste des personnes (page {paging.Page})", [.. items.Select(p => p.Id)], ct);
        return new PagedResult<PersonResponse>(items.Adapt<List<PersonResponse>>(MatchingMappings.Config), total, paging.Page, paging.PageSize);
    }
}
