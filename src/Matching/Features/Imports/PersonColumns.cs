using Placement.Catalogue.Contracts;
using Placement.Catalogue.Imports;
using Placement.Matching.Domain;
using Placement.Matching.Features.Persons;

namespace Placement.Matching.Features.Imports;

/// <summary>
/// The columns of a persons' CSV file, in French (<c>docs/import.md</c>), and how each becomes a field of
/// <see cref="PersonFields"/>, cells read by <see cref="ImportCells"/>. Exclusion zones, suspensions and excluded host bodies
/// are for the JSON format; co-defendants are named by case number.
/// </summary>
public static class PersonColumns
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("numero_dossier", "caseNumber", "Numéro de dossier de l'application de suivi : la clé de la personne d'un import à l'autre", "2026-069-00417", Required: true),
        new("nom", "lastName", "Nom de famille", "Benali", Required: true),
        new("prenom", "firstName", "Prénom", "Karim", Required: true),
        new("spip", "departement", "Département du SPIP qui suit la personne", "69", Required: true),
        new("date_naissance", "birthDate", "Date de naissance", "02/04/1999", Required: true),
        new("adresse", "home.street", "Numéro et voie du domicile (géocodés quand c'est possible)", "12 rue de la République"),
        new("commune_insee", "home.communeInsee", "Code INSEE de la commune du domicile", "69266", Required: true),
        new("distance_max_km", "maxTravelKm", "Distance de déplacement maximale, en km", "15", Required: true),
        new("permis_b", "hasDrivingLicence", "Titulaire du permis B (oui/non)", "non"),
        new("transports_en_commun_seulement", "publicTransportOnly", "Se déplace en transports en commun seulement (oui/non)", "oui"),
        new("heures_prononcees", "hoursOrdered", "Heures de TIG prononcées (20 à 400)", "105", Required: true),
        new("heures_effectuees", "hoursDone", "Heures déjà effectuées (vide : celles connues de Placement)", "0"),
        new("date_jugement", "sentenceDate", "Date du jugement", "15/09/2026", Required: true),
        new("date_echeance", "deadline", "Date limite d'exécution", "15/03/2028", Required: true),
        new("disponibilites", "availability", "Créneaux libres : jour et heures, séparés par « ; »", "lun 08:00-12:00 ; sam 09:00-17:00"),
        new("savoir_faire", "skills", "Savoir-faire, séparés par « , » ou « | »", "cuisine, jardinage"),
        new("effort_physique_max", "maxPhysicalDemand", "Effort physique maximal : faible, moyen ou élevé", "moyen", Required: true),
        new("fauteuil_roulant", "needsWheelchairAccess", "Se déplace en fauteuil roulant (oui/non)", "non"),
        new("heures_emploi_semaine", "weeklyWorkHours", "Heures de travail par semaine de l'emploi de la personne, 0 à 60 (vide : sans emploi)", "35"),
        new("handicap_ou_grossesse", "medicalMarker", "Situation de handicap ou grossesse : visite médicale avant le travail, jamais communiquée à la structure (oui/non)", "non"),
        new("visite_medicale_exigee", "medicalExaminationRequired", "Visite médicale exigée par la direction du SPIP (oui/non)", "non"),
        new("interdiction_contact_mineurs", "restrictions.noContactWithMinors", "Interdiction d'entrer en contact avec des mineurs (oui/non)", "non"),
        new("pas_de_public_vulnerable", "restrictions.noContactWithVulnerablePublic", "Pas de contact avec un public vulnérable (oui/non)", "non"),
        new("ne_pas_rencontrer", "restrictions.noContactWithCaseNumbers",
            "Co-auteurs et victimes à ne jamais placer dans la même structure : leurs numéros de dossier, séparés par « ; » (vide : ceux connus de Placement ; « aucun » : plus personne). Ceux d'un autre SPIP se lient d'abord sur la fiche de la personne (numéro et date de naissance)",
            "2026-069-00418 ; 2026-069-00502"),
        new("agent_referent_nom", "referentOfficer.name", "Agent référent (vide : le compte qui importe)", "Agent CPIP du Rhône"),
        new("agent_referent_courriel", "referentOfficer.email", "Courriel de l'agent référent", "cpip69@demo.placement"),
        new("agent_referent_telephone", "referentOfficer.phone", "Téléphone de l'agent référent", "04 72 00 00 00"),
    ];

    /// <summary>What is wrong with the home's position is said on its commune; restrictions beyond the two flags and the co-defendants are the JSON's.</summary>
    private static readonly Dictionary<string, string?> Roots = new(StringComparer.OrdinalIgnoreCase) { ["home"] = "commune_insee", ["restrictions"] = null };

    /// <summary>The column a field path of <see cref="PersonFields"/> is read from (« home.communeInsee » → « commune_insee »); null when none.</summary>
    public static string? ColumnOf(string field) => All.ColumnOf(field, Roots);

    /// <summary>Blank: the known list is kept (null); « aucun »: nobody any more.</summary>
    private static IReadOnlyList<string>? CoDefendants(string? text) =>
        text is null ? null : text.Equals("aucun", StringComparison.OrdinalIgnoreCase) ? [] : CaseNumbers.Split(text);

    /// <summary>Reads one row (values by column name); the problems name their column. <paramref name="keep"/> gives what a blank optional column keeps.</summary>
    public static PersonFields Read(Func<string, string?> value, ICollection<ImportProblem> problems, PersonFields? keep = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(problems);
        var cells = new ImportCells(value, problems);
        return new PersonFields
        {
            CaseNumber = cells.Text("numero_dossier"),
            LastName = cells.Text("nom"),
            FirstName = cells.Text("prenom"),
            Departement = cells.Text("spip"),
            BirthDate = cells.Date("date_naissance"),
            Home = new AddressDto { Street = cells.Text("adresse"), CommuneInsee = cells.Text("commune_insee") },
            MaxTravelKm = cells.Number("distance_max_km") ?? 0,
            HasDrivingLicence = cells.Flag("permis_b") ?? false,
            PublicTransportOnly = cells.Flag("transports_en_commun_seulement") ?? false,
            HoursOrdered = cells.Number("heures_prononcees") ?? 0,
            HoursDone = cells.Number("heures_effectuees") ?? keep?.HoursDone ?? 0,
            SentenceDate = cells.Date("date_jugement"),
            Deadline = cells.Date("date_echeance"),
            Suspensions = keep?.Suspensions,
            Availability = cells.Windows("disponibilites"),
            Skills = cells.List("savoir_faire"),
            MaxPhysicalDemand = cells.Demand("effort_physique_max"),
            NeedsWheelchairAccess = cells.Flag("fauteuil_roulant") ?? false,
            WeeklyWorkHours = cells.Number("heures_emploi_semaine"),
            MedicalMarker = cells.Flag("handicap_ou_grossesse") ?? false,
            MedicalExaminationRequired = cells.Flag("visite_medicale_exigee") ?? false,
            Restrictions = new RestrictionsDto
            {
                NoContactWithMinors = cells.Flag("interdiction_contact_mineurs") ?? false,
                NoContactWithVulnerablePublic = cells.Flag("pas_de_public_vulnerable") ?? false,
                // What the CSV cannot say is kept from the file already known (the JSON format carries it).
                ExcludedHostBodyIds = keep?.Restrictions?.ExcludedHostBodyIds,
                NoContactWithPersonIds = keep?.Restrictions?.NoContactWithPersonIds,
                NoContactWithCaseNumbers = CoDefendants(cells.Text("ne_pas_rencontrer")),
                ExclusionZones = keep?.Restrictions?.ExclusionZones,
            },
            ReferentOfficer = cells.Contact("agent_referent_nom", "agent_referent_courriel", "agent_referent_telephone") ?? keep?.ReferentOfficer,
        };
    }
}
