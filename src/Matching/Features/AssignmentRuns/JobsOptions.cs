using System.ComponentModel.DataAnnotations;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>Configuration section <c>Placement:Jobs</c>: the background jobs of batch assignment and the deadline watch.</summary>
public sealed class JobsOptions
{
    public const string Section = "Placement:Jobs";
    public const string SolverQueue = "solver";

    /// <summary>Workers of the default queue (deadline watch, light jobs).</summary>
    [Range(1, 64, ErrorMessage = "entre 1 et 64.")]
    public int Workers { get; set; } = 2;

    /// <summary>Workers of the solver queue: few, OR-Tools uses every core.</summary>
    [Range(1, 16, ErrorMessage = "entre 1 et 16.")]
    public int SolverWorkers { get; set; } = 1;

    /// <summary>When the daily deadline watch runs (cron, UTC).</summary>
    [Required(ErrorMessage = "obligatoire.")]
    [CronExpression]
    public string DeadlineWatchCron { get; set; } = "0 5 * * *";

    /// <summary>A person without a confirmed placement is at risk this many weeks before the deadline.</summary>
    [Range(1, 78, ErrorMessage = "entre 1 et 78 semaines.")]
    public int DeadlineWarningWeeks { get; set; } = 12;
}
