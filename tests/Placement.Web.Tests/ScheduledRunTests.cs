using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.AssignmentSchedules;

namespace Placement.Web.Tests;

/// <summary>Hangfire delivers a recurring job at least once: a schedule makes one run per occurrence of its cron, however often it is delivered.</summary>
[Collection(ApiCollection.Name)]
public class ScheduledRunTests(PlacementApp app)
{
    private async Task<Guid> AScheduleEveryMinute()
    {
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        var schedule = new AssignmentSchedule(Guid.NewGuid(), ["69"], "* * * * *", 5, keepProposed: true, PlacementApp.Coordinator, app.Clock.GetUtcNow());
        store.Schedules.Add(schedule);
        await store.SaveChangesAsync();
        return schedule.Id;
    }

    private async Task<List<AssignmentRun>> RunsOf(Guid schedule)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMatchingStore>().AssignmentRuns.AsNoTracking().Where(r => r.ScheduleId == schedule).ToListAsync();
    }

    [SkippableFact]
    public async Task TheJobRunTwiceForOneOccurrence_MakesOneRun()
    {
        var schedule = await AScheduleEveryMinute();
        var job = app.Services.GetRequiredService<ScheduledRunJob>();

        await job.RunAsync(schedule, CancellationToken.None);
        await job.RunAsync(schedule, CancellationToken.None);

        var run = Assert.Single(await RunsOf(schedule));
        Assert.Equal(CronExpressionAttribute.Latest("* * * * *", app.Clock.GetUtcNow()), run.Occurrence);
    }

    [SkippableFact]
    public async Task TwoDeliveriesAtOnce_MakeOneRun()
    {
        var schedule = await AScheduleEveryMinute();
        var job = app.Services.GetRequiredService<ScheduledRunJob>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => job.RunAsync(schedule, CancellationToken.None))));

        Assert.Single(await RunsOf(schedule));
    }

    [SkippableFact]
    public async Task TheNextOccurrence_MakesItsOwnRun()
    {
        var schedule = await AScheduleEveryMinute();
        var job = app.Services.GetRequiredService<ScheduledRunJob>();
        await job.RunAsync(schedule, CancellationToken.None);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await job.RunAsync(schedule, CancellationToken.None);
        await job.RunAsync(schedule, CancellationToken.None);

        var runs = await RunsOf(schedule);
        Assert.Equal(2, runs.Count);
        Assert.Equal(TimeSpan.FromMinutes(1), runs.Max(r => r.Occurrence) - runs.Min(r => r.Occurrence));
    }
}
