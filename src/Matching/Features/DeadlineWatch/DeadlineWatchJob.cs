using Microsoft.Extensions.DependencyInjection;

namespace Placement.Matching.Features.DeadlineWatch;

/// <summary>The daily deadline watch as a job (<see cref="DeadlineWatch"/> in a scope of its own).</summary>
public sealed class DeadlineWatchJob(IServiceScopeFactory scopes)
{
    public const string RecurringJobId = "deadline-watch";

    public async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().RunAsync(ct);
    }
}
