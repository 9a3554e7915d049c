using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Imports;
using Placement.Matching.Features.AssignmentRuns;
using Placement.Matching.Features.AssignmentSchedules;
using Placement.Matching.Features.DeadlineWatch;
using Placement.Matching.Features.Persons;

namespace Placement.Matching;

public static class MatchingExtensions
{
    /// <summary>
    /// Registers the matching module: engine, person-aware search, placements, assignment jobs (plain classes)
    /// and the use cases of its features. It builds on the catalogue, which the host adds itself
    /// (<c>AddCatalogue()</c>); the host also provides <see cref="Persistence.IMatchingStore"/> and
    /// <see cref="Features.AssignmentRuns.IAssignmentJobs"/>.
    /// </summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton<MatchingInputs>();
        services.AddSingleton<Engine.AssignmentSolver>();
        services.AddSingleton<Engine.Generation.InstanceGenerator>();
        services.AddScoped<SuitablePosts>();
        services.AddSingleton<MatchingReadCache>();
        services.AddSingleton<Features.Placements.PlacementGate>();
        services.TryAddSingleton<Features.Placements.IPlacementGate>(sp => sp.GetRequiredService<Features.Placements.PlacementGate>());
        services.AddScoped<Features.Placements.PlacementWorkflow>();
        services.AddValidatedOptions<Features.Sessions.SessionOptions>(Features.Sessions.SessionOptions.Section);
        services.AddScoped<Features.Sessions.SessionPlanning>();
        services.AddScoped<Features.Incidents.RepeatedAbsences>();
        services.AddScoped<Features.Incidents.IncidentViews>();
        services.AddScoped<Features.Documents.DocumentArchive>();
        services.AddValidatedOptions<JobsOptions>(JobsOptions.Section);
        services.AddValidatedOptions<MatchingLimits>(MatchingLimits.Section);
        services.AddSingleton<SolveGate>();
        services.AddScoped(sp => new DeadlineWatch(sp.GetRequiredService<Persistence.IMatchingStore>(), sp.GetRequiredService<ServiceCalendar>())
        {
            WarningWeeks = sp.GetRequiredService<IOptions<JobsOptions>>().Value.DeadlineWarningWeeks,
        });
        services.AddSingleton<AssignmentRunJob>();
        services.AddSingleton<ScheduledRunJob>();
        services.AddSingleton<DeadlineWatchJob>();
        services.AddValidatedOptions<Features.Audit.AuditOptions>(Features.Audit.AuditOptions.Section);
        services.AddScoped<Features.Audit.PersonAudit>();
        services.AddSingleton<Features.Audit.AuditRetentionJob>();
        services.AddScoped<Features.Documents.DocumentComposer>();
        services.AddUseCases(typeof(MatchingExtensions).Assembly).AddImporters(typeof(MatchingExtensions).Assembly);
        return services;
    }
}
