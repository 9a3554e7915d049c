using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Placement.Benchmarks;

/// <summary>The service as a child process on a loopback port (Release build, SQLite, demo data), with extra settings.</summary>
internal sealed class Service(Process process, Uri address) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };

    public static async Task<Service> StartAsync(string data, params string[] settings)
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
            "--Placement:DataDirectory", data, "--Placement:Demo:Password", "Demo-Placement-2026!", "--Placement:RateLimits:SignInPerMinute", "100000",
            "--Logging:LogLevel:Default", "Warning",
        }.Concat(settings)) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new Service(process, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException("the service stopped at start");
            try
            {
                if ((await service._http.GetAsync("/health/ready")).IsSuccessStatusCode) return service;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the service never became ready");
            await Task.Delay(500);
        }
    }

    public async Task<HttpClient> SignedIn(string email)
    {
        var login = await _http.PostAsJsonAsync("/api/auth/login", new { email, password = "Demo-Placement-2026!" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = _http.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public double WorkingSetMiB()
    {
        process.Refresh();
        return process.WorkingSet64 / 1024.0 / 1024.0;
    }

    /// <summary>The service's peak resident memory (VmHWM).</summary>
    public double PeakMiB()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public void Stop()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Stop();
        process.Dispose();
        _http.Dispose();
    }
}
