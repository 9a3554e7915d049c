using Placement.Matching.Domain;

namespace Placement.Matching.Features.Documents;

/// <summary>The documents' names in URLs (« decision-affectation »), their French titles, and who they are for.</summary>
public static class DocumentKinds
{
    private static readonly (DocumentKind Kind, string Slug, string Title)[] Names =
    [
        (DocumentKind.DecisionAffectation, "decision-affectation", "Décision d'affectation"),
        (DocumentKind.FicheLiaison, "fiche-liaison", "Fiche de liaison"),
        (DocumentKind.ReleveHeures, "releve-heures", "Relevé d'heures et attestation d'exécution"),
        (DocumentKind.RapportFinMesure, "rapport-fin-mesure", "Rapport de fin de mesure"),
        (DocumentKind.RapportIncident, "rapport-incident", "Rapport d'incident"),
    ];

    /// <summary>The three documents of a placement, in the order of the measure.</summary>
    public static readonly IReadOnlyList<DocumentKind> OfPlacement = [DocumentKind.DecisionAffectation, DocumentKind.FicheLiaison, DocumentKind.ReleveHeures];

    public static string Slug(this DocumentKind kind) => Names.First(n => n.Kind == kind).Slug;

    public static string Title(this DocumentKind kind) => Names.First(n => n.Kind == kind).Title;

    /// <summary>The kind a URL names, or a field error on <paramref name="field"/> listing those there are.</summary>
    public static DocumentKind Parse(string? slug, string field = "kind")
    {
        foreach (var n in Names)
            if (string.Equals(n.Slug, slug?.Trim(), StringComparison.OrdinalIgnoreCase)) return n.Kind;
        throw FieldErrors.OneField(field, "Document inconnu : " + string.Join(", ", Names.Select(n => n.Slug)) + ".");
    }

    /// <summary>One of a placement's three documents (<see cref="OfPlacement"/>), or a field error on <c>kind</c>.</summary>
    public static DocumentKind ParseOfPlacement(string? slug)
    {
        var kind = Parse(slug);
        return OfPlacement.Contains(kind) ? kind
            : throw FieldErrors.OneField("kind", "Ce document n'est pas celui d'un placement : decision-affectation, fiche-liaison ou releve-heures.");
    }

    /// <summary>
    /// The host body's documents — those that hold no judicial data (first name and initial, schedule, sessions, the officer):
    /// the fiche de liaison and the relevé d'heures. The others are for the person and the judge, through the SPIP.
    /// </summary>
    public static bool ForHost(this DocumentKind kind) => kind is DocumentKind.FicheLiaison or DocumentKind.ReleveHeures;

    /// <summary>The document's file name: « releve-heures-069-2026-00012-v2.pdf ».</summary>
    public static string FileName(DocumentKind kind, string number, int version) => $"{kind.Slug()}-{number}-v{version}.pdf";
}
