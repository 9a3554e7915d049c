using Placement.Matching.Domain;
using Placement.Matching.Features.Documents;
using Placement.Matching.Features.Incidents;
using Placement.Matching.Features.Persons;

namespace Placement.Web.Features.Persons;

/// <summary>
/// One line of « Documents » on the person's page: a document that exists or may be issued — the three of each placement made,
/// the report of each incident decided as a report to the judge, the end-of-measure report — with its latest version and the older ones.
/// </summary>
public sealed record PersonDocumentLine(string Title, string About, string Kind, Guid? PlacementId, Guid? IncidentId, DocumentResponse? Latest, IReadOnlyList<DocumentResponse> Older)
{
    /// <summary>The lines of a person's page, from their placements, incidents and the versions issued.</summary>
    public static IReadOnlyList<PersonDocumentLine> Of(PersonFileResponse dossier, IReadOnlyList<IncidentResponse> incidents, IReadOnlyList<DocumentResponse> issued)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var lines = new List<PersonDocumentLine>();
        foreach (var pl in dossier.Placements.Where(pl => pl.Status != PlacementStatus.Declined))
            foreach (var kind in DocumentKinds.OfPlacement)
                lines.Add(Line(kind.Title(), $"{pl.PostTitle} — {pl.HostBody}", kind, pl.Id, null, issued));
        foreach (var i in incidents.Where(i => i.Decision?.Action == IncidentAction.ReportToJudge))
            lines.Add(Line(DocumentKind.RapportIncident.Title(), $"{i.Kind.Label()} du {Shared.Labels.Date(i.ReportedAt.UtcDateTime)}", DocumentKind.RapportIncident, i.PlacementId, i.Id, issued));
        lines.Add(Line(DocumentKind.RapportFinMesure.Title(), "La mesure", DocumentKind.RapportFinMesure, null, null, issued));
        return lines;
    }

    private static PersonDocumentLine Line(string title, string about, DocumentKind kind, Guid? placementId, Guid? incidentId, IReadOnlyList<DocumentResponse> issued)
    {
        var versions = issued.Where(d => d.Kind == kind.Slug() && d.PlacementId == (kind == DocumentKind.RapportFinMesure ? null : placementId) && d.IncidentId == incidentId)
            .OrderByDescending(d => d.Version).ToList();
        return new PersonDocumentLine(title, about, kind.Slug(), placementId, incidentId, versions.FirstOrDefault(), [.. versions.Skip(1)]);
    }
}
