using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Placement.Kernel;

/// <summary>
/// Marks the handler of one use case. Its <c>HandleAsync(Caller, …)</c> is what the API endpoint, the page
/// and the CLI verb all call: they bind input, call it, and translate its answer or its exception.
/// </summary>
public interface IUseCase;

public static class UseCases
{
    /// <summary>Registers every use case of <paramref name="assembly"/>, one scope each (one request, one unit of work).</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t)))
        {
            services.AddScoped(type);
        }
        return services;
    }
}
