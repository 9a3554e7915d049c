using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Imports;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Imports;

/// <summary>
/// The import page's second step: the file previewed by the same account (<see cref="PreviewImport"/>) imported for real,
/// then forgotten. A preview expired, of another account or of another kind is refused on <c>file</c>.
/// </summary>
public sealed class ConfirmImport(IEnumerable<IImporter> importers, ICatalogueStore store, TimeProvider clock) : IUseCase
{
    public async Task<ImportReport> HandleAsync(Caller caller, string kind, Guid previewId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        var pending = await store.PendingImports.FirstOrDefaultAsync(p => p.Id == previewId && p.Kind == kind && p.By == caller.Who && p.ExpiresAt >= now, ct)
            ?? throw FieldErrors.OneField("file", "Cet aperçu n'est plus disponible (il expire au bout de deux heures, et seuls vos trois derniers aperçus sont gardés) : choisissez le fichier à nouveau.");
        var report = await importers.Single(i => i.Kind == kind)
            .HandleAsync(caller, new ImportRequest(pending.FileName, pending.Content, DryRun: false, pending.AllOrNothing), null, ct);
        store.PendingImports.Remove(pending);
        await store.SaveChangesAsync(ct);
        return report;
    }
}
