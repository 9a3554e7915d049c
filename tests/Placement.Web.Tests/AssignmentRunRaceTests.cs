using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Web.Data;
using Placement.Matching.Features.AssignmentRuns;

namespace Placement.Web.Tests;

/// <summary>
/// A cancel that lands between the job's read of a queued run and its « started » write (seen in CI: the run stayed queued
/// for ever, the job taking the conflict for a duplicate delivery). The job here runs on a unit of work that lets the
/// cancel through, from another unit of work, just before its first write.
/// </summary>
[Collection(ApiCollection.Name)]
public class AssignmentRunRaceTests(PlacementApp app)
{
    [SkippableFact]
    public async Task ACancelArrivingBetweenTheJobsReadAndItsStart_EndsTheRunCancelled()
    {
        var run = new AssignmentRun(Guid.NewGuid(), ["43"], null, new DateOnly(2026, 12, 1), 10, false, "test", null, app.Clock.GetUtcNow());
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            store.AssignmentRuns.Add(run); // not enqueued: the job runs below
            await store.SaveChangesAsync();
        }
        using var optionsScope = app.Services.CreateScope();
        var options = optionsScope.ServiceProvider.GetRequiredService<DbContextOptions<PlacementDbContext>>();
        var cancel = new CancelBeforeTheStartIsWritten(run.Id, options);
        var scopes = new ScopesWithStore(app.Services.GetRequiredService<IServiceScopeFactory>(), new DbContextOptionsBuilder<PlacementDbContext>(options).AddInterceptors(cancel).Options);

        await ActivatorUtilities.CreateInstance<AssignmentRunJob>(app.Services, scopes).ExecuteAsync(run.Id, CancellationToken.None);

        Assert.True(cancel.Fired);
        using var check = app.Services.CreateScope();
        var ended = await check.ServiceProvider.GetRequiredService<IMatchingStore>().AssignmentRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id);
        Assert.Equal((RunState.Cancelled, true), (ended.State, ended.CancelRequested));
        Assert.NotNull(ended.FinishedAt);
    }

    /// <summary>Just before the job writes « running », the coordinator's cancel is written by another unit of work.</summary>
    private sealed class CancelBeforeTheStartIsWritten(Guid runId, DbContextOptions<PlacementDbContext> options) : SaveChangesInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Fired && eventData.Context!.ChangeTracker.Entries<AssignmentRun>().Any(e => e.Entity.Id == runId && e.Entity.State == RunState.Running))
            {
                Fired = true;
                await using var coordinator = new PlacementDbContext(options);
                var run = await coordinator.AssignmentRuns.SingleAsync(r => r.Id == runId, cancellationToken);
                run.RequestCancel();
                await coordinator.SaveChangesAsync(cancellationToken);
            }
            return result;
        }
    }

    /// <summary>The application's scopes, but with the unit of work built from <paramref name="options"/>.</summary>
    private sealed class ScopesWithStore(IServiceScopeFactory inner, DbContextOptions<PlacementDbContext> options) : IServiceScopeFactory
    {
        public IServiceScope CreateScope() => new Scope(inner.CreateScope(), new PlacementDbContext(options));

        private sealed class Scope(IServiceScope inner, PlacementDbContext store) : IServiceScope, IServiceProvider, IAsyncDisposable
        {
            public IServiceProvider ServiceProvider => this;

            public object? GetService(Type serviceType) =>
                serviceType == typeof(IMatchingStore) || serviceType == typeof(PlacementDbContext) ? store : inner.ServiceProvider.GetService(serviceType);

            public void Dispose()
            {
                store.Dispose();
                inner.Dispose();
            }

            public async ValueTask DisposeAsync()
            {
                await store.DisposeAsync();
                if (inner is IAsyncDisposable a) await a.DisposeAsync();
                else inner.Dispose();
            }
        }
    }
}
