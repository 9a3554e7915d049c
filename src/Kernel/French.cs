using System.Globalization;

namespace Placement.Kernel;

/// <summary>
/// How dates, hours and days are written in French (« 28 novembre 2026 à 10:00 », « 12,5 h », « Lundi »), once: the
/// notifications' texts and the pages' <c>Labels</c> both read these.
/// </summary>
public static class French
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static readonly IReadOnlyList<(string Code, string Name)> Days =
        [("mon", "Lundi"), ("tue", "Mardi"), ("wed", "Mercredi"), ("thu", "Jeudi"), ("fri", "Vendredi"), ("sat", "Samedi"), ("sun", "Dimanche")];

    /// <summary>A day of the week by its code (<c>mon</c> → « Lundi »).</summary>
    public static string Day(string? code) => Days.FirstOrDefault(d => d.Code == code).Name ?? code ?? "";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>The date of a time on the service's clocks (<see cref="ServiceCalendar.ToLocal(DateTimeOffset)"/>).</summary>
    public static string Date(System.DateTime local) => local.ToString("d MMMM yyyy", Culture);

    /// <summary>A time on the service's clocks: « 28 novembre 2026 à 10:00 ».</summary>
    public static string DateTime(System.DateTime local) => local.ToString("d MMMM yyyy à HH:mm", Culture);

    public static string Hours(double hours) => hours.ToString("0.#", Culture) + " h";
}
