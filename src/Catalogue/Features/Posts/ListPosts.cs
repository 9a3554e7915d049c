using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Posts;

public sealed record ListPostsQuery(string? Departement, string? Status, Guid? HostBodyId, int? Page, int? PageSize);

/// <summary>Posts by département and status, paged; a partner sees its own only.</summary>
public sealed class ListPosts(ICatalogueStore store) : IUseCase
{
    public async Task<PagedResult<PostResponse>> HandleAsync(Caller caller, ListPostsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var paging = Paging.From(query.Page, query.PageSize);
        var errors = new FieldErrors();
        var status = string.IsNullOrWhiteSpace(query.Status) ? null : errors.TryValue("status", () => EnumNames.Parse<PostStatus>(query.Status, ""));
        errors.ThrowIfAny();
        var posts = store.VisiblePosts(caller).AsNoTracking();
        if (query.HostBodyId is { } hostBodyId) posts = posts.Where(x => x.HostBodyId == hostBodyId);
        if (!string.IsNullOrWhiteSpace(query.Departement))
        {
            var departement = query.Departement.Trim().ToUpperInvariant();
            posts = posts.Where(x => x.Departement == departement);
        }
        if (status is { } s) posts = posts.Where(x => x.Status == s);
        var total = await posts.CountAsync(ct);
        var items = await posts.OrderBy(x => x.Departement).ThenBy(x => x.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedResult<PostResponse>(items.Adapt<List<PostResponse>>(CatalogueMappings.Config), total, paging.Page, paging.PageSize);
    }
}
