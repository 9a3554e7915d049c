using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Matching.Assignment;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Web.Identity;

namespace Placement.Web.Hosting;

/// <summary>
/// Hangfire in the web process — the one place that hosts it. Storage: Hangfire.InMemory; what must
/// survive a restart lives in the Placement database (runs, schedules), and at start the runs left
/// queued or running are enqueued again (the job resumes or ends them, never leaving one « running »),
/// the schedules and the deadline watch re-registered. Jobs are enqueued and registered by
/// <see cref="HangfireAssignmentJobs"/> only. Hangfire.PostgreSql comes with the production mode.
/// </summary>
public static class HangfireExtensions
{
    public static IServiceCollection AddPlacementJobs(this IServiceCollection services)
    {
        // The storage is this host's own instance, registered before AddHangfire (which only adds one if
        // missing): clients, servers and recurring jobs of this host all use it, whatever the global is.
        services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) }));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<HangfireAssignmentJobs>();
        services.AddSingleton<IAssignmentJobs>(sp => sp.GetRequiredService<HangfireAssignmentJobs>());
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
        var jobs = scope.ServiceProvider.GetRequiredService<HangfireAssignmentJobs>();
        var interrupted = await store.AssignmentRuns.Where(r => r.State == RunState.Queued || r.State == RunState.Running).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in interrupted) jobs.EnqueueRun(id);
        jobs.RegisterDeadlineWatch();
        foreach (var schedule in await store.Schedules.AsNoTracking().ToListAsync(ct))
            jobs.RegisterSchedule(schedule);
    }

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
            // The dashboard shows the jobs of every territory: administrators only (coordinators follow their runs in the app).
            return user.IsInRole(Roles.Admin);
        }
    }
}
