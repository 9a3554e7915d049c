using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.Audit;

/// <summary>The daily trim of the audit trail: lines older than <see cref="AuditOptions.RetentionDays"/> go, nothing else.</summary>
public sealed class AuditRetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditOptions> options, ILogger<AuditRetentionJob> logger)
{
    public const string RecurringJobId = "audit-retention";
    public const string Cron = "30 3 * * *";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        var before = clock.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var removed = await store.AuditTrail.Where(e => e.At < before).ExecuteDeleteAsync(ct);
        logger.LogInformation("Journal d'audit : {Count} lignes de plus de {Days} jours supprimées.", removed, options.Value.RetentionDays);
        return removed;
    }
}
