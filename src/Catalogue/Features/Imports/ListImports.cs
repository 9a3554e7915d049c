using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Imports;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Features.Posts;

namespace Placement.Catalogue.Features.Imports;

/// <summary>An import as it was recorded: who, when, which file, how, and what it did.</summary>
public sealed record ImportRecordResponse(Guid Id, string Kind, string FileName, string By, DateTimeOffset At, bool DryRun, bool AllOrNothing, bool Applied,
    int Created, int Updated, int Unchanged, int Rejected);

/// <summary><c>kind</c>: <c>persons</c>, <c>host-bodies</c> or <c>posts</c> (all when absent).</summary>
public sealed record ListImportsQuery(string? Kind, int? Page, int? PageSize);

/// <summary>
/// The imports recorded, newest first: one's own (whoever may import), every one for administrators. Never the files'
/// content — the record holds none.
/// </summary>
public sealed class ListImports(ICatalogueStore store) : IUseCase
{
    public async Task<PagedResult<ImportRecordResponse>> HandleAsync(Caller caller, ListImportsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Kind is { } k && !ImportKinds.All.Contains(k)) throw FieldErrors.OneField("kind", $"Type d'import inconnu « {k} » : {string.Join(", ", ImportKinds.All)}.");
        var paging = Paging.From(query.Page, query.PageSize);
        var records = store.Imports.AsNoTracking();
        if (!caller.IsAdmin) records = records.Where(r => r.By == caller.Who);
        if (query.Kind is { } kind) records = records.Where(r => r.Kind == kind);
        var total = await records.CountAsync(ct);
        var items = await records.OrderByDescending(r => r.At).ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PagedResult<ImportRecordResponse>([.. items.Select(r => new ImportRecordResponse(r.Id, r.Kind, r.FileName, r.By, r.At, r.DryRun,
            r.AllOrNothing, r.Applied, r.Created, r.Updated, r.Unchanged, r.Rejected))], total, paging.Page, paging.PageSize);
    }
}
