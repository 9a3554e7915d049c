using System.ComponentModel.DataAnnotations;

namespace Placement.Kernel;

/// <summary>
/// <c>Placement:TimeZone</c>: the zone of the <see cref="ServiceCalendar"/>. When it is not set, <c>Placement:Mail:TimeZone</c>
/// (the former key, of the digest hour only) is read; when both are set, <c>Placement:TimeZone</c> wins.
/// </summary>
public sealed class CalendarOptions : IValidatableObject
{
    public const string Section = "Placement";
    public const string DefaultTimeZone = "Europe/Paris";

    /// <summary>IANA name of the zone whose day is « today » and whose clocks the pages show; <see cref="DefaultTimeZone"/> by default.</summary>
    public string? TimeZone { get; set; }

    /// <summary><c>Placement:Mail:TimeZone</c>, read when <see cref="TimeZone"/> is not set.</summary>
    public FormerMailKey Mail { get; set; } = new();

    /// <summary>The zone's name as configured: <see cref="TimeZone"/>, else <c>Placement:Mail:TimeZone</c>, else <see cref="DefaultTimeZone"/>.</summary>
    public string ZoneId => Given(TimeZone) ?? Given(Mail.TimeZone) ?? DefaultTimeZone;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(ZoneId, out _))
            yield return new ValidationResult("fuseau horaire inconnu ; un nom IANA est attendu, par exemple Europe/Paris.",
                [Given(TimeZone) is not null ? nameof(TimeZone) : $"{nameof(Mail)}.{nameof(FormerMailKey.TimeZone)}"]);
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The one key of <c>Placement:Mail</c> the calendar reads.</summary>
    public sealed class FormerMailKey
    {
        public string? TimeZone { get; set; }
    }
}
