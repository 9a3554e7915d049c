using Microsoft.Extensions.DependencyInjection;
using Placement.Catalogue;

namespace Placement.Matching;

public static class MatchingExtensions
{
    /// <summary>Registers the matching module (and the catalogue it builds on). The host provides <see cref="Persistence.IMatchingStore"/>.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddCatalogue();
        services.AddSingleton<MatchingInputs>();
        services.AddSingleton<Engine.AssignmentSolver>();
        services.AddSingleton<Engine.InstanceGenerator>();
        services.AddScoped<Suitability.SuitablePosts>();
        services.AddSingleton<Suitability.MatchingReadCache>();
        services.AddSingleton<Assignment.PlacementGate>();
        services.AddScoped<Assignment.PlacementWorkflow>();
        services.AddScoped<Assignment.DeadlineWatch>();
        services.AddSingleton<Assignment.AssignmentRunJob>();
        return services;
    }
}
