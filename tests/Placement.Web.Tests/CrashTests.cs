using System.Net;
using System.Text.Json;

namespace Placement.Web.Tests;

/// <summary>
/// The process killed (SIGKILL) in the middle of work, then started again on the same data folder (SQLite): an
/// assignment run is taken up again and finishes once; every hour entry acknowledged is there exactly once; a bulk
/// accept leaves each proposal either accepted with its one placement or still pending, and sending it again finishes it.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
    private ServiceProcess? _node;

    private async Task<ServiceProcess> Start() => _node = await ServiceProcess.StartAsync(_data);

    private async Task<ServiceProcess> KillAndRestart()
    {
        _node!.Kill();
        _node.Dispose();
        return await Start();
    }

    [Fact]
    public async Task KilledDuringARun_DuringHourLogging_AndDuringABulkAccept_NothingIsLostOrDuplicated()
    {
        var node = await Start();

        // 1. An assignment run, killed while the solver works: taken up again at the next start, finished once.
        var coordinator = await node.SignedIn(PlacementApp.Coordinator);
        var started = await coordinator.PostAsJsonAsync("/api/assignment-runs", new { departements = new[] { "01", "38", "42", "69", "73", "74" }, timeLimitSeconds = 20 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = (await started.Json()).GetProperty("id").GetString()!;
        var until = DateTime.UtcNow.AddSeconds(60);
        while ((await (await coordinator.GetAsync($"/api/assignment-runs/{run}")).Json()).GetProperty("state").GetString() != "running" && DateTime.UtcNow < until)
            await Task.Delay(100);
        await Task.Delay(1500);
        node = await KillAndRestart();
        coordinator = await node.SignedIn(PlacementApp.Coordinator);
        var finished = await ServiceProcess.Finished(coordinator, run, 240);
        Assert.Equal("succeeded", finished.GetProperty("state").GetString());
        var proposals = (await (await coordinator.GetAsync($"/api/assignment-runs/{run}/proposals")).Json()).EnumerateArray().ToList();
        Assert.Equal(finished.GetProperty("placed").GetInt32(), proposals.Count);
        Assert.Equal(proposals.Count, proposals.Select(p => p.GetProperty("personId").GetString()).Distinct().Count());
        Assert.True(proposals.Count > 10, $"only {proposals.Count} proposals");

        // 2. Hour logging, killed while the SPIP sends one entry after another: every acknowledged entry, once.
        var partner = await node.SignedIn(PlacementApp.Partner);
        var officer = await node.SignedIn(PlacementApp.Officer69);
        var placement = (await (await partner.GetAsync("/api/placements")).Json()).EnumerateArray().First(p => p.GetProperty("status").GetString() is "confirmed" or "in-progress");
        var placementId = placement.GetProperty("id").GetString()!;
        var before = Days(await (await coordinator.GetAsync($"/api/placements/{placementId}")).Json());
        var acknowledged = new List<string>();
        var sending = Task.Run(async () =>
        {
            for (var day = new DateOnly(2026, 6, 1); day < new DateOnly(2026, 11, 28); day = day.AddDays(1))
            {
                try
                {
                    var response = await officer.PostAsJsonAsync($"/api/placements/{placementId}/hours", new { date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), hours = 0.5, note = "Feuille d'heures papier" });
                    if (response.StatusCode == HttpStatusCode.OK) lock (acknowledged) acknowledged.Add(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                }
                catch (HttpRequestException)
                {
                    return; // the process is gone
                }
            }
        });
        while (acknowledged.Count < 15) await Task.Delay(20);
        node = await KillAndRestart();
        await sending;
        coordinator = await node.SignedIn(PlacementApp.Coordinator);
        var after = await (await coordinator.GetAsync($"/api/placements/{placementId}")).Json();
        var days = Days(after);
        Assert.All(acknowledged, day => Assert.Equal(before.GetValueOrDefault(day) + 1, days.GetValueOrDefault(day)));
        var added = days.Sum(d => d.Value) - before.Sum(d => d.Value);
        Assert.InRange(added, acknowledged.Count, acknowledged.Count + 1); // the entry in flight, at most
        Assert.Equal(after.GetProperty("hoursLogged").GetDouble(), after.GetProperty("hours").EnumerateArray().Sum(h => h.GetProperty("hours").GetDouble()), 3);

        // 3. A bulk accept of every proposal, killed while it works through them.
        var ids = proposals.Select(p => p.GetProperty("id").GetString()).ToArray();
        var accepting = coordinator.PostAsJsonAsync($"/api/assignment-runs/{run}/accept", new { proposalIds = ids });
        await Task.Delay(300);
        node = await KillAndRestart();
        try { await accepting; } catch (HttpRequestException) { /* killed mid-answer */ } catch (TaskCanceledException) { }
        coordinator = await node.SignedIn(PlacementApp.Coordinator);
        await CheckProposalsAndPlacements(coordinator, run);
        var again = await coordinator.PostAsJsonAsync($"/api/assignment-runs/{run}/accept", new { proposalIds = ids });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var states = await CheckProposalsAndPlacements(coordinator, run);
        Assert.DoesNotContain("pending", states);
    }

    /// <summary>How many hour entries a placement holds for each day.</summary>
    private static Dictionary<string, int> Days(JsonElement placement) =>
        placement.GetProperty("hours").EnumerateArray().GroupBy(h => h.GetProperty("date").GetString()!).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Each accepted proposal has exactly one placement of its person on its post; no placement without its proposal.</summary>
    private static async Task<List<string>> CheckProposalsAndPlacements(HttpClient coordinator, string run)
    {
        var proposals = (await (await coordinator.GetAsync($"/api/assignment-runs/{run}/proposals")).Json()).EnumerateArray().ToList();
        var placements = (await (await coordinator.GetAsync("/api/placements")).Json()).EnumerateArray()
            .Select(p => (Person: p.GetProperty("personId").GetString(), Post: p.GetProperty("postId").GetString(), Status: p.GetProperty("status").GetString())).ToList();
        foreach (var p in proposals)
        {
            var person = p.GetProperty("personId").GetString();
            var post = p.GetProperty("postId").GetString();
            var mine = placements.Count(x => x.Person == person && x.Post == post && x.Status == "proposed");
            if (p.GetProperty("status").GetString() == "accepted") Assert.Equal(1, mine);
        }
        return [.. proposals.Select(p => p.GetProperty("status").GetString()!)];
    }

    public void Dispose()
    {
        _node?.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
