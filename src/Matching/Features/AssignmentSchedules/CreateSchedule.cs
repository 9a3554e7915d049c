using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.AssignmentRuns;

namespace Placement.Matching.Features.AssignmentSchedules;

/// <summary>Schedules a recurring run over départements of the coordinator's (cron, UTC).</summary>
public sealed class CreateSchedule(IMatchingStore store, IAssignmentJobs jobs, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MatchingLimits> limits) : IUseCase
{
    public async Task<ScheduleResponse> HandleAsync(Caller caller, CreateScheduleRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var max = limits.Value.MaxTimeLimitSeconds;
        if (request.TimeLimitSeconds > max) throw FieldErrors.OneField("timeLimitSeconds", $"Le temps limite est compris entre 0 (exclu) et {max} secondes.");
        var schedule = new FieldErrors().Build(() => new AssignmentSchedule(Guid.NewGuid(), request.Departements ?? [], request.Cron ?? "",
            request.TimeLimitSeconds ?? RunDefaults.Scheduled.TimeLimitSeconds, request.KeepProposed ?? RunDefaults.Scheduled.KeepProposed, caller.Who, clock.GetUtcNow()));
        caller.DemandDepartements(schedule.Departements);
        store.Schedules.Add(schedule);
        await store.SaveChangesAsync(ct);
        jobs.RegisterSchedule(schedule);
        return ScheduleResponse.From(schedule);
    }
}
