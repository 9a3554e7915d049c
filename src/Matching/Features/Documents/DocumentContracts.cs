using Placement.Matching.Domain;

namespace Placement.Matching.Features.Documents;

/// <summary>A document's number (per SPIP and year, « 069-2026-00012 »), its version (regenerating makes a new one), and when it was issued.</summary>
public sealed record DocumentStamp(string Number, int Version, DateTimeOffset IssuedAt);

/// <summary>A document composed: its kind, its French title, and the PDF's bytes.</summary>
public sealed record ComposedDocument(DocumentKind Kind, string Title, byte[] Pdf);

/// <summary>One version of a document, as listed: its download address serves exactly these bytes.</summary>
public sealed record DocumentResponse(Guid Id, string Kind, string Title, string Number, int Version, DateTimeOffset IssuedAt, string IssuedBy,
    long Size, string Sha256, Guid PersonId, Guid? PlacementId, Guid? IncidentId, string Url);

/// <summary>
/// A document of a placement: its kind, title, the address of its latest version (which issues the first when there is none),
/// and every version issued, the newest first.
/// </summary>
public sealed record PlacementDocumentEntry(string Kind, string Title, string Url, IReadOnlyList<DocumentResponse> Versions);

/// <summary>A report to the judge to issue (a new version when it exists): <c>rapport-fin-mesure</c>, or <c>rapport-incident</c> with its incident.</summary>
public sealed record PersonDocumentRequest
{
    public string? Kind { get; init; }
    public Guid? IncidentId { get; init; }
}

/// <summary>The tutor's acknowledgement: the name they sign with, and that they certify the hours.</summary>
public sealed record AttestationRequest
{
    public string? Name { get; init; }
    public bool? Certify { get; init; }
}

/// <summary>The acknowledgement as recorded, the placement's new status, and the relevé d'heures issued with it.</summary>
public sealed record AttestationResponse(Guid PlacementId, string Status, string TutorName, string TutorEmail, DateTimeOffset At, string? Origin, double Hours,
    DocumentResponse Releve);

/// <summary>A SPIP's letterhead as the administrator writes it; <see cref="Address"/> one line per line.</summary>
public sealed record LetterheadRequest
{
    public string? Name { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? SignatoryName { get; init; }
    public string? SignatoryTitle { get; init; }
}

/// <summary>A SPIP's letterhead; <see cref="IsDefault"/> when the administrator has not written it yet.</summary>
public sealed record LetterheadResponse(string Departement, string Name, IReadOnlyList<string> AddressLines, string? Phone, string? Email,
    string SignatoryName, string SignatoryTitle, bool IsDefault, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>What a list reads of a document: every column but the PDF itself.</summary>
internal sealed record DocumentRow(Guid Id, DocumentKind Kind, string Title, string Number, int Version, DateTimeOffset IssuedAt, string IssuedBy,
    long Size, string Sha256, Guid PersonId, Guid? PlacementId, Guid? IncidentId)
{
    public DocumentResponse ToResponse() =>
        new(Id, Kind.Slug(), Title, Number, Version, IssuedAt, IssuedBy, Size, Sha256, PersonId, PlacementId, IncidentId, $"/api/documents/{Id}");
}

internal static class DocumentResponses
{
    public static DocumentResponse ToResponse(this MeasureDocument d) =>
        new DocumentRow(d.Id, d.Kind, d.Title, d.Number, d.Version, d.IssuedAt, d.IssuedBy, d.Size, d.Sha256, d.PersonId, d.PlacementId, d.IncidentId).ToResponse();

    /// <summary>The rows of <paramref name="documents"/>, newest first (the PDF not read).</summary>
    public static async Task<List<DocumentResponse>> ListAsync(this IQueryable<MeasureDocument> documents, CancellationToken ct)
    {
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            documents.Select(d => new DocumentRow(d.Id, d.Kind, d.Title, d.Number, d.Version, d.IssuedAt, d.IssuedBy, d.Size, d.Sha256, d.PersonId, d.PlacementId, d.IncidentId)), ct);
        return [.. rows.OrderByDescending(r => r.IssuedAt).ThenByDescending(r => r.Version).Select(r => r.ToResponse())];
    }
}
