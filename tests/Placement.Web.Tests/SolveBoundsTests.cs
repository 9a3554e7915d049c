using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching;

namespace Placement.Web.Tests;

/// <summary>Issue 25, item 2: the work of one solve is bounded — its time limit, its size, the solves at once.</summary>
[Collection(ApiCollection.Name)]
public class SolveTimeLimitTests(PlacementApp app)
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [SkippableFact]
    public async Task ASolve_LongerThanTheConfiguredMaximum_IsRefused_SayingTheBound()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var response = await coordinator.PostAsync("/api/matching/solve", Json(Instances.With("\"timeLimitSeconds\": 10", "\"timeLimitSeconds\": 3600")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Json()).GetProperty("errors").GetProperty("options.timeLimitSeconds")[0].GetString();
        Assert.Contains("120 secondes", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync("/api/matching/solve", Json(Instances.With("\"timeLimitSeconds\": 10", "\"timeLimitSeconds\": 120")))).StatusCode);
    }

    [SkippableFact]
    public async Task ARunOrASchedule_LongerThanTheConfiguredMaximum_IsRefused_OnTimeLimitSeconds()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var run = await coordinator.PostAsJsonAsync("/api/assignment-runs", new { departements = new[] { "69" }, timeLimitSeconds = 600 });
        Assert.Equal(HttpStatusCode.BadRequest, run.StatusCode);
        Assert.Contains("120 secondes", (await run.Json()).GetProperty("errors").GetProperty("timeLimitSeconds")[0].GetString(), StringComparison.Ordinal);
        var schedule = await coordinator.PostAsJsonAsync("/api/assignment-schedules", new { departements = new[] { "69" }, cron = "0 3 * * 1", timeLimitSeconds = 600 });
        Assert.Equal(HttpStatusCode.BadRequest, schedule.StatusCode);
        Assert.Contains("120 secondes", (await schedule.Json()).GetProperty("errors").GetProperty("timeLimitSeconds")[0].GetString(), StringComparison.Ordinal);
    }
}

/// <summary>A service whose solves are small and one at a time.</summary>
public sealed class SmallSolvesApp : PlacementApp
{
    public SmallSolvesApp()
    {
        Settings["Placement:Matching:MaxPairs"] = "2";
        Settings["Placement:Matching:MaxInstanceVertices"] = "4";
        Settings["Placement:Jobs:SolverWorkers"] = "1";
    }
}

public sealed class SolveSizeAndConcurrencyTests(SmallSolvesApp app) : IClassFixture<SmallSolvesApp>
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private const string Zone = "\"exclusionZones\": [ { \"type\": \"Polygon\", \"coordinates\": [[[4.80,45.70],[4.90,45.70],[4.90,45.80],[4.80,45.70]]] } ]";

    [SkippableFact]
    public async Task AnInstanceOverItsBounds_Is413_SayingTheBound()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync("/api/matching/solve", Json(Instances.Example))).StatusCode);

        var twoPosts = Instances.With("\"posts\": [{", "\"posts\": [{ \"id\": \"post-0\", \"partnerId\": \"org-0\" }, {");
        var pairs = await coordinator.PostAsync("/api/matching/solve", Json(twoPosts));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, pairs.StatusCode);
        Assert.Contains("au plus 2 couples personne × poste (ici 4)", (await pairs.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var moreZones = Instances.With("\"maxPhysicalDemand\": \"high\", \"needsWheelchairAccess\": false", "\"maxPhysicalDemand\": \"high\", \"needsWheelchairAccess\": false, \"restrictions\": { " + Zone + " }");
        var vertices = await coordinator.PostAsync("/api/matching/solve", Json(moreZones));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, vertices.StatusCode);
        Assert.Contains("au plus 4 sommets en tout (ici 8)", (await vertices.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ASolveBeyondTheSolverWorkers_Is429_WithRetryAfter()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        using (var busy = app.Services.GetRequiredService<SolveGate>().TryEnter())
        {
            Assert.NotNull(busy);
            var refused = await coordinator.PostAsync("/api/matching/solve", Json(Instances.Example));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Contains("Au plus 1 résolution", (await refused.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync("/api/matching/solve", Json(Instances.Example))).StatusCode);
    }

    [SkippableFact]
    public async Task AnAssignmentRun_WaitsForTheNodesSolverSlot_TakenByASolve()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        string run;
        using (var busy = app.Services.GetRequiredService<SolveGate>().TryEnter())
        {
            Assert.NotNull(busy);
            run = await Runs.Start(coordinator, new { departements = new[] { "01" }, timeLimitSeconds = 5 });
            for (var i = 0; i < 12; i++)
            {
                await Task.Delay(250);
                var state = (await (await coordinator.GetAsync($"/api/assignment-runs/{run}")).Json()).GetProperty("state").GetString();
                Assert.True(state is "queued" or "running", $"the run went on to « {state} » while the only solver slot was taken");
            }
        }
        Assert.Equal("succeeded", (await Runs.WaitFinished(coordinator, run)).GetProperty("state").GetString());
    }
}
