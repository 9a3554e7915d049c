using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Geography;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Documents;

/// <summary>
/// Issues and keeps the documents of a measure: each composed by <see cref="DocumentComposer"/> under its SPIP's letterhead,
/// numbered per SPIP and year at its first version (« 069-2026-00012 »), every later version under the same number, stored
/// with its SHA-256 and an audit line. Downloads are audited too (<see cref="RecordDownloadAsync"/>).
/// </summary>
public sealed class DocumentArchive(IMatchingStore store, DocumentComposer composer, FranceGeography geography, ServiceCalendar calendar)
{
    /// <summary>How many times a new number is tried when another node took the same one at the same time.</summary>
    private const int NumberAttempts = 4;

    /// <summary>The SPIP's letterhead: the administrator's, or the default one named after its département.</summary>
    public async Task<Letterhead> LetterheadAsync(string departement, CancellationToken ct)
    {
        var stored = await store.Letterheads.AsNoTracking().FirstOrDefaultAsync(l => l.Departement == departement, ct);
        return stored?.ToLetterhead() ?? SpipLetterhead.Default(geography.Departement(departement)?.Name ?? departement);
    }

    /// <summary>The latest version of the document of <paramref name="kind"/> about <paramref name="subject"/>, or none yet.</summary>
    public Task<MeasureDocument?> LatestAsync(DocumentKind kind, DocumentSubject subject, CancellationToken ct) =>
        Versions(kind, subject).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Issues a new version of the document (the first: a new number in its SPIP's year), composed from the data as it is now,
    /// stored with its audit line in one save.
    /// </summary>
    public async Task<MeasureDocument> IssueAsync(DocumentKind kind, DocumentSubject subject, string departement, Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(caller);
        var letterhead = await LetterheadAsync(departement, ct);
        for (var attempt = 1; ; attempt++)
        {
            var now = calendar.UtcNow;
            var previous = await Versions(kind, subject).OrderByDescending(d => d.Version)
                .Select(d => new { d.Year, d.Sequence, d.Version }).FirstOrDefaultAsync(ct);
            var year = previous?.Year ?? calendar.DayOf(now).Year;
            var sequence = previous?.Sequence
                ?? 1 + (await store.Documents.Where(d => d.Departement == departement && d.Year == year).MaxAsync(d => (int?)d.Sequence, ct) ?? 0);
            var version = (previous?.Version ?? 0) + 1;
            var stamp = new DocumentStamp(MeasureDocument.NumberOf(departement, year, sequence), version, now);
            var composed = await composer.ComposeAsync(kind, subject, letterhead, stamp, ct);
            var document = new MeasureDocument(Guid.NewGuid(), kind, subject, departement, year, sequence, version, composed.Title, composed.Pdf, caller.Who, now);
            store.Documents.Add(document);
            store.AuditTrail.Add(AuditEntry.Of(caller, now, AuditActions.Create, $"{composed.Title} n° {stamp.Number} v{version}", [subject.PersonId]));
            try
            {
                await store.SaveChangesAsync(ct);
                return document;
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                store.ChangeTrackerClear(); // the same number or version taken meanwhile: read them again
            }
        }
    }

    /// <summary>The latest version, issuing the first one when there is none yet.</summary>
    public async Task<MeasureDocument> LatestOrIssueAsync(DocumentKind kind, DocumentSubject subject, string departement, Caller caller, CancellationToken ct) =>
        await LatestAsync(kind, subject, ct) ?? await IssueAsync(kind, subject, departement, caller, ct);

    /// <summary>Writes who downloaded which version, and from where.</summary>
    public async Task RecordDownloadAsync(Caller caller, MeasureDocument document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(document);
        store.AuditTrail.Add(AuditEntry.Of(caller, calendar.UtcNow, AuditActions.Read, $"Téléchargement : {document.Title} n° {document.Number} v{document.Version}",
            [document.PersonId]));
        await store.SaveChangesAsync(ct);
    }

    private IQueryable<MeasureDocument> Versions(DocumentKind kind, DocumentSubject subject) =>
        store.Documents.Where(d => d.Kind == kind && d.PersonId == subject.PersonId && d.PlacementId == subject.PlacementId && d.IncidentId == subject.IncidentId);
}
