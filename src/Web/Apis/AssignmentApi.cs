using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Matching.Assignment;
using Placement.Matching.Contracts;
using Placement.Matching.Persistence;
using Placement.Web.Hosting;
using Placement.Web.Identity;

namespace Placement.Web.Apis;

public sealed record CreateRunRequest(IReadOnlyList<string>? Departements, IReadOnlyList<Guid>? PersonIds, DateOnly? ReferenceDate, double? TimeLimitSeconds, bool? KeepProposed);

public sealed record RunResponse(Guid Id, IReadOnlyList<string> Departements, IReadOnlyList<Guid>? PersonIds, DateOnly ReferenceDate, double TimeLimitSeconds, bool KeepProposed,
    string State, string Phase, double Percent, long? Objective, long? BestBound, string? SolveStatus, int Persons, int Posts, int Placed, long? ElapsedMs,
    string? Error, bool CancelRequested, string RequestedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static RunResponse From(AssignmentRun r) => new(r.Id, r.Departements, r.PersonIds, r.ReferenceDate, r.TimeLimitSeconds, r.KeepProposed,
        EnumNames.ToKebab(r.State), r.Phase, Math.Round(r.Percent, 1), r.Objective, r.BestBound, r.SolveStatus, r.Persons, r.Posts, r.Placed, r.ElapsedMs,
        r.Error, r.CancelRequested, r.RequestedBy, r.CreatedAt, r.StartedAt, r.FinishedAt);
}

public sealed record ProposalResponse(Guid Id, Guid PersonId, string PersonName, Guid PostId, string PostTitle, string HostBody, int Score, double DistanceKm,
    double WeeklyHours, IReadOnlyList<string> Explanation, string Status, Guid? PlacementId);

public sealed record UnplacedResponse(Guid PersonId, string PersonName, string Reason, IReadOnlyDictionary<string, int>? BlockingRules);

public sealed record AcceptManyRequest(IReadOnlyList<Guid>? ProposalIds);

public sealed record AcceptOutcome(Guid ProposalId, bool Accepted, Guid? PlacementId, string? Reason);

public sealed record CreateScheduleRequest(IReadOnlyList<string>? Departements, string? Cron, double? TimeLimitSeconds, bool? KeepProposed);

public sealed record ScheduleResponse(Guid Id, IReadOnlyList<string> Departements, string Cron, double TimeLimitSeconds, bool KeepProposed, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>Batch assignment: coordinators run the solver over their départements and review its proposals.</summary>
public static class AssignmentApi
{
    public static IEndpointRouteBuilder MapAssignmentApi(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/assignment-runs").WithTags("Affectation par lots").RequireAuthorization(Policies.Coordinator);
        runs.MapPost("/", Create).WithName("CreateRun").WithSummary("Lance une affectation sur des départements (tâche de fond) ; 202 avec l'état.");
        runs.MapGet("/", List).WithName("ListRuns").WithSummary("Les affectations de vos départements, les plus récentes d'abord.");
        runs.MapGet("/{id:guid}", Get).WithName("GetRun").WithSummary("État, avancement et chiffres d'une affectation.");
        runs.MapPost("/{id:guid}/cancel", Cancel).WithName("CancelRun").WithSummary("Arrête le calcul ; les meilleures propositions trouvées sont gardées.");
        runs.MapGet("/{id:guid}/proposals", Proposals).WithName("RunProposals").WithSummary("Les propositions, avec leurs explications.");
        runs.MapGet("/{id:guid}/unplaced", Unplaced).WithName("RunUnplaced").WithSummary("Les personnes non placées et pourquoi.");
        runs.MapPost("/{id:guid}/proposals/{proposalId:guid}/accept", AcceptOne).WithName("AcceptProposal").WithSummary("Accepte une proposition : placement proposé au partenaire, s'il reste une place.");
        runs.MapPost("/{id:guid}/proposals/{proposalId:guid}/reject", RejectOne).WithName("RejectProposal").WithSummary("Rejette une proposition.");
        runs.MapPost("/{id:guid}/accept", AcceptMany).WithName("AcceptProposals").WithSummary("Accepte une sélection de propositions ; chacune dit si elle a abouti.");

        var schedules = app.MapGroup("/api/assignment-schedules").WithTags("Affectation par lots").RequireAuthorization(Policies.Coordinator);
        schedules.MapGet("/", ListSchedules).WithName("ListSchedules").WithSummary("Les affectations planifiées de vos départements.");
        schedules.MapPost("/", CreateSchedule).WithName("CreateSchedule").WithSummary("Planifie une affectation récurrente (expression cron, UTC).");
        schedules.MapDelete("/{id:guid}", DeleteSchedule).WithName("DeleteSchedule").WithSummary("Supprime une planification.");
        return app;
    }

    private static async Task<Results<Accepted<RunResponse>, ProblemHttpResult>> Create(
        CreateRunRequest request, HttpContext http, IMatchingStore store, IAssignmentJobs jobs, TimeProvider clock, CancellationToken ct)
    {
        var scope = new CallerScope(http.User);
        var now = clock.GetUtcNow();
        var run = new FieldErrors().Build(() => new AssignmentRun(Guid.NewGuid(), request.Departements ?? [], request.PersonIds,
            request.ReferenceDate ?? DateOnly.FromDateTime(now.UtcDateTime), request.TimeLimitSeconds ?? 30, request.KeepProposed ?? false, ApiSupport.Who(http), null, now));
        var outside = run.Departements.Where(d => !scope.Departements.Contains(d)).ToList();
        if (outside.Count > 0) return ApiSupport.Forbidden($"Hors de votre périmètre : {string.Join(", ", outside)}.");
        if (run.PersonIds is { Count: > 0 } ids)
        {
            var known = await store.Persons.Where(p => ids.Contains(p.Id) && run.Departements.Contains(p.Departement)).CountAsync(ct);
            if (known != ids.Count) throw FieldErrors.OneField("personIds", "Des personnes sont inconnues ou hors des départements choisis.");
        }
        store.AssignmentRuns.Add(run);
        await store.SaveChangesAsync(ct);
        jobs.EnqueueRun(run.Id);
        return TypedResults.Accepted($"/api/assignment-runs/{run.Id}", RunResponse.From(run));
    }

    private static async Task<Ok<List<RunResponse>>> List(HttpContext http, IMatchingStore store, CancellationToken ct)
    {
        var scope = new CallerScope(http.User);
        var runs = await store.AssignmentRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(runs.Where(r => r.Departements.Any(scope.Departements.Contains)).Select(RunResponse.From).ToList());
    }

    private static async Task<AssignmentRun?> Find(Guid id, HttpContext http, IMatchingStore store, CancellationToken ct)
    {
        var run = await store.AssignmentRuns.FirstOrDefaultAsync(r => r.Id == id, ct);
        return run is not null && run.Departements.All(new CallerScope(http.User).Departements.Contains) ? run : null;
    }

    private static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> Get(Guid id, HttpContext http, IMatchingStore store, CancellationToken ct) =>
        await Find(id, http, store, ct) is { } run ? TypedResults.Ok(RunResponse.From(run)) : ApiSupport.NotFound("Affectation");

    private static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> Cancel(Guid id, HttpContext http, IMatchingStore store, CancellationToken ct)
    {
        if (await Find(id, http, store, ct) is not { } run) return ApiSupport.NotFound("Affectation");
        run.RequestCancel();
        try
        {
            await store.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The job moved on meanwhile: ask again on what it wrote (a finished run answers 409).
            store.ChangeTrackerClear();
            run = await store.AssignmentRuns.FirstAsync(r => r.Id == id, ct);
            run.RequestCancel();
            await store.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(RunResponse.From(run));
    }

    private static async Task<Results<Ok<List<ProposalResponse>>, ProblemHttpResult>> Proposals(Guid id, HttpContext http, IMatchingStore store, CancellationToken ct)
    {
        if (await Find(id, http, store, ct) is null) return ApiSupport.NotFound("Affectation");
        var proposals = await store.Proposals.AsNoTracking().Where(p => p.RunId == id).OrderByDescending(p => p.Score).ToListAsync(ct);
        var personIds = proposals.Select(p => p.PersonId).ToList();
        var postIds = proposals.Select(p => p.PostId).ToList();
        var persons = await store.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => $"{p.Profile.FirstName} {p.Profile.LastName}", ct);
        var posts = await store.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var hostIds = posts.Values.Select(p => p.HostBodyId).Distinct().ToList();
        var hosts = await store.HostBodies.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        return TypedResults.Ok(proposals.Select(p => new ProposalResponse(p.Id, p.PersonId, persons[p.PersonId], p.PostId, posts[p.PostId].Details.Title,
            hosts[posts[p.PostId].HostBodyId], p.Score, p.DistanceKm, p.WeeklyHours, p.Explanation, EnumNames.ToKebab(p.Status), p.PlacementId)).ToList());
    }

    private static async Task<Results<Ok<List<UnplacedResponse>>, ProblemHttpResult>> Unplaced(Guid id, HttpContext http, IMatchingStore store, CancellationToken ct)
    {
        if (await Find(id, http, store, ct) is null) return ApiSupport.NotFound("Affectation");
        var unplaced = await store.Unplaced.AsNoTracking().Where(u => u.RunId == id).ToListAsync(ct);
        var ids = unplaced.Select(u => u.PersonId).ToList();
        var persons = await store.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => $"{p.Profile.FirstName} {p.Profile.LastName}", ct);
        return TypedResults.Ok(unplaced.Select(u => new UnplacedResponse(u.PersonId, persons[u.PersonId], u.Reason, u.BlockingRules)).ToList());
    }

    private static async Task<Results<Ok<PlacementResponse>, ProblemHttpResult>> AcceptOne(
        Guid id, Guid proposalId, HttpContext http, IMatchingStore store, PlacementWorkflow workflow, CancellationToken ct)
    {
        if (await Find(id, http, store, ct) is null) return ApiSupport.NotFound("Affectation");
        var proposal = await store.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId && p.RunId == id, ct);
        if (proposal is null) return ApiSupport.NotFound("Proposition");
        var placement = await workflow.AcceptAsync(proposal, ApiSupport.Who(http), ct);
        return TypedResults.Ok(PlacementsApi.Response(placement));
    }

    private static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult, NoContent>> RejectOne(
        Guid id, Guid proposalId, HttpContext http, IMatchingStore store, TimeProvider clock, CancellationToken ct)
    {
        if (await Find(id, http, store, ct) is null) return ApiSupport.NotFound("Affectation");
        var proposal = await store.Proposals.FirstOrDefaultAsync(p => p.Id == proposalId && p.RunId == id, ct);
        if (proposal is null) return ApiSupport.NotFound("Proposition");
        proposal.Reject(ApiSupport.Who(http), clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<AcceptOutcome>>, ProblemHttpResult>> AcceptMany(
        Guid id, AcceptManyRequest request, HttpContext http, IMatchingStore store, PlacementWorkflow workflow, CancellationToken ct)
    {
        if (await Find(id, http, store, ct) is null) return ApiSupport.NotFound("Affectation");
        var ids = request.ProposalIds ?? [];
        if (ids.Count == 0) throw FieldErrors.OneField("proposalIds", "Choisissez au moins une proposition.");
        var proposals = await store.Proposals.AsNoTracking().Where(p => p.RunId == id && ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var outcomes = new List<AcceptOutcome>();
        foreach (var pid in ids)
        {
            if (!proposals.TryGetValue(pid, out var proposal)) { outcomes.Add(new AcceptOutcome(pid, false, null, "Proposition introuvable.")); continue; }
            try
            {
                var placement = await workflow.AcceptAsync(proposal, ApiSupport.Who(http), ct);
                outcomes.Add(new AcceptOutcome(pid, true, placement.Id, null));
            }
            catch (Exception e) when (e is PlacementConflictException or IllegalTransitionException)
            {
                store.ChangeTrackerClear();
                outcomes.Add(new AcceptOutcome(pid, false, null, e.Message));
            }
        }
        return TypedResults.Ok(outcomes);
    }

    private static async Task<Ok<List<ScheduleResponse>>> ListSchedules(HttpContext http, IMatchingStore store, CancellationToken ct)
    {
        var scope = new CallerScope(http.User);
        var schedules = await store.Schedules.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(schedules.Where(s => s.Departements.Any(scope.Departements.Contains)).Select(Response).ToList());
    }

    private static async Task<Results<Created<ScheduleResponse>, ProblemHttpResult>> CreateSchedule(
        CreateScheduleRequest request, HttpContext http, IMatchingStore store, IRecurringJobManager recurring, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Cron is { Length: > 0 } cron && !IsValidCron(cron)) errors.Add("cron", "Expression cron invalide (ex. « 0 7 * * 1 » : chaque lundi à 7 h UTC).");
        errors.ThrowIfAny();
        var schedule = errors.Build(() => new AssignmentSchedule(Guid.NewGuid(), request.Departements ?? [], request.Cron ?? "", request.TimeLimitSeconds ?? 60, request.KeepProposed ?? true, ApiSupport.Who(http), clock.GetUtcNow()));
        var outside = schedule.Departements.Where(d => !new CallerScope(http.User).Departements.Contains(d)).ToList();
        if (outside.Count > 0) return ApiSupport.Forbidden($"Hors de votre périmètre : {string.Join(", ", outside)}.");
        store.Schedules.Add(schedule);
        await store.SaveChangesAsync(ct);
        HangfireExtensions.RegisterSchedule(recurring, schedule);
        return TypedResults.Created($"/api/assignment-schedules/{schedule.Id}", Response(schedule));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteSchedule(Guid id, HttpContext http, IMatchingStore store, IRecurringJobManager recurring, CancellationToken ct)
    {
        var schedule = await store.Schedules.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null || !schedule.Departements.All(new CallerScope(http.User).Departements.Contains)) return ApiSupport.NotFound("Planification");
        store.Schedules.Remove(schedule);
        await store.SaveChangesAsync(ct);
        recurring.RemoveIfExists(schedule.RecurringJobId);
        return TypedResults.NoContent();
    }

    private static ScheduleResponse Response(AssignmentSchedule s) => new(s.Id, s.Departements, s.Cron, s.TimeLimitSeconds, s.KeepProposed, s.CreatedBy, s.CreatedAt);

    private static bool IsValidCron(string cron)
    {
        try
        {
            _ = Cronos.CronExpression.Parse(cron);
            return true;
        }
        catch (Cronos.CronFormatException)
        {
            return false;
        }
    }
}
