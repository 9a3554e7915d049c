using Placement.Matching.Domain;

namespace Placement.Matching.Features.Documents.Templates;

/// <summary>
/// « Décision d'affectation », for the person: the post and where it is (with a map), the tutor, the start and the planned
/// sessions, the hours to do and the deadline, the obligations of a TIG, the referent officer.
/// </summary>
internal static class DecisionAffectationTemplate
{
    /// <summary>The obligations of the person, in plain words.</summary>
    public static readonly IReadOnlyList<string> Obligations =
    [
        "Être présent(e) et à l'heure à chaque séance prévue.",
        "Prévenir le tuteur et le conseiller pénitentiaire d'insertion et de probation de toute absence, avant la séance si possible, et en fournir un justificatif.",
        "Respecter le règlement de la structure d'accueil et les consignes de sécurité qui vous sont données.",
        "En cas d'accident pendant le travail, prévenir immédiatement votre conseiller : l'État prend en charge les accidents survenus pendant le travail d'intérêt général.",
        "Ne pas effectuer le travail d'intérêt général peut être signalé au juge de l'application des peines (JAP), qui peut décider d'une sanction.",
    ];

    public static void Write(PdfLayout pdf, DocumentData data)
    {
        var profile = data.Person.Profile;
        var file = data.RequiredPlacement;
        var post = file.Post.Details;
        var planned = file.Planned.ToList();
        var first = file.Sessions.Where(s => s.Status == SessionStatus.Planned).Select(s => (DateOnly?)s.Date).FirstOrDefault();

        pdf.Paragraph($"{DocumentText.FullName(profile)},");
        pdf.Paragraph("Dans le cadre de la mesure de travail d'intérêt général (TIG) prononcée à votre égard, le service pénitentiaire d'insertion et de probation vous affecte au poste décrit ci-dessous.");

        pdf.Heading("Votre affectation");
        pdf.Fields(
            ("Personne affectée", DocumentText.FullName(profile)),
            ("Poste", post.Title),
            ("Activité", file.Activity),
            ("Structure d'accueil", file.Host.Name),
            ("Lieu du travail", file.PlaceLine),
            ("Tuteur", DocumentText.Contact(post.Tutor)));
        pdf.Figure(190, (g, box) => DepartementMap.Draw(g, box, file.Departement, post.Place.Location, file.CommuneName, pdf.Small, pdf.SmallStrong));

        pdf.Heading("Heures et délai");
        pdf.Fields(
            ("Date de début", first is { } start ? DocumentText.Date(start) : "à fixer avec la structure"),
            ("Heures à effectuer sur ce poste", DocumentText.Hours(file.Placement.HoursTarget)),
            ("Heures restant à effectuer sur la mesure", DocumentText.Hours(profile.Hours.Remaining)),
            ("Date limite d'exécution", DocumentText.Date(profile.Term.EffectiveDeadline)));

        pdf.Heading("Séances prévues");
        pdf.Table(
            [new("Date", 3), new("Horaires", 2), new("Durée", 1, Right: true)],
            planned.Select(s => (IReadOnlyList<string>)[DocumentText.Day(s.Date), DocumentText.Span(s), DocumentText.Hours(s.PlannedHours)]),
            empty: "Aucune séance n'est encore prévue : la structure et votre conseiller vous indiqueront les dates.");
        if (planned.Count > 0) pdf.Paragraph($"{planned.Count} séance(s) prévue(s), {DocumentText.Hours(planned.Sum(s => s.PlannedHours))} au total.", pdf.Note);

        pdf.Heading("Vos obligations");
        pdf.Bullets(Obligations);

        pdf.Heading("Votre conseiller référent");
        pdf.Fields(("Conseiller pénitentiaire d'insertion et de probation", DocumentText.Contact(profile.ReferentOfficer)));
    }
}
