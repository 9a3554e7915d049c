using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Features.HostBodies;

namespace Placement.Catalogue.Imports;

/// <summary>
/// The columns of a host bodies' CSV file, in French (<c>docs/import.md</c>), and how each becomes a field of
/// <see cref="HostBodyFields"/>. The SIRET finds the host body again from one import to the next.
/// </summary>
public static class HostBodyColumns
{
    public static readonly IReadOnlyList<ImportColumn> All =
    [
        new("siret", "siret", "SIRET de la structure (14 chiffres) : sa clé d'un import à l'autre", "21690259400011", Required: true),
        new("nom", "name", "Nom de la structure", "Commune de Vénissieux", Required: true),
        new("forme_juridique", "legalType", "commune, collectivité territoriale, établissement public, association, personne morale privée service public, entreprise ESS ou société à mission", "commune", Required: true),
        new("habilitation", "habilitation.status", "de droit (personnes publiques), en attente, habilitée, suspendue ou retirée (vide : de droit pour une personne publique, en attente sinon, ou celle déjà connue)", "de droit"),
        new("habilitation_debut", "habilitation.validFrom", "Début de l'habilitation accordée", ""),
        new("habilitation_fin", "habilitation.validUntil", "Fin de l'habilitation accordée", ""),
        new("adresse", "address.street", "Numéro et voie (géocodés quand c'est possible)", "5 avenue Marcel Houël"),
        new("commune_insee", "address.communeInsee", "Code INSEE de la commune", "69259", Required: true),
        new("contact_nom", "contact.name", "Personne à contacter", "Service des ressources humaines", Required: true),
        new("contact_courriel", "contact.email", "Son courriel (courriel ou téléphone nécessaire)", "rh@ville-venissieux.fr"),
        new("contact_telephone", "contact.phone", "Son téléphone", "04 72 21 44 44"),
    ];

    private static readonly Dictionary<string, string> LegalTypes = new(StringComparer.Ordinal)
    {
        ["commune"] = "commune", ["mairie"] = "commune",
        ["collectivite-territoriale"] = "collectivite-territoriale", ["collectivite"] = "collectivite-territoriale",
        ["etablissement-public"] = "etablissement-public",
        ["association"] = "association",
        ["personne-morale-privee-service-public"] = "personne-morale-privee-service-public", ["personne-morale-privee"] = "personne-morale-privee-service-public",
        ["personne-morale-de-droit-prive-chargee-d-une-mission-de-service-public"] = "personne-morale-privee-service-public",
        ["entreprise-ess"] = "entreprise-ess", ["ess"] = "entreprise-ess",
        ["societe-a-mission"] = "societe-a-mission",
    };

    private static readonly Dictionary<string, string> Habilitations = new(StringComparer.Ordinal)
    {
        ["de-droit"] = "by-right", ["by-right"] = "by-right",
        ["en-attente"] = "pending", ["pending"] = "pending",
        ["habilitee"] = "habilitated", ["habilite"] = "habilitated", ["accordee"] = "habilitated", ["habilitated"] = "habilitated",
        ["suspendue"] = "suspended", ["suspended"] = "suspended",
        ["retiree"] = "withdrawn", ["withdrawn"] = "withdrawn",
    };

    public static string? ColumnOf(string field) => All.ColumnOf(field);

    /// <summary>Reads one row; <paramref name="keep"/> (the host body already known) gives the habilitation a blank column keeps.</summary>
    public static HostBodyFields Read(Func<string, string?> value, ICollection<ImportProblem> problems, HostBodyFields? keep = null)
    {
        var cells = new ImportCells(value, problems);
        var legalType = cells.Word("forme_juridique", LegalTypes);
        var status = cells.Word("habilitation", Habilitations);
        var from = cells.Date("habilitation_debut");
        var until = cells.Date("habilitation_fin");
        var habilitation = status is null && from is null && until is null
            ? keep?.Habilitation ?? HabilitationDto.Initial(EnumNames.Find<LegalType>(legalType))
            : new HabilitationDto { Status = status ?? keep?.Habilitation?.Status, ValidFrom = from, ValidUntil = until };
        return new HostBodyFields
        {
            Siret = cells.Text("siret"),
            Name = cells.Text("nom"),
            LegalType = legalType,
            Habilitation = habilitation,
            Address = new AddressDto { Street = cells.Text("adresse"), CommuneInsee = cells.Text("commune_insee") },
            Contact = cells.Contact("contact_nom", "contact_courriel", "contact_telephone") ?? new ContactDto(),
        };
    }
}
