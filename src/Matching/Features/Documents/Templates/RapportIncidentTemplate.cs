using Placement.Matching.Domain;
using Placement.Matching.Features.Incidents;

namespace Placement.Matching.Features.Documents.Templates;

/// <summary>
/// « Rapport d'incident », to the JAP: the person's identity, the placement and its host, the incident (and the accident's
/// details), the officer's decision, the hours.
/// </summary>
internal static class RapportIncidentTemplate
{
    public static void Write(PdfLayout pdf, DocumentData data)
    {
        var profile = data.Person.Profile;
        var file = data.RequiredPlacement;
        var incident = data.RequiredIncident;
        var calendar = data.Calendar;

        pdf.Paragraph("À l'attention de Madame ou Monsieur le juge de l'application des peines.");
        pdf.Heading("Identité");
        pdf.Fields(DocumentText.Identity(profile));

        pdf.Heading("Placement");
        pdf.Fields(
            ("Structure d'accueil", file.Host.Name),
            ("Poste", file.Post.Details.Title),
            ("Lieu", file.PlaceLine),
            ("Tuteur", DocumentText.Contact(file.Post.Details.Tutor)),
            ("Période", DocumentText.Period(file, calendar)),
            ("Statut", file.Placement.Status.Label()));

        pdf.Heading("Incident");
        pdf.Fields(
            ("Nature", incident.Kind.Label()),
            ("Signalé le", DocumentText.At(incident.ReportedAt, calendar)),
            ("Signalé par", DocumentText.ReportedBy(incident)),
            ("Travail suspendu", incident.Suspended ? "oui, immédiatement" : "non"));
        pdf.Paragraph("Description :", pdf.Strong);
        pdf.Paragraph(incident.Description, indent: 12);
        if (incident.Accident is { } accident)
        {
            pdf.Paragraph("Accident du travail :", pdf.Strong);
            pdf.Fields(
                ("Survenu le", DocumentText.At(accident.OccurredAt, calendar)),
                ("Lieu", accident.Place),
                ("Circonstances", accident.Circumstances),
                ("Témoins", accident.Witnesses ?? "aucun"));
        }

        pdf.Heading("Décision du conseiller");
        if (incident.Decision is { } d)
            pdf.Fields(
                ("Décision", d.Action.Label()),
                ("Suite du placement", d.FollowUp.Label()),
                ("Motivation", d.Comment ?? "—"),
                ("Date", DocumentText.At(d.DecidedAt, calendar)),
                ("Décidé par", d.DecidedBy));
        else pdf.Paragraph("Aucune décision n'a encore été prise sur cet incident.", pdf.Note);

        pdf.Heading("Situation des heures");
        pdf.Fields([
            .. DocumentText.HoursOfMeasure(profile),
            ("Heures sur ce placement", $"{DocumentText.Hours(file.Placement.HoursLogged)} sur {DocumentText.Hours(file.Placement.HoursTarget)}"),
            ("Échéance effective", DocumentText.Date(profile.Term.EffectiveDeadline)),
        ]);
    }
}
