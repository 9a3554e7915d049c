using System.Globalization;

namespace Placement.Web.Features.Shared;

/// <summary>How the pages say things in French: situations, statuses, days, dates, hours.</summary>
public static class Labels
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Situation(string situation) => situation switch
    {
        "awaiting" => "À placer",
        "proposed" => "Placement proposé",
        "in-progress" => "En cours",
        "completed" => "Mesure exécutée",
        "at-risk" => "Échéance menacée",
        _ => situation,
    };

    /// <summary>The DSFR badge colour of a situation; the text always says it too (never colour alone).</summary>
    public static string SituationBadge(string situation) => situation switch
    {
        "awaiting" => "fr-badge--new",
        "proposed" => "fr-badge--info",
        "in-progress" => "fr-badge--success",
        "completed" => "",
        _ => "fr-badge--warning",
    };

    public static string PlacementStatus(string status) => status switch
    {
        "proposed" => "Proposé à la structure",
        "confirmed" => "Confirmé",
        "in-progress" => "En cours",
        "completed" => "Terminé",
        "declined" => "Décliné par la structure",
        "cancelled" => "Annulé",
        _ => status,
    };

    public static string PlacementBadge(string status) => status switch
    {
        "proposed" => "fr-badge--info",
        "confirmed" or "in-progress" => "fr-badge--success",
        "declined" or "cancelled" => "fr-badge--error",
        _ => "",
    };

    public static string PostStatus(string status) => status switch
    {
        "draft" => "Brouillon",
        "pending-validation" => "En attente de validation",
        "published" => "Publié",
        "suspended" => "Suspendu",
        "closed" => "Clos",
        _ => status,
    };

    public static string PostBadge(string status) => status switch
    {
        "draft" => "fr-badge--new",
        "pending-validation" => "fr-badge--info",
        "published" => "fr-badge--success",
        "suspended" => "fr-badge--warning",
        _ => "",
    };

    public static string RunState(string state) => state switch
    {
        "queued" => "En attente",
        "running" => "En cours",
        "succeeded" => "Terminée",
        "failed" => "En échec",
        "cancelled" => "Annulée",
        _ => state,
    };

    public static string RunBadge(string state) => state switch
    {
        "queued" or "running" => "fr-badge--info",
        "succeeded" => "fr-badge--success",
        "failed" => "fr-badge--error",
        _ => "fr-badge--warning",
    };

    /// <summary>What a run is doing, as the progress panel says it.</summary>
    public static string RunPhase(string phase) => phase switch
    {
        "queued" => "En file d'attente",
        "loading" => "Lecture des personnes et des postes",
        "candidates" => "Recherche des couples personne–poste possibles",
        "flow" => "Calcul de la meilleure affectation",
        "conflicts" => "Résolution des conflits entre coauteurs",
        "done" => "Terminé",
        "failed" => "En échec",
        "cancelled" => "Annulé",
        _ => phase,
    };

    public static string ProposalStatus(string status) => status switch
    {
        "pending" => "À examiner",
        "accepted" => "Acceptée",
        "rejected" => "Rejetée",
        "superseded" => "Remplacée",
        _ => status,
    };

    public static string ProposalBadge(string status) => status switch
    {
        "pending" => "fr-badge--info",
        "accepted" => "fr-badge--success",
        "rejected" => "fr-badge--error",
        _ => "",
    };

    /// <summary>« 28 novembre 2026 à 10:00 »: a time on the service's clocks (<see cref="Placement.Kernel.ServiceCalendar.ToLocal(DateTimeOffset)"/>).</summary>
    public static string DateTime(System.DateTime local) => local.ToString("d MMMM yyyy à HH:mm", French);

    /// <summary>The legal types of host bodies, in the order an organisation looks for its own.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> LegalTypes =
    [
        ("association", "Association"),
        ("commune", "Commune"),
        ("collectivite-territoriale", "Collectivité territoriale (département, région, intercommunalité)"),
        ("etablissement-public", "Établissement public"),
        ("personne-morale-privee-service-public", "Personne morale de droit privé chargée d'une mission de service public"),
        ("entreprise-ess", "Entreprise de l'économie sociale et solidaire"),
        ("societe-a-mission", "Société à mission"),
    ];

    public static string Habilitation(string? status) => status switch
    {
        "by-right" => "Habilitée de droit",
        "habilitated" => "Habilitée",
        "pending" => "Habilitation en attente",
        "suspended" => "Habilitation suspendue",
        "withdrawn" => "Habilitation retirée",
        _ => status ?? "",
    };

    public static string LegalType(string? code) => LegalTypes.FirstOrDefault(t => t.Code == code).Name ?? code ?? "";

    public static readonly IReadOnlyList<(string Code, string Name)> Days =
        [("mon", "Lundi"), ("tue", "Mardi"), ("wed", "Mercredi"), ("thu", "Jeudi"), ("fri", "Vendredi"), ("sat", "Samedi"), ("sun", "Dimanche")];

    public static string Day(string? code) => Days.FirstOrDefault(d => d.Code == code).Name ?? code ?? "";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", French);

    /// <summary>The date of a time on the service's clocks (<see cref="Placement.Kernel.ServiceCalendar.ToLocal(DateTimeOffset)"/>).</summary>
    public static string Date(System.DateTime local) => local.ToString("d MMMM yyyy", French);

    public static string Hours(double hours) => hours.ToString("0.#", French) + " h";

    /// <summary>Where an approximate position lies (the precision of <c>FranceGeography.PrecisionOf</c>, kebab-case); null for an address.</summary>
    public static string? Approximation(string? precision) =>
        Enum.TryParse<Placement.Catalogue.Geography.PositionPrecision>(precision, ignoreCase: true, out var p) ? Placement.Catalogue.Geography.PositionPrecisions.Where(p) : null;

    public static string Km(double km) => km.ToString("0.#", French) + " km";

    public static string Weeks(int weeks) => weeks switch
    {
        < 0 => $"dépassée de {-weeks} semaine{(weeks < -1 ? "s" : "")}",
        0 => "cette semaine",
        1 => "dans 1 semaine",
        _ => $"dans {weeks} semaines",
    };

    public static string Demand(string? demand) => demand switch
    {
        "low" => "léger",
        "medium" => "modéré",
        "high" => "important",
        _ => demand ?? "",
    };
}
