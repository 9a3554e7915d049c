using System.Net;
using System.Text.Json;
using Npgsql;

namespace Placement.Web.Tests;

/// <summary>
/// Two processes of the service (both roles) on one PostgreSQL database, on loopback ports: a run executes once and
/// both nodes report it alike; concurrent accepts over both nodes never overbook a post; a cookie signed by one node is
/// accepted by the other; a node killed in the middle of a run leaves it to the other, without duplicates.
/// </summary>
public sealed class MultiNodeTests : IAsyncLifetime
{
    private readonly string _database = "placement_nodes_" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<ServiceProcess> _nodes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    private string Connection => new NpgsqlConnectionStringBuilder(PostgresPlacementApp.ServerConnection) { Database = _database, MaxPoolSize = 40 }.ConnectionString;

    private async Task<ServiceProcess> StartNode()
    {
        var node = await ServiceProcess.StartAsync(Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N")),
            "--Placement:Database:Provider", "Postgres", "--Placement:Database:ConnectionString", Connection, "--Placement:Node:Roles", "web,worker");
        _nodes.Add(node);
        return node;
    }

    private static Task<HttpClient> SignedIn(ServiceProcess node, string email) => node.SignedIn(email);

    private static Task<JsonElement> Finished(HttpClient client, string runId, int seconds) => ServiceProcess.Finished(client, runId, seconds);

    [SkippableFact]
    public async Task TwoNodes_ShareRuns_Capacity_Cookies_AndSurviveTheLossOfOne()
    {
        Skip.If(PostgresPlacementApp.ServerConnection is null, PostgresPlacementApp.NoServer);
        var a = await StartNode();   // creates the database and loads the demo data
        var b = await StartNode();
        var coordinatorA = await SignedIn(a, PlacementApp.Coordinator);
        var coordinatorB = await SignedIn(b, PlacementApp.Coordinator);

        // A run started on A executes once; both nodes say the same about it.
        var started = await coordinatorA.PostAsJsonAsync("/api/assignment-runs", new { departements = new[] { "69" }, timeLimitSeconds = 20 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Json()).GetProperty("id").GetString()!;
        var onB = await Finished(coordinatorB, runId, 120);
        var onA = await (await coordinatorA.GetAsync($"/api/assignment-runs/{runId}")).Json();
        Assert.Equal("succeeded", onB.GetProperty("state").GetString());
        foreach (var field in new[] { "state", "placed", "persons", "objective", "attempts" }.Where(f => onB.TryGetProperty(f, out _)))
            Assert.Equal(onB.GetProperty(field).ToString(), onA.GetProperty(field).ToString());
        var proposals = (await (await coordinatorB.GetAsync($"/api/assignment-runs/{runId}/proposals")).Json()).EnumerateArray().ToList();
        Assert.Equal(onB.GetProperty("placed").GetInt32(), proposals.Count);
        Assert.Equal(proposals.Count, proposals.Select(p => p.GetProperty("personId").GetString()).Distinct().Count());

        // A partner's cookie from A works on B (data-protection keys in the database).
        var jar = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = jar };
        using var cookies = new HttpClient(handler) { BaseAddress = a.Http.BaseAddress };
        (await cookies.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = PlacementApp.Partner, password = PlacementApp.Password })).EnsureSuccessStatusCode();
        var cookieHeader = string.Join("; ", jar.GetCookies(a.Http.BaseAddress!).Select(c => $"{c.Name}={c.Value}"));
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        me.Headers.Add("Cookie", cookieHeader);
        var onOtherNode = await b.Http.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, onOtherNode.StatusCode);
        Assert.Equal(PlacementApp.Partner, (await onOtherNode.Json()).GetProperty("email").GetString());

        // 50 concurrent placements over both nodes on a post with 2 places: exactly 2.
        var partnerA = await SignedIn(a, PlacementApp.Partner);
        var host = (await (await partnerA.GetAsync("/api/auth/me")).Json()).GetProperty("hostBodyId").GetString()!;
        var hostBody = await (await partnerA.GetAsync($"/api/host-bodies/{host}")).Json();
        var post = CatalogueApiTests.Post(host);
        post["capacity"] = 2;
        post["maxWeeklyHoursPerPerson"] = 20;
        post["schedule"] = new[] { new { day = "sat", start = "08:00", end = "18:00" } };
        post["address"] = JsonSerializer.Deserialize<object>(hostBody.GetProperty("address").GetRawText());
        var postId = (await (await partnerA.PostAsJsonAsync("/api/posts", post)).Json()).GetProperty("id").GetString()!;
        await partnerA.PostAsync($"/api/posts/{postId}/submit", null);
        Assert.Equal(HttpStatusCode.OK, (await coordinatorB.PostAsync($"/api/posts/{postId}/publish", null)).StatusCode);
        var officerA = await SignedIn(a, PlacementApp.Officer69);
        var officerB = await SignedIn(b, PlacementApp.Officer69);
        var persons = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            var person = PersonsApiTests.Person("69", hostBody.GetProperty("address").GetProperty("communeInsee").GetString()!);
            person["home"] = JsonSerializer.Deserialize<object>(hostBody.GetProperty("address").GetRawText());
            person["restrictions"] = null;
            person["suspensions"] = null;
            person["availability"] = new[] { new { day = "sat", start = "08:00", end = "17:00" } };
            var created = await officerA.PostAsJsonAsync("/api/persons", person);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            persons.Add((await created.Json()).GetProperty("id").GetString()!);
        }
        var answers = await Task.WhenAll(persons.Select((person, i) => (i % 2 == 0 ? officerA : officerB).PostAsJsonAsync("/api/placements", new { personId = person, postId })));
        Assert.Equal(2, answers.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(48, answers.Count(r => r.StatusCode == HttpStatusCode.Conflict));

        // A node killed during a run: the other finishes it (or fails it cleanly), never twice.
        var longRun = await coordinatorA.PostAsJsonAsync("/api/assignment-runs", new { departements = new[] { "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74" }, timeLimitSeconds = 30 });
        var longId = (await longRun.Json()).GetProperty("id").GetString()!;
        var until = DateTime.UtcNow.AddSeconds(60);
        while ((await (await coordinatorA.GetAsync($"/api/assignment-runs/{longId}")).Json()).GetProperty("state").GetString() == "queued" && DateTime.UtcNow < until)
            await Task.Delay(200);
        a.Process.Kill(entireProcessTree: true);
        var survived = await Finished(coordinatorB, longId, 180);
        Assert.Contains(survived.GetProperty("state").GetString(), new[] { "succeeded", "failed" });
        var longProposals = (await (await coordinatorB.GetAsync($"/api/assignment-runs/{longId}/proposals")).Json()).EnumerateArray().ToList();
        Assert.Equal(longProposals.Count, longProposals.Select(p => p.GetProperty("personId").GetString()).Distinct().Count());
        if (survived.GetProperty("state").GetString() == "succeeded") Assert.Equal(survived.GetProperty("placed").GetInt32(), longProposals.Count);
    }

    public Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
            try { Directory.Delete(node.DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        PostgresPlacementApp.DropDatabase(_database);
        return Task.CompletedTask;
    }
}
