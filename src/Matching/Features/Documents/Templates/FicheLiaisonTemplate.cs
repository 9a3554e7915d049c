namespace Placement.Matching.Features.Documents.Templates;

/// <summary>
/// « Fiche de liaison », for the host body: the person by first name and initial only, the post, its schedule, the planned
/// sessions, the hours to do, the officer to call. No judicial data: no last name, birth date, case number, deadline,
/// offence, restriction or address.
/// </summary>
internal static class FicheLiaisonTemplate
{
    public static void Write(PdfLayout pdf, DocumentData data)
    {
        var profile = data.Person.Profile;
        var file = data.RequiredPlacement;
        var post = file.Post.Details;
        var planned = file.Planned.ToList();
        var remaining = Math.Max(0, file.Placement.HoursTarget - file.Placement.HoursLogged);

        pdf.Paragraph($"À l'attention de {file.Host.Name}" + (string.IsNullOrWhiteSpace(post.Tutor.Name) ? "." : $", {post.Tutor.Name}, tuteur."));
        pdf.Paragraph("Le service pénitentiaire d'insertion et de probation vous confie l'accueil d'une personne pour un travail d'intérêt général. Cette fiche vous donne ce qui est utile à son accueil.");

        pdf.Heading("La personne accueillie");
        pdf.Fields(
            ("Personne", DocumentText.FirstNameAndInitial(profile)),
            ("Poste", post.Title),
            ("Activité", file.Activity),
            ("Lieu", file.PlaceLine),
            ("Tuteur", DocumentText.Contact(post.Tutor)));

        pdf.Heading("Horaires et heures");
        pdf.Fields(
            ("Horaires du poste", DocumentText.Schedule(post.Schedule)),
            ("Heures à effectuer", DocumentText.Hours(file.Placement.HoursTarget)),
            ("Heures déjà effectuées", DocumentText.Hours(file.Placement.HoursLogged)),
            ("Heures restantes", DocumentText.Hours(remaining)));

        pdf.Heading("Séances prévues");
        pdf.Table(
            [new("Date", 3), new("Horaires", 2), new("Durée", 1, Right: true)],
            planned.Select(s => (IReadOnlyList<string>)[DocumentText.Day(s.Date), DocumentText.Span(s), DocumentText.Hours(s.PlannedHours)]),
            empty: "Aucune séance n'est prévue pour l'instant.");

        pdf.Heading("Ce que nous vous demandons");
        pdf.Bullets(
        [
            "Renseigner la présence de la personne à chaque séance (présent, en retard, parti plus tôt, absent), le jour même.",
            "Prévenir sans délai le conseiller référent de toute absence, de tout incident ou de tout accident.",
            "Présenter à la personne le règlement de la structure et les consignes de sécurité du poste.",
        ]);

        pdf.Heading("Votre interlocuteur au SPIP");
        pdf.Fields(("Conseiller référent", DocumentText.Contact(profile.ReferentOfficer)));
    }
}
