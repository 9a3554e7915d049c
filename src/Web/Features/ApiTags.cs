namespace Placement.Web.Features;

/// <summary>The tags of the API, with the French description the OpenAPI document gives each.</summary>
internal static class ApiTags
{
    public const string Auth = "Authentification";
    public const string Geography = "Géographie";
    public const string HostBodies = "Structures d'accueil";
    public const string Posts = "Postes de TIG";
    public const string Search = "Recherche";
    public const string Persons = "Personnes";
    public const string Placements = "Placements";
    public const string Sessions = "Séances et incidents";
    public const string Documents = "Documents";
    public const string Assignment = "Affectation par lots";
    public const string Matching = "Affectation";
    public const string Administration = "Administration";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Auth] = "Connexion par courriel et mot de passe : jeton porteur pour les clients de l'API, cookie pour les pages.",
        [Geography] = "Les communes de France (code INSEE, codes postaux, position) et le géocodage d'une adresse.",
        [HostBodies] = "Les structures d'accueil (communes, associations, établissements publics) et leur habilitation.",
        [Posts] = "Les postes de travail d'intérêt général offerts par les structures, et leur cycle de vie jusqu'à l'inscription sur la liste départementale.",
        [Search] = "La recherche dans le catalogue des postes publiés : texte en français, distance, filtres, facettes.",
        [Persons] = "Les personnes condamnées à un TIG suivies par le SPIP : données judiciaires, réservées aux CPIP et coordinateurs de leurs départements.",
        [Placements] = "Les placements d'une personne sur un poste : proposition, confirmation par la structure, heures effectuées.",
        [Sessions] = "L'exécution d'un placement : séances planifiées, présence déclarée par le tuteur, incidents et décisions du CPIP, actions sur une mesure dont l'échéance est dépassée.",
        [Documents] = "Les documents de la mesure en PDF, numérotés par SPIP et par année et archivés avec leur empreinte : décision d'affectation, fiche de liaison, relevé d'heures et attestation du tuteur, rapports au juge ; l'en-tête de chaque SPIP.",
        [Assignment] = "L'affectation par lots : le solveur propose, le coordinateur valide ; planifications récurrentes.",
        [Matching] = "Le solveur d'affectation sur une instance autonome (format matching.md).",
        [Administration] = "Les comptes des utilisateurs, leur rôle et leur périmètre ; le vocabulaire des activités ; le journal d'audit. Réservé aux administrateurs.",
    };
}
