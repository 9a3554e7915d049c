using Placement.Kernel.Notifications;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Matching.Features.AssignmentRuns;

/// <summary>
/// The job of an assignment run. Its argument is the run id; it is idempotent (a finished run is left
/// alone; proposals are written once, in one transaction, with a unique key per run and person) and
/// cancellable (a cancel asked through the API stops the solver, whose best proposals are kept; a
/// shutdown leaves the run to the recovery at the next start).
/// </summary>
public sealed class AssignmentRunJob(IServiceScopeFactory scopes, AssignmentSolver solver, SolveGate gate, TimeProvider clock, ILogger<AssignmentRunJob> logger)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task ExecuteAsync(Guid runId, CancellationToken shutdown)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        var run = await store.AssignmentRuns.FirstOrDefaultAsync(r => r.Id == runId, shutdown);
        if (run is null || run.IsFinished) return;
        if (run.CancelRequested)
        {
            run.CancelQueued(clock.GetUtcNow());
            await store.SaveChangesAsync(shutdown);
            return;
        }
        if (run.Attempts >= AssignmentRun.MaxAttempts)
        {
            run.Fail($"Interrompue {run.Attempts} fois (arrêt du service pendant le calcul) : abandonnée.", clock.GetUtcNow());
            store.NotificationEvents.Add(new NotificationEvent(NotificationKind.RunFailed, clock.GetUtcNow(), runId: run.Id, detail: run.Error));
            await store.SaveChangesAsync(shutdown);
            return;
        }
        run.Start(clock.GetUtcNow());
        try
        {
            await store.SaveChangesAsync(shutdown);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another execution of the same run (duplicate delivery) started it first — or a cancel arrived between the
            // read above and this start (seen in CI: the run then stayed queued for ever). Read it again and decide anew:
            // started or finished elsewhere → nothing to do; still queued → this same method, which cancels or starts it.
            store.ChangeTrackerClear();
            var again = await store.AssignmentRuns.AsNoTracking().FirstAsync(r => r.Id == runId, shutdown);
            if (again.State == RunState.Queued) await ExecuteAsync(runId, shutdown);
            return;
        }
        try
        {
            var instance = await RunInstanceBuilder.BuildAsync(store, run, shutdown);
            var progress = new LatestProgress();
            progress.Report(new SolveProgress("candidates", 5));
            using var userCancel = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
            using var stopWatching = new CancellationTokenSource();
            var watcher = WatchAsync(runId, progress, userCancel, stopWatching.Token);
            MatchingResult result;
            try
            {
                using var slot = await gate.EnterAsync(shutdown); // HTTP solves and runs share the node's solver slots (a cancel is seen once it has its slot)
                result = await Task.Run(() => solver.Solve(instance, progress, userCancel.Token), CancellationToken.None);
            }
            finally
            {
                await stopWatching.CancelAsync();
                await watcher;
            }
            shutdown.ThrowIfCancellationRequested();
            try
            {
                await SaveAsync(store, run, instance, result);
            }
            catch (DbUpdateConcurrencyException)
            {
                await SaveAsync(store, run, instance, result); // a cancel request arrived during the save: the run ends cancelled
            }
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            throw; // the service stops: the run stays Running and the start-up recovery takes it again
        }
        catch (Exception e)
        {
            logger.LogError(e, "Affectation {Run} en échec.", runId);
            store.ChangeTrackerClear();
            var failed = await store.AssignmentRuns.FirstAsync(r => r.Id == runId, CancellationToken.None);
            if (!failed.IsFinished)
            {
                var reason = FailureReason(e);
                failed.Fail(reason, clock.GetUtcNow());
                store.NotificationEvents.Add(new NotificationEvent(NotificationKind.RunFailed, clock.GetUtcNow(), runId: runId, detail: reason));
            }
            await store.SaveChangesAsync(CancellationToken.None);
        }
    }

    /// <summary>Writes the latest progress and reads a cancel request, every <see cref="PollInterval"/>, in a scope of its own.</summary>
    private async Task WatchAsync(Guid runId, LatestProgress progress, CancellationTokenSource cancel, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(PollInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            var run = await store.AssignmentRuns.FirstAsync(r => r.Id == runId, CancellationToken.None);
            if (run.CancelRequested && !cancel.IsCancellationRequested) await cancel.CancelAsync();
            if (progress.Latest is { } p && !run.IsFinished)
            {
                run.Report(p.Phase, p.Percent, p.Objective, p.BestBound);
                try
                {
                    await store.SaveChangesAsync(CancellationToken.None);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // A cancel request landed meanwhile: read again at the next poll.
                }
            }
        }
    }

    private async Task SaveAsync(IMatchingStore store, AssignmentRun run, MatchingInstance instance, MatchingResult result)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await store.Database.BeginTransactionAsync(CancellationToken.None);
        store.ChangeTrackerClear();
        var current = await store.AssignmentRuns.FirstAsync(r => r.Id == run.Id, CancellationToken.None);
        if (current.IsFinished) return; // a duplicate execution finished first: nothing to add
        store.Proposals.RemoveRange(await store.Proposals.Where(p => p.RunId == run.Id).ToListAsync(CancellationToken.None));
        store.Unplaced.RemoveRange(await store.Unplaced.Where(p => p.RunId == run.Id).ToListAsync(CancellationToken.None));
        var pinned = instance.Pinned.Select(p => Guid.Parse(p.PersonId)).ToHashSet();
        foreach (var a in result.Assignments.Where(a => !a.Pinned))
            store.Proposals.Add(new AssignmentProposal(Guid.NewGuid(), run.Id, Guid.Parse(a.PersonId), Guid.Parse(a.PostId), a.Score, a.DistanceKm, a.WeeklyHours, a.Explanation, pinned: false));
        foreach (var u in result.Unassigned)
            store.Unplaced.Add(new UnplacedPerson(run.Id, Guid.Parse(u.PersonId), u.Reason, u.BlockingRules));
        if (!run.KeepProposed)
        {
            // New proposals replace the pending ones of earlier runs for the same persons.
            var persons = instance.Persons.Select(p => Guid.Parse(p.Id)).ToList();
            foreach (var old in await store.Proposals.Where(p => p.Status == ProposalStatus.Pending && p.RunId != run.Id && persons.Contains(p.PersonId)).ToListAsync(CancellationToken.None))
                old.Supersede(now);
        }
        var stats = result.Stats!;
        current.Finish(result.Status, stats.Persons, stats.Posts, stats.Placed - pinned.Count, stats.Objective, stats.BestBound, stats.ElapsedMs, now);
        store.NotificationEvents.Add(new NotificationEvent(NotificationKind.RunFinished, now, runId: run.Id));
        await store.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private sealed class LatestProgress : IProgress<SolveProgress>
    {
        public SolveProgress? Latest { get; private set; }

        public void Report(SolveProgress value) => Latest = value with { Percent = value.Phase == "candidates" ? 10 : 10 + value.Percent * 0.85 };
    }

    /// <summary>
    /// What the coordinator reads of a failure: the French message of a rule the service states; never a .NET message (it
    /// may name types, paths or data — it goes to the service's log with its stack).
    /// </summary>
    private static string FailureReason(Exception e) =>
        e is ValidationFailedException or DomainRuleException ? e.Message
        : "Le calcul a échoué sur une erreur interne ; le détail est dans le journal du service.";
}
