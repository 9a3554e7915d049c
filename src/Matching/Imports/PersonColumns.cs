using System.Globalization;
using Placement.Catalogue.Contracts;
using Placement.Matching.Contracts;

namespace Placement.Matching.Imports;

/// <summary>
/// The columns of a persons' CSV file, in French (<c>docs/import.md</c>), and how each becomes a field of
/// <see cref="PersonFields"/>: dates <c>jj/mm/aaaa</c> or ISO, decimal comma or point, « oui »/« non », days
/// « lun 08:00-12:00 ; sam 09:00-17:00 ». Exclusion zones, suspensions and co-defendants are for the JSON format.
/// </summary>
public static class PersonColumns
{
    public sealed record Column(string Name, string Field, string Description, string Example, bool Required = false);

    public static readonly IReadOnlyList<Column> All =
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
        new("interdiction_contact_mineurs", "restrictions.noContactWithMinors", "Interdiction d'entrer en contact avec des mineurs (oui/non)", "non"),
        new("pas_de_public_vulnerable", "restrictions.noContactWithVulnerablePublic", "Pas de contact avec un public vulnérable (oui/non)", "non"),
        new("agent_referent_nom", "referentOfficer.name", "Agent référent (vide : le compte qui importe)", "Agent CPIP du Rhône"),
        new("agent_referent_courriel", "referentOfficer.email", "Courriel de l'agent référent", "cpip69@demo.placement"),
        new("agent_referent_telephone", "referentOfficer.phone", "Téléphone de l'agent référent", "04 72 00 00 00"),
    ];

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The column a field path of <see cref="PersonFields"/> is read from (« home.communeInsee » → « commune_insee »); null when none.</summary>
    public static string? ColumnOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var exact = All.FirstOrDefault(c => c.Field == field);
        if (exact is not null) return exact.Name;
        var root = field.Split('.', '[')[0];
        return field switch
        {
            _ when root == "home" => "commune_insee",
            _ when root == "referentOfficer" => "agent_referent_nom",
            _ when root is "availability" => "disponibilites",
            _ when root is "suspensions" or "restrictions" => null,
            _ => All.FirstOrDefault(c => c.Field.Split('.')[0] == root)?.Name,
        };
    }

    /// <summary>Reads one row (values by column name); the problems name their column. <paramref name="keep"/> gives what a blank optional column keeps.</summary>
    public static PersonFields Read(Func<string, string?> value, ICollection<ImportProblem> problems, PersonFields? keep = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(problems);
        string? Text(string column) => value(column) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        DateOnly? Date(string column)
        {
            if (Text(column) is not { } v) return null;
            if (DateOnly.TryParseExact(v, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            problems.Add(new(column, $"Date illisible « {v} » : attendu jj/mm/aaaa ou aaaa-mm-jj."));
            return null;
        }
        double? Number(string column)
        {
            if (Text(column) is not { } v) return null;
            if (double.TryParse(v.Replace(',', '.').Replace(" ", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)) return n;
            problems.Add(new(column, $"Nombre illisible « {v} »."));
            return null;
        }
        bool? Flag(string column)
        {
            if (Text(column) is not { } v) return null;
            switch (v.ToLowerInvariant())
            {
                case "oui" or "o" or "vrai" or "1" or "x" or "true" or "yes": return true;
                case "non" or "n" or "faux" or "0" or "false" or "no": return false;
                default:
                    problems.Add(new(column, $"Valeur illisible « {v} » : attendu oui ou non."));
                    return null;
            }
        }

        var referent = Text("agent_referent_nom") is null && Text("agent_referent_courriel") is null && Text("agent_referent_telephone") is null
            ? keep?.ReferentOfficer
            : new ContactDto { Name = Text("agent_referent_nom"), Email = Text("agent_referent_courriel"), Phone = Text("agent_referent_telephone") };
        return new PersonFields
        {
            CaseNumber = Text("numero_dossier"),
            LastName = Text("nom"),
            FirstName = Text("prenom"),
            Departement = Text("spip"),
            BirthDate = Date("date_naissance"),
            Home = new AddressDto { Street = Text("adresse"), CommuneInsee = Text("commune_insee") },
            MaxTravelKm = Number("distance_max_km") ?? 0,
            HasDrivingLicence = Flag("permis_b") ?? false,
            PublicTransportOnly = Flag("transports_en_commun_seulement") ?? false,
            HoursOrdered = Number("heures_prononcees") ?? 0,
            HoursDone = Number("heures_effectuees") ?? keep?.HoursDone ?? 0,
            SentenceDate = Date("date_jugement"),
            Deadline = Date("date_echeance"),
            Suspensions = keep?.Suspensions,
            Availability = Windows(Text("disponibilites"), problems),
            Skills = Text("savoir_faire")?.Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            MaxPhysicalDemand = Demand(Text("effort_physique_max")),
            NeedsWheelchairAccess = Flag("fauteuil_roulant") ?? false,
            Restrictions = new RestrictionsDto
            {
                NoContactWithMinors = Flag("interdiction_contact_mineurs") ?? false,
                NoContactWithVulnerablePublic = Flag("pas_de_public_vulnerable") ?? false,
                // What the CSV cannot say is kept from the file already known (the JSON format carries it).
                ExcludedHostBodyIds = keep?.Restrictions?.ExcludedHostBodyIds,
                NoContactWithPersonIds = keep?.Restrictions?.NoContactWithPersonIds,
                ExclusionZones = keep?.Restrictions?.ExclusionZones,
            },
            ReferentOfficer = referent,
        };
    }

    private static readonly Dictionary<string, string> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lun"] = "mon", ["lundi"] = "mon", ["mar"] = "tue", ["mardi"] = "tue", ["mer"] = "wed", ["mercredi"] = "wed",
        ["jeu"] = "thu", ["jeudi"] = "thu", ["ven"] = "fri", ["vendredi"] = "fri", ["sam"] = "sat", ["samedi"] = "sat",
        ["dim"] = "sun", ["dimanche"] = "sun",
    };

    /// <summary>« lun 08:00-12:00 ; sam 09:00-17:00 » (also « 8h-12h », « 08:00–12:00 »).</summary>
    private static IReadOnlyList<TimeWindowDto> Windows(string? text, ICollection<ImportProblem> problems)
    {
        if (text is null) return [];
        var windows = new List<TimeWindowDto>();
        foreach (var part in text.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var hours = pieces.Length == 2 ? pieces[1].Replace('–', '-').Split('-', StringSplitOptions.TrimEntries) : [];
            if (pieces.Length != 2 || !Days.TryGetValue(pieces[0].TrimEnd('.'), out var day) || hours.Length != 2)
            {
                problems.Add(new("disponibilites", $"Créneau illisible « {part} » : attendu par exemple « lun 08:00-12:00 »."));
                continue;
            }
            windows.Add(new TimeWindowDto { Day = day, Start = Clock(hours[0]), End = Clock(hours[1]) });
        }
        return windows;
    }

    /// <summary>« 8h », « 8h30 », « 08:00 » → « 08:00 »; anything else is left for the schedule's own check to name.</summary>
    private static string Clock(string text)
    {
        var t = text.Trim().ToLowerInvariant().Replace('h', ':');
        if (t.EndsWith(':')) t += "00";
        return TimeOnly.TryParseExact(t, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture) : text.Trim();
    }

    /// <summary>« faible », « moyen », « élevé » (or the API's words); anything else is left for the profile's own check to name.</summary>
    private static string? Demand(string? text) =>
        text?.ToLower(French) switch
        {
            null => null,
            "faible" or "low" => "low",
            "moyen" or "modéré" or "modere" or "medium" => "medium",
            "élevé" or "eleve" or "fort" or "high" => "high",
            var other => other,
        };
}
