using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Application;
using Placement.Catalogue.Configuration;
using Placement.Matching.Assignment;

namespace Placement.Matching;

public static class MatchingExtensions
{
    /// <summary>
    /// Registers the matching module: engine, person-aware search, placements, assignment jobs (plain classes)
    /// and the use cases of its features. It builds on the catalogue, which the host adds itself
    /// (<c>AddCatalogue()</c>); the host also provides <see cref="Persistence.IMatchingStore"/> and
    /// <see cref="Assignment.IAssignmentJobs"/>.
    /// </summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton<MatchingInputs>();
        services.AddSingleton<Engine.AssignmentSolver>();
        services.AddSingleton<Generation.InstanceGenerator>();
        services.AddScoped<Suitability.SuitablePosts>();
        services.AddSingleton<Suitability.MatchingReadCache>();
        services.AddSingleton<Placements.PlacementGate>();
        services.TryAddSingleton<Placements.IPlacementGate>(sp => sp.GetRequiredService<Placements.PlacementGate>());
        services.AddScoped<Placements.PlacementWorkflow>();
        services.AddValidatedOptions<JobsOptions>(JobsOptions.Section);
        services.AddValidatedOptions<MatchingLimits>(MatchingLimits.Section);
        services.AddSingleton<SolveGate>();
        services.AddScoped(sp => new Placements.DeadlineWatch(sp.GetRequiredService<Persistence.IMatchingStore>(), sp.GetRequiredService<ServiceCalendar>())
        {
            WarningWeeks = sp.GetRequiredService<IOptions<JobsOptions>>().Value.DeadlineWarningWeeks,
        });
        services.AddSingleton<AssignmentRunJob>();
        services.AddSingleton<ScheduledRunJob>();
        services.AddSingleton<DeadlineWatchJob>();
        services.AddValidatedOptions<Audit.AuditOptions>(Audit.AuditOptions.Section);
        services.AddScoped<Audit.PersonAudit>();
        services.AddSingleton<Audit.AuditRetentionJob>();
        services.AddUseCases(typeof(MatchingExtensions).Assembly);
        return services;
    }
}
