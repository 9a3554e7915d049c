using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Placement.Web.Identity;

/// <summary>
/// The token of a tutor's sign-in link: the account's id, when it was made and the account's security stamp, protected by
/// the service's data-protection keys (so one node makes it and another reads it). Valid <see cref="Lifespan"/> after it
/// was made, on the injected <see cref="TimeProvider"/> — Identity's own <c>DataProtectorTokenProvider</c> reads the
/// machine's clock, which a test cannot move —, and only while the stamp is unchanged: the sign-in changes the stamp, so a
/// link works once (<see cref="TutorLinkSignIn"/>). The id travels inside the token so that the link needs nothing else.
/// </summary>
public sealed class TutorLinkTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<PlacementUser>
{
    /// <summary>The provider's name, given to <c>AddTokenProvider</c> and to <c>GenerateUserTokenAsync</c>.</summary>
    public const string Name = "TutorLink";

    /// <summary>The purpose of the token (a link signs in, nothing else).</summary>
    public const string Purpose = "tutor-sign-in";

    public static readonly TimeSpan Lifespan = TimeSpan.FromMinutes(15);

    private IDataProtector Protector => protection.CreateProtector("Placement.TutorLink.v1");

    public async Task<string> GenerateAsync(string purpose, UserManager<PlacementUser> manager, PlacementUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var stamp = await manager.GetSecurityStampAsync(user);
        var payload = string.Join('\n', user.Id, clock.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), purpose, stamp);
        return WebEncoders.Base64UrlEncode(Protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PlacementUser> manager, PlacementUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (Read(token) is not { } parts || parts.UserId != user.Id || parts.Purpose != purpose) return false;
        var now = clock.GetUtcNow();
        if (now < parts.Made || now >= parts.Made + Lifespan) return false;
        var stamp = await manager.GetSecurityStampAsync(user) ?? "";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(parts.Stamp));
    }

    /// <summary>The account a token names, when it is one of ours (its validity is <see cref="ValidateAsync"/>'s to say).</summary>
    public string? UserIdOf(string? token) => Read(token)?.UserId;

    /// <summary>A link's token cannot sign in by itself as a second factor: it is not one.</summary>
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PlacementUser> manager, PlacementUser user) => Task.FromResult(false);

    private (string UserId, DateTimeOffset Made, string Purpose, string Stamp)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2_000) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
            if (parts.Length != 4 || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks) return null;
            return (parts[0], new DateTimeOffset(ticks, TimeSpan.Zero), parts[2], parts[3]);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }
}
