using Microsoft.AspNetCore.Builder;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Placement.Web.Tests;

/// <summary>
/// The real service in memory: SQLite in a fresh data folder, demo data and demo accounts loaded at
/// start, the clock fixed at 2026-11-28 09:00 UTC.
/// </summary>
public class PlacementApp : WebApplicationFactory<Program>
{
    public const string Password = "Demo-Placement-2026!";
    public const string Admin = "admin@demo.placement";
    public const string Coordinator = "coordinateur@demo.placement";
    public const string Officer69 = "cpip69@demo.placement";
    public const string Officer38 = "cpip38@demo.placement";
    public const string Partner = "partenaire@demo.placement";

    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public PlacementApp() : this(Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"))) { }

    /// <summary>A service on a given data folder (to restart on the same database); the folder is kept when <see cref="KeepData"/>.</summary>
    internal PlacementApp(string dataDirectory) => DataDirectory = dataDirectory;

    public string DataDirectory { get; }

    public bool KeepData { get; set; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The hosting environment (Development: demo accounts allowed, cookies over plain HTTP).</summary>
    public string HostEnvironment { get; init; } = "Development";

    /// <summary>More configuration for this service (an OpenID provider's address…), set before it starts.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>More service replacements for this service, applied after the fixed clock.</summary>
    public List<Action<IServiceCollection>> TestServices { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(HostEnvironment);
        builder.UseSetting("Placement:DataDirectory", DataDirectory);
        builder.UseSetting("Placement:Demo:Enabled", "true");
        builder.UseSetting("Placement:Demo:Password", Password);
        // The suites sign in and export far more than a person would; the limits have their own test.
        builder.UseSetting("Placement:RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("Placement:RateLimits:SolvesPerMinute", "10000");
        builder.UseSetting("Placement:RateLimits:ExportsPerMinute", "10000");
        builder.UseSetting("Placement:RateLimits:ApplicationsPerMinute", "10000");
        // Every client of the suites comes from one address; an address typed keeps its own limit (SignInThrottleTests).
        builder.UseSetting("Placement:SignIn:FreeFailuresPerAddress", "10000");
        builder.UseSetting("Placement:RateLimits:CoDefendantLinksPerMinute", "10000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFilter>();
            foreach (var configure in TestServices) configure(services);
        });
    }

    /// <summary>The address the in-memory server gives its clients (it has no network; Kestrel gives 127.0.0.1).</summary>
    public const string ClientAddress = "192.0.2.10";

    private sealed class ClientAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (Microsoft.AspNetCore.Http.HttpContext context, Func<Task> then) =>
            {
                context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Parse(ClientAddress);
                await then();
            });
            next(app);
        };
    }

    /// <summary>A client signed in as <paramref name="email"/> with a bearer token (null: anonymous).</summary>
    public async Task<HttpClient> ClientFor(string? email)
    {
        await IndexFilled();
        return await ClientBeforeReady(email);
    }

    /// <summary>A client as <see cref="ClientFor"/>, without waiting for the search index (to see a service that is starting).</summary>
    public async Task<HttpClient> ClientBeforeReady(string? email)
    {
        var client = CreateClient();
        if (email is null) return client;
        var token = _tokens.TryGetValue(email, out var t) ? t : _tokens[email] = await Login(client, email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A partner account of <paramref name="hostBodyId"/> (its département given), signed in with <see cref="Password"/>.</summary>
    public Task<string> PartnerAccount(string email, string hostBodyId, string departement) =>
        NewAccount(email, Placement.Web.Identity.Roles.Partner, departement, Guid.Parse(hostBodyId));

    /// <summary>An account beside the demo ones (the demo password), e.g. a coordinator of another territory.</summary>
    public Task<string> Account(string email, string role, params string[] departements) =>
        NewAccount(email, role, string.Join(',', departements), hostBody: null);

    private async Task<string> NewAccount(string email, string role, string departements, Guid? hostBody)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Placement.Web.Identity.PlacementUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new Placement.Web.Identity.PlacementUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, Departements = departements, HostBodyId = hostBody };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        return email;
    }

    /// <summary>Waits until the background indexer has caught up: index filled, outbox empty.</summary>
    /// <summary>
    /// Waits for the first filling of the search index (a fresh service answers 503 to searches until then, as
    /// a person would see it): the suites start working as an officer would, on a service that is ready.
    /// </summary>
    public async Task IndexFilled()
    {
        var readiness = Services.GetRequiredService<Placement.Catalogue.Search.SearchReadiness>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!readiness.Filled)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the search index was never filled");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until every catalogue change is in the search index.</summary>
    public async Task SearchReady()
    {
        await IndexFilled();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var scope = Services.CreateScope();
            var store = scope.ServiceProvider.GetRequiredService<Placement.Catalogue.Persistence.ICatalogueStore>();
            var pending = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(store.SearchOutbox);
            var indexed = await Services.GetRequiredService<Placement.Catalogue.Search.IPostSearchIndex>().CountAsync();
            if (pending == 0 && indexed > 0 && Services.GetRequiredService<Placement.Catalogue.Search.SearchReadiness>().IsReady) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"search index not ready: {indexed} indexed, {pending} pending");
            await Task.Delay(100);
        }
    }

    private static async Task<string> Login(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // Hangfire's process-wide state must not outlive its host.
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
            Hangfire.JobActivator.Current = new Hangfire.JobActivator();
            try { if (!KeepData) Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { /* SQLite may still hold the file on some platforms; the temp folder is cleaned later. */ }
        }
    }
}

/// <summary>One demo-loaded service shared by the API tests (loading takes a few seconds).</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<PlacementApp>
{
    public const string Name = "api";
}

internal static class Http
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The field names of a 400 ValidationProblemDetails, sorted.</summary>
    public static async Task<string[]> ErrorFields(this HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Json();
        return [.. body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }
}
