using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Placement.Web.Tests;

/// <summary>
/// The service as its own process (<c>dotnet Placement.Web.dll</c>) on a loopback port and a data folder: to kill it
/// (SIGKILL, no chance to clean up) and start it again on the same data, or to run several nodes.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private ServiceProcess(Process process, string url, string dataDirectory)
    {
        Process = process;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        DataDirectory = dataDirectory;
    }

    public Process Process { get; }
    public HttpClient Http { get; }
    public string DataDirectory { get; }
    public StringWriter Log { get; } = new();

    /// <summary>Starts a node (Development, demo accounts) and waits until it is ready.</summary>
    public static async Task<ServiceProcess> StartAsync(string dataDirectory, params string[] settings)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var a in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Placement.Web.dll"), "--urls", $"http://127.0.0.1:{port}", "--environment", "Development",
            "--Placement:DataDirectory", dataDirectory, "--Placement:Demo:Password", PlacementApp.Password,
            "--Placement:RateLimits:SignInPerMinute", "10000", "--Placement:RateLimits:SolvesPerMinute", "10000",
        }.Concat(settings)) start.ArgumentList.Add(a);
        var node = new ServiceProcess(Process.Start(start)!, $"http://127.0.0.1:{port}", dataDirectory);
        node.Process.OutputDataReceived += (_, e) => { lock (node.Log) node.Log.WriteLine(e.Data); };
        node.Process.ErrorDataReceived += (_, e) => { lock (node.Log) node.Log.WriteLine(e.Data); };
        node.Process.BeginOutputReadLine();
        node.Process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            Assert.False(node.Process.HasExited, "the node stopped: " + node.Log);
            try
            {
                if ((await node.Http.GetAsync("/health/ready")).IsSuccessStatusCode) return node;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            Assert.True(DateTime.UtcNow < deadline, "the node never became ready: " + node.Log);
            await Task.Delay(500);
        }
    }

    /// <summary>A client of this node signed in as <paramref name="email"/> (bearer token).</summary>
    public async Task<HttpClient> SignedIn(string email)
    {
        var login = await Http.PostAsJsonAsync("/api/auth/login", new { email, password = PlacementApp.Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Json()).GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = Http.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL: the process stops at once, whatever it was doing.</summary>
    public void Kill()
    {
        Process.Kill(entireProcessTree: true);
        Process.WaitForExit(10_000);
    }

    /// <summary>Waits for a run to end; its last state.</summary>
    public static async Task<JsonElement> Finished(HttpClient client, string runId, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var run = await (await client.GetAsync($"/api/assignment-runs/{runId}")).Json();
            if (run.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled") return run;
            Assert.True(DateTime.UtcNow < deadline, "the run did not finish: " + run);
            await Task.Delay(500);
        }
    }

    public void Dispose()
    {
        try { if (!Process.HasExited) Process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        Process.WaitForExit(10_000);
        Process.Dispose();
        Http.Dispose();
    }
}
