using Placement.Matching.Domain;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>
/// The job system as the matching module sees it (Hangfire in the host): runs are enqueued, schedules
/// registered and removed through this port only.
/// </summary>
public interface IAssignmentJobs
{
    /// <summary>Enqueues the run on the solver queue; returns the job id.</summary>
    string EnqueueRun(Guid runId);

    /// <summary>Registers (or updates) the recurring job of a schedule.</summary>
    void RegisterSchedule(AssignmentSchedule schedule);

    /// <summary>Removes the recurring job of a schedule, if registered.</summary>
    void RemoveSchedule(AssignmentSchedule schedule);
}
