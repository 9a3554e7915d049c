using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.Posts;

namespace Placement.Catalogue.Imports;

/// <summary>A post as an import file gives it: the API's fields, the SIRET of its host body and the state wished for a new post.</summary>
public sealed record PostImportFields : PostFields
{
    /// <summary>The SIRET of the host body: with <see cref="PostFields.Reference"/>, it finds the post again.</summary>
    public string? Siret { get; init; }

    /// <summary><c>draft</c> (blank), <c>pending-validation</c> or <c>published</c>: how far the post is moved (never back).</summary>
    public string? Status { get; init; }
}

/// <summary>
/// The columns of a posts' CSV file, in French (<c>docs/import.md</c>), and how each becomes a field of
/// <see cref="PostImportFields"/>. SIRET + reference find the post again from one import to the next.
/// </summary>
public static class PostColumns
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("siret", "siret", "SIRET de la structure d'accueil (déjà connue de Placement)", "21690259400011", Required: true),
        new("reference", "reference", "Votre référence du poste : avec le SIRET, sa clé d'un import à l'autre", "ESP-VERTS-01", Required: true),
        new("intitule", "title", "Intitulé du poste", "Entretien des espaces verts", Required: true),
        new("description", "description", "Les tâches, le cadre, ce que la personne apprendra", "Tonte, désherbage et plantations dans les parcs de la ville.", Required: true),
        new("activite", "activity", "Activité : son code ou son libellé (voir la liste des activités)", "espaces-verts", Required: true),
        new("savoir_faire", "skills", "Compétences utiles, séparées par « , » ou « | »", "jardinage, bricolage"),
        new("adresse", "address.street", "Numéro et voie du lieu (vide : l'adresse de la structure)", "Parc Louis Dupic"),
        new("commune_insee", "address.communeInsee", "Code INSEE de la commune du lieu (vide : celle de la structure)", "69259"),
        new("places", "capacity", "Nombre de places, toutes personnes confondues", "2", Required: true),
        new("heures_hebdo_max", "maxWeeklyHoursPerPerson", "Heures par semaine et par personne, au plus", "10,5", Required: true),
        new("creneaux", "schedule", "Créneaux : jour et heures, séparés par « ; »", "lun 08:00-12:00 ; jeu 13:30-17:00", Required: true),
        new("ouvert_du", "openFrom", "Ouvert du", "01/01/2027", Required: true),
        new("ouvert_au", "openUntil", "Ouvert jusqu'au", "31/12/2027", Required: true),
        new("tuteur_nom", "tutor.name", "Tuteur", "Paul Girard", Required: true),
        new("tuteur_courriel", "tutor.email", "Courriel du tuteur (courriel ou téléphone nécessaire)", "p.girard@ville-venissieux.fr"),
        new("tuteur_telephone", "tutor.phone", "Téléphone du tuteur", "04 72 21 44 00"),
        new("effort_physique", "physicalDemand", "Effort physique : faible, moyen ou élevé", "moyen", Required: true),
        new("accueille_mineurs", "acceptsMinors", "Accepte des personnes mineures de 13 à 17 ans (oui/non)", "non"),
        new("contact_mineurs", "contactWithMinors", "Contact avec des mineurs (oui/non)", "non"),
        new("public_vulnerable", "vulnerablePublic", "Contact avec un public vulnérable (oui/non)", "non"),
        new("permis_b_requis", "requiresDrivingLicence", "Permis B nécessaire (oui/non)", "non"),
        new("travail_de_nuit", "nightWork", "Travail de nuit (oui/non)", "non"),
        new("accessible_fauteuil", "wheelchairAccessible", "Accessible en fauteuil roulant (oui/non)", "oui"),
        new("proche_transports", "nearPublicTransport", "Desservi par les transports en commun (oui/non)", "oui"),
        new("risques_particuliers", "particularRisks", "Risques particuliers : produits, machines (oui/non ; l'ancienne colonne risque_medical est lue aussi)", "non",
            FormerName: "risque_medical"),
        new("etablissement_de_soins", "careSetting", "Établissement de soins : vaccinations obligatoires (oui/non)", "non"),
        new("etat", "status", "brouillon (vide), à valider ou publié (publié : le SPIP seulement) ; un import n'en fait jamais reculer un poste", "à valider"),
    ];

    private static readonly Dictionary<string, string> States = new(StringComparer.Ordinal)
    {
        ["brouillon"] = "draft", ["draft"] = "draft",
        ["a-valider"] = "pending-validation", ["soumis"] = "pending-validation", ["en-attente-de-validation"] = "pending-validation", ["pending-validation"] = "pending-validation",
        ["publie"] = "published", ["published"] = "published",
    };

    /// <summary>What is wrong with the place's position is said on its commune.</summary>
    private static readonly Dictionary<string, string?> Roots = new(StringComparer.OrdinalIgnoreCase) { ["address"] = "commune_insee" };

    public static string? ColumnOf(string field) => All.ColumnOf(field, Roots);

    /// <summary>Reads one row; the activity may be given by its label (<paramref name="activities"/>: label → code).</summary>
    public static PostImportFields Read(Func<string, string?> value, ICollection<ImportProblem> problems, IReadOnlyDictionary<string, string> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var cells = new ImportCells(value, problems);
        var insee = cells.Text("commune_insee");
        var street = cells.Text("adresse");
        return new PostImportFields
        {
            Siret = cells.Text("siret"),
            Reference = cells.Text("reference"),
            Title = cells.Text("intitule"),
            Description = cells.Text("description"),
            Activity = cells.Word("activite", activities),
            Skills = cells.List("savoir_faire"),
            Address = insee is null && street is null ? null : new AddressDto { Street = street, CommuneInsee = insee },
            Capacity = cells.WholeNumber("places") ?? 0,
            MaxWeeklyHoursPerPerson = cells.Number("heures_hebdo_max") ?? 0,
            Schedule = cells.Windows("creneaux"),
            OpenFrom = cells.Date("ouvert_du"),
            OpenUntil = cells.Date("ouvert_au"),
            Tutor = cells.Contact("tuteur_nom", "tuteur_courriel", "tuteur_telephone") ?? new ContactDto(),
            PhysicalDemand = cells.Demand("effort_physique"),
            AcceptsMinors = cells.Flag("accueille_mineurs") ?? false,
            ContactWithMinors = cells.Flag("contact_mineurs") ?? false,
            VulnerablePublic = cells.Flag("public_vulnerable") ?? false,
            RequiresDrivingLicence = cells.Flag("permis_b_requis") ?? false,
            NightWork = cells.Flag("travail_de_nuit") ?? false,
            WheelchairAccessible = cells.Flag("accessible_fauteuil") ?? false,
            NearPublicTransport = cells.Flag("proche_transports") ?? false,
            ParticularRisks = cells.Flag("risques_particuliers") ?? false,
            CareSetting = cells.Flag("etablissement_de_soins") ?? false,
            Status = cells.Word("etat", States),
        };
    }
}
