using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Web.Identity;
using Placement.Matching.Features.AssignmentRuns;
using Placement.Web.Features.AssignmentRuns;

namespace Placement.Web.Hosting;

/// <summary>
/// Hangfire in the service — the one place that hosts it. Storage: Hangfire.InMemory with SQLite (one process: what
/// must survive a restart lives in the Placement database, and at start the runs left queued or running are enqueued
/// again — the job resumes or ends them), Hangfire.PostgreSql with PostgreSQL (jobs survive in the database and are
/// shared by every node: a job is fetched by one worker, kept invisible to the others while its node lives
/// — sliding invisibility timeout — and taken over by another node within <see cref="InvisibilityTimeout"/> when it
/// dies). Schedules and the deadline watch are registered at start (idempotent). Jobs are enqueued and registered by
/// <see cref="HangfireAssignmentJobs"/> only.
/// </summary>
public static class HangfireExtensions
{
    /// <summary>How long a job fetched by a node that stopped renewing it (dead) stays invisible before another node takes it.</summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddPlacementJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The storage is this host's own instance, registered before AddHangfire (which only adds one if
        // missing): clients, servers and recurring jobs of this host all use it, whatever the global is.
        services.AddSingleton<JobStorage>(sp =>
        {
            var database = sp.GetRequiredService<IOptions<PlacementOptions>>().Value.Database;
            if (database.Provider != DatabaseOptions.Postgres)
                return new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) });
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromMilliseconds(200),
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = InvisibilityTimeout,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString!, options), options);
        });
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<HangfireAssignmentJobs>();
        services.AddSingleton<HangfireNotificationJob>();
        services.AddSingleton<HangfireReminderJob>();
        services.AddSingleton<IAssignmentJobs>(sp => sp.GetRequiredService<HangfireAssignmentJobs>());
        // A web-only node enqueues jobs; only worker nodes execute them.
        var node = configuration.GetSection($"{PlacementOptions.Section}:Node").Get<NodeOptions>() ?? new NodeOptions();
        if (!node.IsWorker) return services;
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
        // In memory, the jobs died with the last process: enqueue the interrupted runs again. In PostgreSQL they are still
        // there, perhaps running on another node: Hangfire itself hands a dead node's job to a live one.
        if (scope.ServiceProvider.GetRequiredService<JobStorage>() is InMemoryStorage)
        {
            var interrupted = await store.AssignmentRuns.Where(r => r.State == RunState.Queued || r.State == RunState.Running).Select(r => r.Id).ToListAsync(ct);
            foreach (var id in interrupted) jobs.EnqueueRun(id);
        }
        jobs.RegisterDeadlineWatch();
        jobs.RegisterAuditRetention();
        jobs.RegisterNotifications();
        jobs.RegisterReminders();
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
