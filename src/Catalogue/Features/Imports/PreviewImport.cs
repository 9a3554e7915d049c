using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Imports;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Imports;

/// <summary>
/// The import page's first step: the kind's dry run, and the file kept (<see cref="PendingImport"/>) when there is
/// something to import, for <see cref="ConfirmImport"/>. Files kept past their lifetime are deleted on the way, and the
/// account's oldest previews beyond <see cref="PendingImport.KeptPerAccount"/>.
/// </summary>
public sealed class PreviewImport(IEnumerable<IImporter> importers, ICatalogueStore store, TimeProvider clock) : IUseCase
{
    public async Task<ImportReport> HandleAsync(Caller caller, string kind, ImportRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var importer = importers.Single(i => i.Kind == kind);
        var report = await importer.HandleAsync(caller, request with { DryRun = true }, null, ct);
        var now = clock.GetUtcNow();
        await store.PendingImports.Where(p => p.ExpiresAt < now).ExecuteDeleteAsync(ct);
        if (report.Created + report.Updated > 0)
        {
            var replaced = await store.PendingImports.Where(p => p.By == caller.Who).OrderByDescending(p => p.ExpiresAt)
                .Skip(PendingImport.KeptPerAccount - 1).Select(p => p.Id).ToListAsync(ct);
            if (replaced.Count > 0) await store.PendingImports.Where(p => replaced.Contains(p.Id)).ExecuteDeleteAsync(ct);
            store.PendingImports.Add(new PendingImport(report.Id, kind, request.FileName, caller.Who, request.AllOrNothing, request.Content, now));
            await store.SaveChangesAsync(ct);
        }
        return report;
    }
}
