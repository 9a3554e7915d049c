namespace Placement.Web.Demo;

/// <summary>What kinds of host bodies offer which kinds of posts, in French, for the demo generator.</summary>
internal static class DemoVocabulary
{
    public sealed record HostKind(string LegalType, double Share, string[] Names, string[] Activities, bool WorksWithYouth = false);

    public sealed record PostKind(string Activity, string[] Titles, string Task, string[] Skills, string[] Demands, double LicenceShare, bool VulnerablePublic = false);

    /// <summary>Shares add up to 1; <c>{c}</c> is a commune name, <c>{d}</c> a département name.</summary>
    public static readonly HostKind[] HostKinds =
    [
        new("commune", 0.40, ["Mairie de {c}"], ["espaces-verts", "entretien-nettoyage", "batiment-renovation", "evenementiel", "accueil-administratif", "environnement-nature"]),
        new("collectivite-territoriale", 0.03, ["Communauté de communes de {c}", "Syndicat intercommunal des eaux de {c}"], ["environnement-nature", "espaces-verts", "entretien-nettoyage"]),
        new("etablissement-public", 0.05, ["Centre hospitalier de {c}", "EHPAD public de {c}"], ["aide-a-la-personne", "entretien-nettoyage", "restauration-aide-alimentaire"]),
        new("etablissement-public", 0.04, ["Lycée professionnel de {c}", "Collège de {c}"], ["entretien-nettoyage", "espaces-verts", "batiment-renovation"], WorksWithYouth: true),
        new("etablissement-public", 0.05, ["Centre communal d'action sociale de {c}", "Office public de l'habitat de {c}", "Office de tourisme de {c}"], ["accueil-administratif", "entretien-nettoyage", "aide-a-la-personne"]),
        new("association", 0.07, ["Recyclerie de {c}", "Ressourcerie de {c}", "Atelier vélo solidaire de {c}"], ["recyclerie-tri", "manutention-logistique"]),
        new("association", 0.07, ["Épicerie solidaire de {c}", "Banque alimentaire de {d}", "Restaurant solidaire de {c}"], ["restauration-aide-alimentaire", "manutention-logistique"]),
        new("association", 0.04, ["Refuge animalier de {c}", "Société protectrice des animaux de {c}"], ["soin-animaux", "entretien-nettoyage"]),
        new("association", 0.05, ["Maison des jeunes et de la culture de {c}", "Association sportive de {c}", "Amicale laïque de {c}"], ["evenementiel", "entretien-nettoyage", "module-pedagogique"], WorksWithYouth: true),
        new("association", 0.05, ["Jardins partagés de {c}", "Conservatoire des espaces naturels de {d}", "Association de sauvegarde du patrimoine de {c}"], ["environnement-nature", "espaces-verts", "batiment-renovation"]),
        new("association", 0.04, ["Comité des fêtes de {c}", "Festival de {c}"], ["evenementiel", "manutention-logistique"]),
        new("personne-morale-privee-service-public", 0.05, ["Régie de quartier de {c}", "Foyer d'hébergement de {c}"], ["entretien-nettoyage", "espaces-verts", "aide-a-la-personne"]),
        new("entreprise-ess", 0.04, ["Atelier et chantier d'insertion de {c}", "Scop Recyclage {c}"], ["recyclerie-tri", "batiment-renovation", "espaces-verts"]),
        new("societe-a-mission", 0.02, ["Coopérative {c} Services (société à mission)"], ["manutention-logistique", "recyclerie-tri"]),
    ];

    public static readonly PostKind[] PostKinds =
    [
        new("espaces-verts", ["Entretien des espaces verts", "Aide jardinier", "Tonte et débroussaillage des parcs"], "entretenir les massifs, tondre les pelouses et ramasser les déchets verts", ["jardinage", "tonte", "taille", "debroussaillage"], ["medium", "high"], 0.1),
        new("entretien-nettoyage", ["Agent d'entretien des locaux", "Nettoyage de la voirie", "Entretien des bâtiments"], "nettoyer les locaux et les abords, vider les corbeilles et signaler les dégradations", ["nettoyage", "entretien"], ["low", "medium"], 0.05),
        new("manutention-logistique", ["Manutentionnaire", "Préparation de colis", "Aide à la logistique"], "décharger les livraisons, ranger le stock et préparer les commandes", ["manutention", "logistique", "port-de-charges"], ["high"], 0.2),
        new("restauration-aide-alimentaire", ["Aide en cuisine", "Distribution alimentaire", "Tri des denrées"], "aider à la préparation et à la distribution des repas dans le respect des règles d'hygiène", ["cuisine", "service", "hygiene-alimentaire"], ["medium"], 0.05, VulnerablePublic: true),
        new("recyclerie-tri", ["Valoriste", "Tri et réparation d'objets", "Aide en ressourcerie"], "trier les dons, tester et remettre en état les objets avant leur revente solidaire", ["tri", "reparation", "bricolage"], ["medium"], 0.1),
        new("accueil-administratif", ["Agent d'accueil", "Aide administrative", "Classement et archivage"], "accueillir le public, classer les dossiers et mettre à jour les fichiers", ["accueil", "bureautique", "classement"], ["low"], 0),
        new("aide-a-la-personne", ["Accompagnement des résidents", "Aide aux animations"], "accompagner les résidents lors des promenades et aider aux animations collectives", ["animation", "ecoute"], ["low"], 0, VulnerablePublic: true),
        new("batiment-renovation", ["Peinture et petits travaux", "Rénovation du patrimoine bâti"], "préparer les surfaces, peindre et réaliser de petits travaux de maçonnerie", ["peinture", "maconnerie", "menuiserie", "bricolage"], ["high"], 0.15),
        new("environnement-nature", ["Entretien des sentiers", "Nettoyage des berges"], "baliser et dégager les sentiers, ramasser les déchets en milieu naturel", ["debroussaillage", "environnement"], ["high"], 0.2),
        new("soin-animaux", ["Soigneur animalier (refuge)", "Entretien des boxes"], "nourrir les animaux, nettoyer les boxes et promener les chiens", ["soin-animaux", "nettoyage"], ["medium"], 0),
        new("evenementiel", ["Installation de manifestations", "Aide logistique aux fêtes"], "monter et démonter les stands, installer les barrières et le matériel", ["manutention", "montage"], ["medium", "high"], 0.1),
        new("module-pedagogique", ["Module pédagogique citoyenneté", "Module de sensibilisation à la sécurité routière"], "participer à des ateliers collectifs encadrés sur la citoyenneté", [], ["low"], 0),
    ];

    public static readonly string[] PersonSkills =
        ["jardinage", "nettoyage", "manutention", "cuisine", "service", "tri", "bricolage", "peinture", "maconnerie",
         "menuiserie", "accueil", "bureautique", "animation", "soin-animaux", "logistique", "tonte", "reparation"];
}
