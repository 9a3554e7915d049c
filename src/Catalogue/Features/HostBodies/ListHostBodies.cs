using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Features.Posts;

namespace Placement.Catalogue.Features.HostBodies;

/// <summary>Host bodies of a département (or all), whose name contains <see cref="Q"/>, a page.</summary>
public sealed record ListHostBodiesQuery(string? Departement, int? Page, int? PageSize, string? Q = null);

/// <summary>Host bodies by département, by name; a partner sees its own only.</summary>
public sealed class ListHostBodies(ICatalogueStore store) : IUseCase
{
    public async Task<PagedResult<HostBodyResponse>> HandleAsync(Caller caller, ListHostBodiesQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var paging = Paging.From(query.Page, query.PageSize);
        var hostBodies = store.VisibleHostBodies(caller).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Departement))
        {
            var departement = query.Departement.Trim().ToUpperInvariant();
            hostBodies = hostBodies.Where(h => h.Departement == departement);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            // Lower-cased on both sides: case-insensitive on SQLite and PostgreSQL alike.
            var words = query.Q.Trim().ToLowerInvariant();
            hostBodies = hostBodies.Where(h => h.Name.ToLower().Contains(words));
        }
        var total = await hostBodies.CountAsync(ct);
        var items = await hostBodies.OrderBy(h => h.Name).ThenBy(h => h.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedResult<HostBodyResponse>(items.Adapt<List<HostBodyResponse>>(CatalogueMappings.Config), total, paging.Page, paging.PageSize);
    }

    /// <summary>Every host body the caller sees, by département then name, as a choice in a form (id, name, département).</summary>
    public async Task<IReadOnlyList<HostBodyChoice>> ChoicesAsync(Caller caller, CancellationToken ct)
    {
        var rows = await store.VisibleHostBodies(caller).AsNoTracking().Select(h => new HostBodyChoice(h.Id, h.Name, h.Departement)).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Departement, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))];
    }
}

/// <summary>A host body as a form offers it.</summary>
public sealed record HostBodyChoice(Guid Id, string Name, string Departement);
