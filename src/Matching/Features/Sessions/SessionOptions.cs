using System.ComponentModel.DataAnnotations;

namespace Placement.Matching.Features.Sessions;

/// <summary>Configuration section <c>Placement:Sessions</c>: the carrying out of a placement.</summary>
public sealed class SessionOptions
{
    public const string Section = "Placement:Sessions";

    /// <summary>Days after an excused absence by which its proof is expected.</summary>
    [Range(0, 60, ErrorMessage = "entre 0 et 60 jours.")]
    public int ProofDays { get; set; } = 7;

    /// <summary>Unexcused absences within <see cref="UnexcusedAbsencesWindowDays"/> that open an incident by themselves.</summary>
    [Range(1, 20, ErrorMessage = "entre 1 et 20.")]
    public int UnexcusedAbsencesForIncident { get; set; } = 2;

    /// <summary>The window, in days, over which unexcused absences are counted.</summary>
    [Range(1, 365, ErrorMessage = "entre 1 et 365 jours.")]
    public int UnexcusedAbsencesWindowDays { get; set; } = 30;
}
