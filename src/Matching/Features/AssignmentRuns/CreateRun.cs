using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>Starts a batch assignment over départements of the coordinator's (a background job); the run as queued.</summary>
public sealed class CreateRun(IMatchingStore store, IAssignmentJobs jobs, ServiceCalendar calendar, Microsoft.Extensions.Options.IOptions<MatchingLimits> limits) : IUseCase
{
    public async Task<RunResponse> HandleAsync(Caller caller, CreateRunRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var now = calendar.UtcNow;
        var max = limits.Value.MaxTimeLimitSeconds;
        if (request.TimeLimitSeconds > max) throw FieldErrors.OneField("timeLimitSeconds", $"Le temps limite est compris entre 0 (exclu) et {max} secondes.");
        var run = new FieldErrors().Build(() => new AssignmentRun(Guid.NewGuid(), request.Departements ?? [], request.PersonIds,
            request.ReferenceDate ?? calendar.DayOf(now), request.TimeLimitSeconds ?? RunDefaults.Api.TimeLimitSeconds,
            request.KeepProposed ?? RunDefaults.Api.KeepProposed, caller.Who, null, now));
        caller.DemandDepartements(run.Departements);
        if (run.PersonIds is { Count: > 0 } ids)
        {
            var known = await store.Persons.Where(p => ids.Contains(p.Id) && run.Departements.Contains(p.Departement)).CountAsync(ct);
            if (known != ids.Count) throw FieldErrors.OneField("personIds", "Des personnes sont inconnues ou hors des départements choisis.");
        }
        store.AssignmentRuns.Add(run);
        await store.SaveChangesAsync(ct);
        jobs.EnqueueRun(run.Id);
        return RunResponse.From(run);
    }
}
