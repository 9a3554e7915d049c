using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;
using Placement.Matching.Features.AssignmentRuns;

namespace Placement.Web.Tests;

internal static class Runs
{
    public static async Task<JsonElement> WaitFinished(HttpClient coordinator, string runId, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = await (await coordinator.GetAsync($"/api/assignment-runs/{runId}")).Json();
            if (run.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled") return run;
            Assert.True(DateTime.UtcNow < deadline, $"run still {run.GetProperty("state").GetString()} ({run.GetProperty("phase").GetString()})");
            await Task.Delay(200);
        }
    }

    public static async Task<string> Start(HttpClient coordinator, object request)
    {
        var response = await coordinator.PostAsJsonAsync("/api/assignment-runs", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Json()).GetProperty("id").GetString()!;
    }
}

/// <summary>Batch assignment end to end, in process, over the demo data.</summary>
[Collection(ApiCollection.Name)]
public class AssignmentRunTests(PlacementApp app)
{
    [SkippableFact]
    public async Task ARun_EnqueuesTheSolver_AndSavesExplainedProposals_AndTheUnplacedReport()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var runId = await Runs.Start(coordinator, new { departements = new[] { "38" }, timeLimitSeconds = 20 });
        var run = await Runs.WaitFinished(coordinator, runId);
        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        Assert.Equal("OPTIMAL", run.GetProperty("solveStatus").GetString());
        Assert.Equal(100, run.GetProperty("percent").GetDouble());

        var proposals = await (await coordinator.GetAsync($"/api/assignment-runs/{runId}/proposals")).Json();
        var unplaced = await (await coordinator.GetAsync($"/api/assignment-runs/{runId}/unplaced")).Json();
        Assert.True(proposals.GetArrayLength() > 10);
        Assert.Equal(run.GetProperty("placed").GetInt32(), proposals.GetArrayLength());
        Assert.Equal(run.GetProperty("persons").GetInt32(), proposals.GetArrayLength() + unplaced.GetArrayLength());
        var people = proposals.EnumerateArray().Select(p => p.GetProperty("personId").GetString()).ToList();
        Assert.Equal(people.Count, people.Distinct().Count());
        Assert.All(proposals.EnumerateArray(), p =>
        {
            Assert.Equal("pending", p.GetProperty("status").GetString());
            // The score's four lines, then the medical examination to plan (R.623-14: a minor, night work, …) when there is one.
            var explanation = p.GetProperty("explanation");
            Assert.InRange(explanation.GetArrayLength(), 4, 5);
            if (explanation.GetArrayLength() == 5) Assert.StartsWith(MedicalExamination.NotePrefix + " (", explanation[4].GetString(), StringComparison.Ordinal);
        });
        Assert.All(unplaced.EnumerateArray(), u => Assert.Contains(u.GetProperty("reason").GetString(), new[] { "no-eligible-post", "capacity", "conflict" }));

        // Only persons of the Isère without an active placement were considered, and no post was given more than its free places.
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        var ids = people.Select(Guid.Parse!).ToList();
        Assert.All(await store.Persons.Where(p => ids.Contains(p.Id)).Select(p => p.Departement).ToListAsync(), d => Assert.Equal("38", d));
        var byPost = proposals.EnumerateArray().GroupBy(p => Guid.Parse(p.GetProperty("postId").GetString()!));
        foreach (var group in byPost)
        {
            var post = await store.Posts.AsNoTracking().SingleAsync(p => p.Id == group.Key);
            var active = await store.Placements.Active().CountAsync(p => p.PostId == group.Key);
            Assert.True(group.Count() + active <= post.Details.Capacity);
        }
    }

    [SkippableFact]
    public async Task ARun_OutsideTheCoordinatorsScope_IsForbidden_AndBadRequestsAreNamed()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync("/api/assignment-runs", new { departements = new[] { "75" } })).StatusCode);
        Assert.Equal(["departements"], await (await coordinator.PostAsJsonAsync("/api/assignment-runs", new { departements = Array.Empty<string>() })).ErrorFields());
        Assert.Equal(["timeLimitSeconds"], await (await coordinator.PostAsJsonAsync("/api/assignment-runs", new { departements = new[] { "69" }, timeLimitSeconds = 0 })).ErrorFields());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync("/api/assignment-runs", new { departements = new[] { "69" } })).StatusCode);
    }

    [SkippableFact]
    public async Task ARunCancelledBeforeItStarts_EndsCancelled_WithoutProposals()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var now = app.Clock.GetUtcNow();
        var run = new AssignmentRun(Guid.NewGuid(), ["43"], null, new DateOnly(2026, 12, 1), 10, false, "test", null, now);
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            store.AssignmentRuns.Add(run); // not enqueued: the job runs below, after the cancel
            await store.SaveChangesAsync();
        }
        Assert.True((await (await coordinator.PostAsync($"/api/assignment-runs/{run.Id}/cancel", null)).Json()).GetProperty("cancelRequested").GetBoolean());
        await app.Services.GetRequiredService<AssignmentRunJob>().ExecuteAsync(run.Id, CancellationToken.None);
        var ended = await Runs.WaitFinished(coordinator, run.Id.ToString());
        Assert.Equal("cancelled", ended.GetProperty("state").GetString());
        Assert.Equal(0, (await (await coordinator.GetAsync($"/api/assignment-runs/{run.Id}/proposals")).Json()).GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsync($"/api/assignment-runs/{run.Id}/cancel", null)).StatusCode);
    }

    [SkippableFact]
    public async Task ARunCancelledWhileItWorks_KeepsItsBestConsistentProposals()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var runId = await Runs.Start(coordinator, new { departements = new[] { "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74" }, timeLimitSeconds = 60 });
        var cancel = await coordinator.PostAsync($"/api/assignment-runs/{runId}/cancel", null);
        // The solver queue has one worker: on a loaded machine this run may wait behind another test's run (seen once in CI).
        var run = await Runs.WaitFinished(coordinator, runId, seconds: 240);
        // Either the cancel arrived in time (cancelled, proposals so far kept) or the run had already finished (409).
        Assert.Equal(cancel.StatusCode == HttpStatusCode.OK ? "cancelled" : "succeeded", run.GetProperty("state").GetString());
        var proposals = await (await coordinator.GetAsync($"/api/assignment-runs/{runId}/proposals")).Json();
        var people = proposals.EnumerateArray().Select(p => p.GetProperty("personId").GetString()).ToList();
        Assert.Equal(people.Count, people.Distinct().Count());
        Assert.Equal(run.GetProperty("placed").GetInt32(), people.Count);
    }

    [SkippableFact]
    public async Task AJobExecutedTwice_ProducesNoDuplicateProposals()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var runId = Guid.Parse(await Runs.Start(coordinator, new { departements = new[] { "01" }, timeLimitSeconds = 10 }));
        var job = app.Services.GetRequiredService<AssignmentRunJob>();
        await Task.WhenAll(job.ExecuteAsync(runId, CancellationToken.None), job.ExecuteAsync(runId, CancellationToken.None));
        var run = await Runs.WaitFinished(coordinator, runId.ToString());
        await job.ExecuteAsync(runId, CancellationToken.None); // once more, after it finished
        var proposals = await (await coordinator.GetAsync($"/api/assignment-runs/{runId}/proposals")).Json();
        Assert.Equal(run.GetProperty("placed").GetInt32(), proposals.GetArrayLength());
        var people = proposals.EnumerateArray().Select(p => p.GetProperty("personId").GetString()).ToList();
        Assert.Equal(people.Count, people.Distinct().Count());
    }

    [SkippableFact]
    public async Task AcceptingAProposal_CreatesAPlacementProposedToThePartner_Once()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var runId = await Runs.Start(coordinator, new { departements = new[] { "73" }, timeLimitSeconds = 10 });
        await Runs.WaitFinished(coordinator, runId);
        var proposals = (await (await coordinator.GetAsync($"/api/assignment-runs/{runId}/proposals")).Json()).EnumerateArray().ToList();
        var first = proposals[0].GetProperty("id").GetString();
        var accepted = await coordinator.PostAsync($"/api/assignment-runs/{runId}/proposals/{first}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("proposed", (await accepted.Json()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsync($"/api/assignment-runs/{runId}/proposals/{first}/accept", null)).StatusCode);

        var second = proposals[1].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PostAsJsonAsync($"/api/assignment-runs/{runId}/proposals/{second}/reject", new { reason = "La personne déménage." })).StatusCode);
        var many = await (await coordinator.PostAsJsonAsync($"/api/assignment-runs/{runId}/accept", new { proposalIds = proposals.Skip(1).Take(4).Select(p => p.GetProperty("id").GetString()) })).Json();
        var outcomes = many.EnumerateArray().ToList();
        Assert.False(outcomes[0].GetProperty("accepted").GetBoolean()); // the rejected one
        Assert.All(outcomes.Skip(1), o => Assert.True(o.GetProperty("accepted").GetBoolean(), o.GetProperty("reason").GetString()));
        var after = (await (await coordinator.GetAsync($"/api/assignment-runs/{runId}/proposals")).Json()).EnumerateArray();
        Assert.Equal(4, after.Count(p => p.GetProperty("status").GetString() == "accepted"));
    }

    [SkippableFact]
    public async Task Schedules_AreValidated_Registered_AndDeleted()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        Assert.Equal(["cron"], await (await coordinator.PostAsJsonAsync("/api/assignment-schedules", new { departements = new[] { "69" }, cron = "every monday" })).ErrorFields());
        var created = await coordinator.PostAsJsonAsync("/api/assignment-schedules", new { departements = new[] { "69", "38" }, cron = "0 7 * * 1", timeLimitSeconds = 30 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetString()!;
        using (var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection())
            Assert.Contains(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == $"assignment-schedule-{Guid.Parse(id):N}" && j.Cron == "0 7 * * 1");
        Assert.Contains((await (await coordinator.GetAsync("/api/assignment-schedules")).Json()).EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/assignment-schedules/{id}")).StatusCode);
        using (var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection())
            Assert.DoesNotContain(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == $"assignment-schedule-{Guid.Parse(id):N}");
    }

    [SkippableFact]
    public async Task TheDashboard_IsForAdministratorsOnly()
    {
        // Anonymous: sent to the sign-in page, like every page.
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var challenge = await anonymous.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith("/connexion", challenge.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var cookies = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await cookies.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = PlacementApp.Admin, password = PlacementApp.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookies.GetAsync("/hangfire")).StatusCode);
        // Every territory's jobs are there: a coordinator follows their own runs in the application instead.
        foreach (var other in new[] { PlacementApp.Coordinator, PlacementApp.Officer69 })
        {
            var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
            await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = other, password = PlacementApp.Password });
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hangfire")).StatusCode);
        }
    }
}

/// <summary>A run left « running » by a stopped process is taken again at the next start and finishes.</summary>
public sealed class RunRecoveryTests
{
    [SkippableFact]
    public async Task ARunLeftRunning_IsRecoveredAtStart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
        Guid runId;
        using (var first = new PlacementApp(folder) { KeepData = true })
        {
            await first.SearchReady();
            using var scope = first.Services.CreateScope();
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            var now = first.Clock.GetUtcNow();
            var run = new AssignmentRun(Guid.NewGuid(), ["15"], null, new DateOnly(2026, 12, 1), 10, false, "test", null, now);
            run.Start(now); // as if the process had stopped in the middle of the solve
            store.AssignmentRuns.Add(run);
            await store.SaveChangesAsync();
            runId = run.Id;
        }
        using var second = new PlacementApp(folder);
        var coordinator = await second.ClientFor(PlacementApp.Coordinator);
        var recovered = await Runs.WaitFinished(coordinator, runId.ToString());
        Assert.Equal("succeeded", recovered.GetProperty("state").GetString());
        using var check = second.Services.CreateScope();
        Assert.Equal(2, (await check.ServiceProvider.GetRequiredService<IMatchingStore>().AssignmentRuns.SingleAsync(r => r.Id == runId)).Attempts);
    }
}
