using System.ComponentModel.DataAnnotations;

namespace Placement.Matching.Features.Audit;

/// <summary><c>Placement:Audit</c>: how long the audit trail keeps its lines.</summary>
public sealed class AuditOptions
{
    public const string Section = "Placement:Audit";

    /// <summary>Lines older than this are removed by a daily job (one year by default).</summary>
    [Range(30, 3650, ErrorMessage = "entre 30 et 3650 jours.")]
    public int RetentionDays { get; set; } = 365;
}
