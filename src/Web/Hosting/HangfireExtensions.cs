using System.ComponentModel.DataAnnotations;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Matching.Assignment;
using Placement.Matching.Persistence;
using Placement.Web.Identity;

namespace Placement.Web.Hosting;

/// <summary>Configuration section <c>Placement:Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Placement:Jobs";
    public const string SolverQueue = "solver";

    /// <summary>Workers of the default queue (deadline watch, light jobs).</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 2;

    /// <summary>Workers of the solver queue: few, OR-Tools uses every core.</summary>
    [Range(1, 16)]
    public int SolverWorkers { get; set; } = 1;

    /// <summary>When the daily deadline watch runs (cron, UTC).</summary>
    [Required]
    public string DeadlineWatchCron { get; set; } = "0 5 * * *";

    /// <summary>A person without a confirmed placement is at risk this many weeks before the deadline.</summary>
    [Range(1, 78)]
    public int DeadlineWarningWeeks { get; set; } = 12;
}

/// <summary>
/// Hangfire in the web process — the one place that knows it. Storage: Hangfire.InMemory; what must
/// survive a restart lives in the Placement database (runs, schedules), and at start the runs left
/// queued or running are enqueued again (the job resumes or ends them, never leaving one « running »),
/// the schedules and the deadline watch re-registered. Hangfire.PostgreSql comes with the production mode.
/// </summary>
public static class HangfireExtensions
{
    public const string DeadlineWatchJobId = "deadline-watch";

    public static IServiceCollection AddPlacementJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The storage is this host's own instance, registered before AddHangfire (which only adds one if
        // missing): clients, servers and recurring jobs of this host all use it, whatever the global is.
        services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) }));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<IAssignmentJobs, HangfireAssignmentJobs>();
        services.AddScoped(sp => new DeadlineWatch(sp.GetRequiredService<IMatchingStore>(), sp.GetRequiredService<TimeProvider>())
        {
            WarningWeeks = sp.GetRequiredService<IOptions<JobsOptions>>().Value.DeadlineWarningWeeks,
        });
        services.AddHangfireServer((sp, o) =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            o.ServerName = "placement-default";
            o.WorkerCount = options.Workers;
            o.Queues = ["default"];
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        services.AddHangfireServer((sp, o) =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            o.ServerName = "placement-solver";
            o.WorkerCount = options.SolverWorkers;
            o.Queues = [JobsOptions.SolverQueue];
        });
        return services;
    }

    /// <summary>Recovers interrupted runs and registers the recurring jobs.</summary>
    public static async Task StartPlacementJobsAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        var jobs = scope.ServiceProvider.GetRequiredService<IAssignmentJobs>();
        var interrupted = await store.AssignmentRuns.Where(r => r.State == RunState.Queued || r.State == RunState.Running).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in interrupted) jobs.EnqueueRun(id);

        var recurring = scope.ServiceProvider.GetRequiredService<IRecurringJobManager>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<JobsOptions>>().Value;
        recurring.AddOrUpdate<DeadlineWatchJob>(DeadlineWatchJobId, j => j.RunAsync(CancellationToken.None), options.DeadlineWatchCron);
        foreach (var schedule in await store.Schedules.AsNoTracking().ToListAsync(ct))
            RegisterSchedule(recurring, schedule);
    }

    public static void RegisterSchedule(IRecurringJobManager recurring, AssignmentSchedule schedule) =>
        recurring.AddOrUpdate<ScheduledRunJob>(schedule.RecurringJobId, JobsOptions.SolverQueue, j => j.RunAsync(schedule.Id, CancellationToken.None), schedule.Cron);

    public static IEndpointRouteBuilder MapPlacementDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new RoleDashboardAuthorization()],
            DashboardTitle = "Placement — tâches",
            DisplayStorageConnectionString = false,
        });
        return app;
    }

    private sealed class RoleDashboardAuthorization : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Coordinator);
        }
    }
}

internal sealed class HangfireAssignmentJobs(IBackgroundJobClient client) : IAssignmentJobs
{
    public string EnqueueRun(Guid runId) => client.Enqueue<AssignmentRunJob>(JobsOptions.SolverQueue, j => j.ExecuteAsync(runId, CancellationToken.None));
}

/// <summary>The recurring job of a schedule: creates a run of its scope for today and enqueues it.</summary>
public sealed class ScheduledRunJob(IServiceScopeFactory scopes, IAssignmentJobs jobs, TimeProvider clock)
{
    public async Task RunAsync(Guid scheduleId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        var schedule = await store.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scheduleId, ct);
        if (schedule is null) return;
        var now = clock.GetUtcNow();
        var run = new AssignmentRun(Guid.NewGuid(), schedule.Departements, null, DateOnly.FromDateTime(now.UtcDateTime), schedule.TimeLimitSeconds,
            schedule.KeepProposed, $"planification {schedule.Cron}", schedule.Id, now);
        store.AssignmentRuns.Add(run);
        await store.SaveChangesAsync(ct);
        jobs.EnqueueRun(run.Id);
    }
}

/// <summary>The daily deadline watch as a Hangfire job.</summary>
public sealed class DeadlineWatchJob(IServiceScopeFactory scopes)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunAsync(ct);
    }
}
