using Placement.Matching.Domain;
using Placement.Matching.Features.Incidents;
using Placement.Matching.Features.MeasureActions;

namespace Placement.Matching.Features.Documents.Templates;

/// <summary>
/// « Rapport de fin de mesure », to the JAP: the person's identity, the hours ordered, done and remaining, the sentence's
/// dates and suspensions, each placement, the incidents and their decisions, the actions on the measure, a conclusion.
/// </summary>
internal static class RapportFinMesureTemplate
{
    public static void Write(PdfLayout pdf, DocumentData data)
    {
        var profile = data.Person.Profile;
        var term = profile.Term;
        var calendar = data.Calendar;

        pdf.Paragraph("À l'attention de Madame ou Monsieur le juge de l'application des peines.");
        pdf.Heading("Identité");
        pdf.Fields(DocumentText.Identity(profile));

        pdf.Heading("Mesure");
        pdf.Fields([
            ("Date de la décision", DocumentText.Date(term.SentenceDate)),
            ("Échéance initiale", DocumentText.Date(term.Deadline)),
            ("Échéance effective", DocumentText.Date(term.EffectiveDeadline)),
            ("Suspensions", term.Suspensions.Count == 0 ? "aucune"
                : string.Join(" ; ", term.Suspensions.Select(s => $"du {DocumentText.Short(s.Start)} au {DocumentText.Short(s.End)} ({s.Days} j)"))),
            .. DocumentText.HoursOfMeasure(profile),
        ]);

        pdf.Heading("Placements");
        pdf.Table(
            [new("Structure", 2.4), new("Poste", 2.4), new("Période", 2), new("Statut", 1.6), new("Heures", 1.4, Right: true)],
            data.Placements.Select(f => (IReadOnlyList<string>)
            [
                f.Host.Name, f.Post.Details.Title, DocumentText.Period(f, calendar), f.Placement.Status.Label(),
                $"{DocumentText.Hours(f.Placement.HoursLogged)} / {DocumentText.Hours(f.Placement.HoursTarget)}",
            ]),
            empty: "Aucun placement.");

        pdf.Heading("Incidents et décisions");
        if (data.Incidents.Count == 0) pdf.Paragraph("Aucun incident signalé.", pdf.Note);
        foreach (var incident in data.Incidents)
        {
            var host = data.Placements.FirstOrDefault(f => f.Placement.Id == incident.PlacementId)?.Host.Name;
            pdf.Paragraph($"{incident.Kind.Label()} — signalé le {DocumentText.At(incident.ReportedAt, calendar)} par {DocumentText.ReportedBy(incident)}" + (host is null ? "" : $" ({host})"), pdf.Strong);
            pdf.Paragraph(incident.Description, indent: 12);
            pdf.Paragraph(incident.Decision is { } d
                ? $"Décision du {DocumentText.At(d.DecidedAt, calendar)} : {DocumentText.Decision(d)}." + (d.Comment is null ? "" : $" {d.Comment}")
                : "Décision : en attente.", indent: 12);
        }

        pdf.Heading("Actions sur la mesure");
        pdf.Table(
            [new("Date", 1.4), new("Action", 2.6), new("Motif et période", 2.6), new("Observation", 3)],
            data.Actions.Select(a => (IReadOnlyList<string>)
            [
                DocumentText.Short(calendar.DayOf(a.RecordedAt)), a.Kind.Label(),
                a.Ground is { } g ? $"{g.Label()}" + (a.From is { } f && a.To is { } t ? $", du {DocumentText.Short(f)} au {DocumentText.Short(t)}" : "") : "—",
                a.Comment ?? "—",
            ]),
            empty: "Aucune action enregistrée.");
        if (data.Person.EndedNotCarriedOutOn is { } ended) pdf.Paragraph($"Mesure close comme non exécutée le {DocumentText.Date(ended)}.");

        pdf.Heading("Conclusion");
        pdf.Paragraph(Conclusion(profile), pdf.Strong);
    }

    public static string Conclusion(PersonProfile profile) => profile.Hours.Remaining <= TigPlacement.Tolerance
        ? $"Mesure exécutée : les {DocumentText.Hours(profile.Hours.Ordered).Replace(" h", "", StringComparison.Ordinal)} heures ont été effectuées."
        : $"Mesure non exécutée à ce jour : {DocumentText.Hours(profile.Hours.Remaining)} restantes.";
}
