using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Placement.Web.Hosting;

namespace Placement.Web.Identity;

public enum SignInStatus
{
    SignedIn,

    /// <summary>Unknown address or wrong password — one answer for both.</summary>
    Incorrect,

    /// <summary>Too many failures lately for this address typed or from this client: try again after <see cref="SignInOutcome.RetryAfter"/>.</summary>
    TooSoon,

    /// <summary>The right password, on an account the administrator locked.</summary>
    Locked,

    /// <summary>The right password, on a partner account whose application the SPIP has not decided yet.</summary>
    AwaitingApproval,
}

/// <summary>What a sign-in came to, and what the person is told (French, one wording for the pages and the API).</summary>
public sealed record SignInOutcome(SignInStatus Status, TimeSpan RetryAfter = default)
{
    public string Message => Status switch
    {
        SignInStatus.TooSoon => $"Trop d'essais infructueux pour ce compte ou depuis votre connexion : réessayez dans {Wait(RetryAfter)}.",
        SignInStatus.Locked => "Votre compte est verrouillé par l'administrateur : demandez-lui de le déverrouiller.",
        SignInStatus.AwaitingApproval => "Votre demande d'inscription comme structure d'accueil est en cours d'examen par le SPIP : vous pourrez vous connecter dès qu'elle sera acceptée.",
        _ => "Adresse électronique ou mot de passe incorrect.",
    };

    /// <summary>Whole seconds, rounded up, for <c>Retry-After</c>.</summary>
    public int RetryAfterSeconds => (int)Math.Ceiling(RetryAfter.TotalSeconds);

    private static string Wait(TimeSpan wait) => wait.TotalSeconds <= 60
        ? $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} {Plural.Of((int)Math.Ceiling(wait.TotalSeconds), "seconde", "secondes")}"
        : $"{(int)Math.Ceiling(wait.TotalMinutes)} minutes";
}

/// <summary>
/// Password sign-in for the page <c>/connexion</c> and <c>POST /api/auth/login</c>. Nothing the answer says, nor how long it
/// takes, depends on whether an account has the address: an unknown address has a password checked too (against a hash
/// made once with the same hasher), and counts its failures as an account would. Failures slow the next attempts down
/// (<see cref="SignInThrottle"/>) but never lock: the right password passes once the wait is over, and the owner's usual
/// connection is spared their account's wait. An account's state (locked by the administrator, awaiting approval) is said
/// only after the right password. The demo password is refused outside development like a wrong one.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<PlacementUser> signIn, IPasswordHasher<PlacementUser> hasher, SignInThrottle throttle, UnknownAccountPassword unknown,
    TimeProvider clock, IHostEnvironment env, IOptions<PlacementOptions> options)
{
    /// <summary>Checks the password and, when right and the account may sign in, signs in with <paramref name="scheme"/> (cookie or bearer token).</summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password, IPAddress? client, string scheme, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        email = email.Trim();
        var wait = await throttle.WaitAsync(email, client, ct);
        if (wait > TimeSpan.Zero) return new SignInOutcome(SignInStatus.TooSoon, wait);

        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email);
        if (user?.PasswordHash is null || !await users.CheckPasswordAsync(user, password) || DemoPasswordValidator.IsRefused(env, options.Value, password))
        {
            if (user?.PasswordHash is null) hasher.VerifyHashedPassword(unknown.User, unknown.Hash, password);
            await throttle.FailedAsync(email, client, ct);
            return new SignInOutcome(SignInStatus.Incorrect);
        }

        if (user.AwaitingApproval) return new SignInOutcome(SignInStatus.AwaitingApproval);
        if (user.LockoutEnabled && user.LockoutEnd > clock.GetUtcNow()) return new SignInOutcome(SignInStatus.Locked);
        if (!await signIn.CanSignInAsync(user)) return new SignInOutcome(SignInStatus.Incorrect);

        signIn.AuthenticationScheme = scheme;
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
        await throttle.SignedInAsync(email, client, ct);
        return new SignInOutcome(SignInStatus.SignedIn);
    }
}

/// <summary>
/// The hash an unknown address's password is checked against: made once, by the service's own hasher (so with its
/// algorithm and its iterations), from a random password nobody knows.
/// </summary>
public sealed class UnknownAccountPassword(IServiceScopeFactory scopes)
{
    private readonly Lazy<string> _hash = new(() =>
    {
        using var scope = scopes.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<PlacementUser>>();
        return hasher.HashPassword(new PlacementUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
    });

    public PlacementUser User { get; } = new() { UserName = "", Email = "" };

    public string Hash => _hash.Value;
}
