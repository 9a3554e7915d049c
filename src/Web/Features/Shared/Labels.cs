using System.Globalization;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;

namespace Placement.Web.Features.Shared;

/// <summary>How the pages say things in French: situations, statuses, days, dates, hours.</summary>
public static class Labels
{
    public static readonly CultureInfo French = Placement.Kernel.French.Culture;

    public static string Situation(string situation) => situation switch
    {
        "awaiting" => "À placer",
        "proposed" => "Placement proposé",
        "in-progress" => "En cours",
        "completed" => "Mesure exécutée",
        "at-risk" => "Échéance menacée",
        "deadline-passed" => "Échéance dépassée",
        "not-carried-out" => "Non exécutée",
        _ => situation,
    };

    /// <summary>The DSFR badge colour of a situation; the text always says it too (never colour alone).</summary>
    public static string SituationBadge(string situation) => situation switch
    {
        "awaiting" => "fr-badge--new",
        "proposed" => "fr-badge--info",
        "in-progress" => "fr-badge--success",
        "completed" => "",
        "deadline-passed" => "fr-badge--error",
        "not-carried-out" => "",
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

    /// <summary>« 28 novembre 2026 à 10:00 »: a time on the service's clocks (<see cref="Placement.Kernel.ServiceCalendar.ToLocal(DateTimeOffset)"/>).</summary>
    public static string DateTime(System.DateTime local) => Placement.Kernel.French.DateTime(local);

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

    /// <summary>A habilitation's status (still a string in <c>HabilitationDto</c>, which is also what a request sends) said in French.</summary>
    public static string Habilitation(string? status) => Value<HabilitationStatus>(status)?.Label() ?? status ?? "";

    /// <summary>The DSFR badge colour of a habilitation's status; the text always says it too.</summary>
    public static string HabilitationBadge(string? status) => Value<HabilitationStatus>(status)?.Badge() ?? "fr-badge--error";

    /// <summary>The value whose kebab-case name is <paramref name="name"/> exactly, or null.</summary>
    private static T? Value<T>(string? name) where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
            if (EnumNames.ToKebab(value) == name) return value;
        return null;
    }

    public static string LegalType(string? code) => LegalTypes.FirstOrDefault(t => t.Code == code).Name ?? code ?? "";

    public static readonly IReadOnlyList<(string Code, string Name)> Days = Placement.Kernel.French.Days;

    public static string Day(string? code) => Placement.Kernel.French.Day(code);

    public static string Date(DateOnly date) => Placement.Kernel.French.Date(date);

    /// <summary>A file's size as the DSFR's download links say it: « 54 Ko », « 1,2 Mo ».</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? Math.Max(1, (long)Math.Round(bytes / 1024.0)).ToString(Placement.Kernel.French.Culture) + " Ko"
        : (bytes / (1024.0 * 1024)).ToString("0.#", Placement.Kernel.French.Culture) + " Mo";

    /// <summary>The date of a time on the service's clocks (<see cref="Placement.Kernel.ServiceCalendar.ToLocal(DateTimeOffset)"/>).</summary>
    public static string Date(System.DateTime local) => Placement.Kernel.French.Date(local);

    public static string Hours(double hours) => Placement.Kernel.French.Hours(hours);

    /// <summary>Where an approximate position lies (the precision of <c>FranceGeography.PrecisionOf</c>, kebab-case); null for an address.</summary>
    public static string? Approximation(string? precision) =>
        Enum.TryParse<Placement.Catalogue.Geography.PositionPrecision>(precision, ignoreCase: true, out var p) ? Placement.Catalogue.Geography.PositionPrecisions.Where(p) : null;

    public static string Km(double km) => km.ToString("0.#", French) + " km";

    public static string Weeks(int weeks) => weeks switch
    {
        < 0 => $"dépassée de {-weeks} {Plural.Of(-weeks, "semaine", "semaines")}",
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
