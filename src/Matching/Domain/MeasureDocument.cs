using System.Security.Cryptography;

namespace Placement.Matching.Domain;

/// <summary>
/// One version of a document issued by a SPIP, archived as it was printed: its number (per SPIP and year, the same for
/// every version of one document), its version, the PDF and its SHA-256, who issued it and when. Never changed: a new
/// version is another row.
/// </summary>
public sealed class MeasureDocument
{
    private MeasureDocument() { }

    public MeasureDocument(Guid id, DocumentKind kind, DocumentSubject subject, string departement, int year, int sequence, int version,
        string title, byte[] pdf, string issuedBy, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(pdf);
        Ensure.That(sequence > 0 && version > 0, "version", "Un document a un numéro et une version positifs.");
        Id = id;
        Kind = kind;
        PersonId = subject.PersonId;
        PlacementId = subject.PlacementId;
        IncidentId = subject.IncidentId;
        Departement = departement;
        Year = year;
        Sequence = sequence;
        Number = NumberOf(departement, year, sequence);
        Version = version;
        Title = Ensure.NotBlank(title, "title", 200);
        Content = pdf;
        Size = pdf.Length;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        IssuedBy = issuedBy.Length > 256 ? issuedBy[..256] : issuedBy;
        IssuedAt = issuedAt;
    }

    public Guid Id { get; private set; }
    public DocumentKind Kind { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid? PlacementId { get; private set; }
    public Guid? IncidentId { get; private set; }

    /// <summary>The SPIP (département) that issued it, and the year of its first version: they and <see cref="Sequence"/> make the number.</summary>
    public string Departement { get; private set; } = "";
    public int Year { get; private set; }
    public int Sequence { get; private set; }

    /// <summary>« 069-2026-00012 »: the département on three characters, the year, the sequence within them.</summary>
    public string Number { get; private set; } = "";
    public int Version { get; private set; }
    public string Title { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public long Size { get; private set; }

    /// <summary>The SHA-256 of <see cref="Content"/>, in lower-case hexadecimal: what a printed copy is checked against.</summary>
    public string Sha256 { get; private set; } = "";
    public string IssuedBy { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }

    public DocumentSubject Subject => new(PersonId, PlacementId, IncidentId);

    public static string NumberOf(string departement, int year, int sequence) => $"{departement.PadLeft(3, '0')}-{year}-{sequence:00000}";
}
