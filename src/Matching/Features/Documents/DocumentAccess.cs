using Microsoft.EntityFrameworkCore;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Documents;

/// <summary>
/// Who reaches which document: a placement's through the placement (<see cref="MatchingScopes.VisiblePlacements"/>) — the host
/// side only the fiche de liaison and the relevé d'heures, which hold no judicial data; a person's and the reports through the
/// person (<see cref="MatchingScopes.VisiblePersons"/>: the SPIP). Issuing a new version: the SPIP.
/// </summary>
internal static class DocumentAccess
{
    public static async Task<(TigPlacement Placement, string Departement)> PlacementAsync(IMatchingStore store, Caller caller, Guid placementId,
        DocumentKind? kind, bool forIssue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (forIssue) DemandSpip(caller);
        if (caller.IsHostSideOnly && kind is { } k && !k.ForHost())
            throw new ForbiddenException("Ce document est adressé à la personne et au juge : il n'est pas communiqué à la structure d'accueil.");
        var placement = await store.VisiblePlacements(caller).AsNoTracking().FirstOrDefaultAsync(p => p.Id == placementId, ct) ?? throw new NotFoundException("Placement");
        var departement = await store.Persons.Where(p => p.Id == placement.PersonId).Select(p => p.Departement).FirstAsync(ct);
        return (placement, departement);
    }

    public static async Task<Person> PersonAsync(IMatchingStore store, Caller caller, Guid personId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        DemandSpip(caller);
        return await store.VisiblePersons(caller).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct) ?? throw new NotFoundException("Personne");
    }

    /// <summary>May the caller read this stored version? Out of scope, it does not exist (404).</summary>
    public static async Task<MeasureDocument> DocumentAsync(IMatchingStore store, Caller caller, Guid documentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var document = await store.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct) ?? throw new NotFoundException("Document");
        var visible = caller.IsHostSideOnly
            ? document.Kind.ForHost() && document.PlacementId is { } pid && await store.VisiblePlacements(caller).AnyAsync(p => p.Id == pid, ct)
            : await store.VisiblePersons(caller).AnyAsync(p => p.Id == document.PersonId, ct);
        return visible ? document : throw new NotFoundException("Document");
    }

    private static void DemandSpip(Caller caller)
    {
        if (!(caller.IsOfficer || caller.IsCoordinator)) throw new ForbiddenException("Les documents de la mesure sont émis par le SPIP.");
    }
}
