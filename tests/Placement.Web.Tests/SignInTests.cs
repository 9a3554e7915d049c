using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Placement.Web.Identity;

namespace Placement.Web.Tests;

/// <summary>
/// What the service's password hasher did, counted: the property that makes an unknown address take as long as a known
/// one (no timed test: hashing and checking are the cost, and they are done in both cases).
/// </summary>
public sealed class PasswordHashCounts
{
    private int _verified;
    private int _hashed;

    public int Verified => Volatile.Read(ref _verified);

    public int Hashed => Volatile.Read(ref _hashed);

    internal void CountVerified() => Interlocked.Increment(ref _verified);

    internal void CountHashed() => Interlocked.Increment(ref _hashed);

    /// <summary>Puts the counting hasher in a test service (one count per service).</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<PasswordHashCounts>();
        services.AddScoped<IPasswordHasher<PlacementUser>, CountingPasswordHasher>();
    }
}

/// <summary>The service's hasher, counted in <see cref="PasswordHashCounts"/>.</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options, PasswordHashCounts counts) : IPasswordHasher<PlacementUser>
{
    private readonly PasswordHasher<PlacementUser> _inner = new(options);

    public string HashPassword(PlacementUser user, string password)
    {
        counts.CountHashed();
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(PlacementUser user, string hashedPassword, string providedPassword)
    {
        counts.CountVerified();
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>
/// A service whose password checks are counted and whose clients may say which address they come from
/// (<c>X-Test-Client</c>), with the sign-in limits of <see cref="SignInThrottleOptions"/> at their defaults but 8 failures per client.
/// </summary>
public class SignInApp : PlacementApp
{
    public const string ClientHeader = "X-Test-Client";

    public PasswordHashCounts Hashes => Services.GetRequiredService<PasswordHashCounts>();

    public SignInApp()
    {
        Settings["Placement:SignIn:FreeFailuresPerAddress"] = "8";
        TestServices.Add(services =>
        {
            PasswordHashCounts.Register(services);
            services.AddSingleton<IStartupFilter, ClientFromHeader>();
        });
    }

    /// <summary>Set by the PostgreSQL variant: the service's own database there.</summary>
    protected PostgresTestDatabase? Database { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Database?.Configure(Settings);
        base.ConfigureWebHost(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Database?.Drop();
    }

    /// <summary>An anonymous client coming from <paramref name="address"/>.</summary>
    public HttpClient From(string address, bool cookies = false)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = cookies, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    private sealed class ClientFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, Func<Task> then) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address!);
                await then();
            });
            next(app);
        };
    }
}

/// <summary>
/// Issue 25, item 6 — nobody can list accounts by signing in, nor lock one: an unknown address and a wrong password get
/// the same answer after the same work; failures slow the next attempts down (429 with <c>Retry-After</c>), per address
/// typed and per client, and never lock the owner out; an account's state is said only after its right password.
/// </summary>
public class SignInTests(SignInApp app) : IClassFixture<SignInApp>
{
    private const string Wrong = "pas-le-bon-mot-de-passe";

    private static int _clients;

    /// <summary>A client address no other test uses.</summary>
    private static string NewClient() => $"198.51.100.{Interlocked.Increment(ref _clients)}";

    private async Task<string> NewOfficer() =>
        await app.Account($"agent-{Guid.NewGuid():N}@spip69.example", Roles.Officer, "69");

    private static Task<HttpResponseMessage> Login(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    [SkippableFact]
    public async Task AnUnknownAddress_IsAnsweredAsAWrongPassword_AfterAPasswordCheckToo()
    {
        await app.IndexFilled();
        var client = app.From(NewClient());
        var known = await NewOfficer();

        var before = app.Hashes.Verified;
        var wrong = await Login(client, known, Wrong);
        Assert.Equal(1, app.Hashes.Verified - before);
        before = app.Hashes.Verified;
        var unknown = await Login(client, $"personne-{Guid.NewGuid():N}@spip69.example", Wrong);
        Assert.Equal(1, app.Hashes.Verified - before);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var said = await Said(wrong);
        Assert.Equal(said, await Said(unknown));
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", said, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TheSignInPage_SaysTheSameForAnUnknownAddressAndAWrongPassword_AfterAPasswordCheckToo()
    {
        await app.IndexFilled();
        var address = NewClient();
        var known = await NewOfficer();

        var before = app.Hashes.Verified;
        var wrong = await PageSignIn(address, known, Wrong);
        Assert.Equal(1, app.Hashes.Verified - before);
        before = app.Hashes.Verified;
        var unknown = await PageSignIn(address, $"personne-{Guid.NewGuid():N}@spip69.example", Wrong);
        Assert.Equal(1, app.Hashes.Verified - before);

        Assert.Equal((HttpStatusCode.OK, "Adresse électronique ou mot de passe incorrect."), wrong);
        Assert.Equal(wrong, unknown);
    }

    [SkippableFact]
    public async Task FiveWrongPasswords_SlowTheAccountDown_ButTheRightOnePassesOnceTheWaitIsOver()
    {
        await app.IndexFilled();
        var client = app.From(NewClient());
        var email = await NewOfficer();
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await Login(client, email, Wrong)).StatusCode);

        // The sixth attempt waits 30 s, even with the right password (examining it would tell a guesser it is right).
        var early = await Login(client, email, PlacementApp.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), early.Headers.RetryAfter?.Delta);
        Assert.Equal("Trop d'essais infructueux pour ce compte ou depuis votre connexion : réessayez dans 30 secondes.", (await early.Json()).GetProperty("detail").GetString());

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(client, email, Wrong)).StatusCode);
        var doubled = await Login(client, email, PlacementApp.Password);
        Assert.Equal(TimeSpan.FromSeconds(60), doubled.Headers.RetryAfter?.Delta); // each new failure doubles the wait

        app.Clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, (await Login(client, email, PlacementApp.Password)).StatusCode);
        // Signed in from it, this connection is the owner's: the account's wait no longer holds it (its own limit still does).
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(client, email, Wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Login(client, email, PlacementApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Login(app.From(NewClient()), email, PlacementApp.Password)).StatusCode);
    }

    [SkippableFact]
    public async Task SomeoneElseFailing_NeitherEndsTheOwnersSessions_NorKeepsTheOwnerOut()
    {
        await app.IndexFilled();
        var email = await NewOfficer();
        var owner = app.From(NewClient());
        var signedIn = await Login(owner, email, PlacementApp.Password);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        owner.DefaultRequestHeaders.Authorization = new("Bearer", (await signedIn.Json()).GetProperty("accessToken").GetString());

        var attacker = app.From(NewClient());
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await Login(attacker, email, Wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/auth/me")).StatusCode); // the owner's token still works
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Login(attacker, email, Wrong)).StatusCode);

        // From the connection they signed in from, the owner is not held by the account's wait.
        Assert.Equal(HttpStatusCode.OK, (await Login(app.From(owner.DefaultRequestHeaders.GetValues(SignInApp.ClientHeader).Single()), email, PlacementApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Login(attacker, email, PlacementApp.Password)).StatusCode);
    }

    [SkippableFact]
    public async Task AnAddressNoAccountHas_IsSlowedDownExactlyAsAnAccount()
    {
        await app.IndexFilled();
        var known = await NewOfficer();
        var unknown = $"personne-{Guid.NewGuid():N}@spip69.example";
        var answers = new Dictionary<string, List<string>>();
        foreach (var email in new[] { known, unknown })
        {
            answers[email] = [];
            var client = app.From(NewClient());
            for (var i = 0; i < 7; i++)
            {
                var response = await Login(client, email, Wrong);
                answers[email].Add($"{(int)response.StatusCode} {response.Headers.RetryAfter?.Delta} {(await response.Json()).GetProperty("detail").GetString()}");
            }
        }
        Assert.Equal(answers[known], answers[unknown]);
        Assert.StartsWith("429 00:00:30 ", answers[unknown][5], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ManyAddressesTriedFromOneClient_AreSlowedDownForThatClient_NotForOthers()
    {
        await app.IndexFilled();
        var guesser = app.From(NewClient());
        for (var i = 0; i < 8; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await Login(guesser, $"essai-{Guid.NewGuid():N}@spip69.example", Wrong)).StatusCode);
        var email = await NewOfficer();
        var refused = await Login(guesser, email, PlacementApp.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await Login(app.From(NewClient()), email, PlacementApp.Password)).StatusCode);
    }

    [SkippableFact]
    public async Task AnAccountLockedByTheAdministrator_IsSaidSoOnlyAfterItsRightPassword_AndStaysLocked()
    {
        await app.IndexFilled();
        var email = await NewOfficer();
        var id = await IdOf(email);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(PlacementApp.Admin)).PostAsync($"/api/users/{id}/lock", null)).StatusCode);
        var client = app.From(NewClient());

        var wrong = await Login(client, email, Wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("Adresse électronique ou mot de passe incorrect.", (await wrong.Json()).GetProperty("detail").GetString());
        Assert.Equal((HttpStatusCode.OK, "Adresse électronique ou mot de passe incorrect."), await PageSignIn(NewClient(), email, Wrong));

        var right = await Login(client, email, PlacementApp.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal("Votre compte est verrouillé par l'administrateur : demandez-lui de le déverrouiller.", (await right.Json()).GetProperty("detail").GetString());
        app.Clock.Advance(TimeSpan.FromDays(2)); // no wait ends the administrator's lock
        Assert.Equal((HttpStatusCode.OK, "Votre compte est verrouillé par l'administrateur : demandez-lui de le déverrouiller."), await PageSignIn(NewClient(), email, PlacementApp.Password));
    }

    [SkippableFact]
    public async Task AnAccountAwaitingItsApplication_IsSaidSoOnlyAfterItsRightPassword()
    {
        await app.IndexFilled();
        var email = $"candidat-{Guid.NewGuid():N}@association.example";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlacementUser>>();
            var user = new PlacementUser { UserName = email, Email = email, AwaitingApproval = true, LockoutEnabled = true, LockoutEnd = DateTimeOffset.MaxValue };
            Assert.True((await users.CreateAsync(user, PlacementApp.Password)).Succeeded);
        }
        const string Awaiting = "Votre demande d'inscription comme structure d'accueil est en cours d'examen par le SPIP : vous pourrez vous connecter dès qu'elle sera acceptée.";

        var wrong = await Login(app.From(NewClient()), email, Wrong);
        Assert.Equal("Adresse électronique ou mot de passe incorrect.", (await wrong.Json()).GetProperty("detail").GetString());
        Assert.Equal((HttpStatusCode.OK, "Adresse électronique ou mot de passe incorrect."), await PageSignIn(NewClient(), email, Wrong));
        Assert.Equal(Awaiting, (await (await Login(app.From(NewClient()), email, PlacementApp.Password)).Json()).GetProperty("detail").GetString());
        Assert.Equal((HttpStatusCode.OK, Awaiting), await PageSignIn(NewClient(), email, PlacementApp.Password));
    }

    [SkippableFact]
    public async Task TheSignInPage_SaysHowLongToWait_With429()
    {
        await app.IndexFilled();
        var address = NewClient();
        var email = await NewOfficer();
        for (var i = 0; i < 5; i++) Assert.Equal((HttpStatusCode.OK, "Adresse électronique ou mot de passe incorrect."), await PageSignIn(address, email, Wrong));
        Assert.Equal((HttpStatusCode.TooManyRequests, "Trop d'essais infructueux pour ce compte ou depuis votre connexion : réessayez dans 30 secondes."),
            await PageSignIn(address, email, PlacementApp.Password));
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal((HttpStatusCode.Redirect, ""), await PageSignIn(address, email, PlacementApp.Password));
    }

    /// <summary>What an answer tells: its status, headers and problem (not its trace id, which every answer has its own).</summary>
    private static async Task<string> Said(HttpResponseMessage response)
    {
        var body = await response.Json();
        return $"{(int)response.StatusCode} {string.Join(";", response.Headers.Select(h => h.Key).Order())} {body.GetProperty("title")} {body.GetProperty("detail")} {body.GetProperty("status")}";
    }

    private async Task<string> IdOf(string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PlacementUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>Signs in through <c>/connexion</c> as a browser would (its anti-forgery token); the status and the error said, if any.</summary>
    private async Task<(HttpStatusCode, string)> PageSignIn(string address, string email, string password)
    {
        var client = app.From(address, cookies: true);
        var form = await client.GetStringAsync("/connexion");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/connexion", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode == HttpStatusCode.Redirect) return (response.StatusCode, "");
        var html = await response.Content.ReadAsStringAsync();
        var error = Regex.Match(html, "<div class=\"fr-alert fr-alert--error[^>]*>.*?<p>(.*?)</p>", RegexOptions.Singleline);
        return (response.StatusCode, WebUtility.HtmlDecode(error.Groups[1].Value.Trim()));
    }
}

/// <summary>The same service on PostgreSQL (a fresh database; skipped, with the reason, without a server).</summary>
public sealed class PostgresSignInApp : SignInApp
{
    public PostgresSignInApp() => Database = new PostgresTestDatabase();
}

public sealed class SignInTestsOnPostgres(PostgresSignInApp app) : SignInTests(app), IClassFixture<PostgresSignInApp>;
