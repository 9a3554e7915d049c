namespace Placement.Matching.Features.Documents.Templates;

/// <summary>
/// « Relevé d'heures et attestation d'exécution »: every session and its attendance, the hours without a session, the
/// total against the target, and the tutor's electronic attestation or that it is awaited. It goes to the host too: the
/// person by first name and initial, no judicial data.
/// </summary>
internal static class ReleveHeuresTemplate
{
    public static void Write(PdfLayout pdf, DocumentData data)
    {
        var profile = data.Person.Profile;
        var file = data.RequiredPlacement;
        var placement = file.Placement;
        var today = data.Calendar.Today;

        pdf.Fields(
            ("Personne", DocumentText.FirstNameAndInitial(profile)),
            ("Structure d'accueil", file.Host.Name),
            ("Poste", file.Post.Details.Title),
            ("Tuteur", DocumentText.Contact(file.Post.Details.Tutor)));

        pdf.Heading("Séances");
        pdf.Table(
            [new("Date", 2.2), new("Horaires prévus", 1.7), new("Heures prévues", 1.2, Right: true), new("Présence", 2), new("Heures créditées", 1.3, Right: true)],
            file.Sessions.Select(s => (IReadOnlyList<string>)
            [
                DocumentText.Short(s.Date), DocumentText.Span(s), DocumentText.Hours(s.PlannedHours), DocumentText.Outcome(s, today),
                s.Attendance is null ? "—" : DocumentText.Hours(file.Credited(s)),
            ]),
            empty: "Aucune séance.");

        var without = placement.Hours.Where(h => h.SessionId is null).OrderBy(h => h.Date).ToList();
        pdf.Heading("Heures sans séance");
        pdf.Table(
            [new("Date", 1.5), new("Heures", 1, Right: true), new("Observation", 5)],
            without.Select(h => (IReadOnlyList<string>)[DocumentText.Short(h.Date), DocumentText.Hours(h.Hours), h.Note ?? "—"]),
            empty: "Aucune heure enregistrée hors séance.");

        pdf.Heading("Total");
        pdf.Fields(
            ("Heures créditées", $"{DocumentText.Hours(placement.HoursLogged)} sur {DocumentText.Hours(placement.HoursTarget)} à effectuer"),
            ("Reste à effectuer", DocumentText.Hours(Math.Max(0, placement.HoursTarget - placement.HoursLogged))));

        pdf.Heading("Attestation d'exécution");
        if (placement.Attestation is { } a)
        {
            var local = data.Calendar.ToLocal(a.At);
            var origin = string.IsNullOrWhiteSpace(a.Origin) ? "" : $", depuis {a.Origin}";
            pdf.Paragraph($"Attesté électroniquement par {a.TutorName} ({a.TutorEmail}) le {local.ToString("dd/MM/yyyy", French.Culture)} à {local.ToString("HH:mm", French.Culture)} (heure de Paris){origin}.", pdf.Strong);
            pdf.Paragraph($"Heures attestées : {DocumentText.Hours(a.Hours)}.");
        }
        else
        {
            pdf.Paragraph("Attestation en attente : les heures ne sont pas encore attestées par le tuteur.", pdf.Strong);
        }
    }
}
