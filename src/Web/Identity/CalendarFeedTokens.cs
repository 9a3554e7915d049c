using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Placement.Web.Identity;

/// <summary>
/// The secret of a host-side account's calendar feed (<c>/api/tutors/me/calendar.ics?token=</c>): calendar apps cannot sign
/// in, so the address itself is the key. The token is <c>{account id}.{secret}</c>, the secret 32 random bytes (base64url);
/// the account keeps it as an Identity authentication token (<c>Placement</c> / <c>calendar</c>), protected by the service's
/// data-protection keys so that the page can show the address again and the database alone does not give it away. A feed
/// is found by the id, then the secret compared in constant time; a new one revokes the old.
/// </summary>
public sealed class CalendarFeedTokens(UserManager<PlacementUser> users, IDataProtectionProvider protection)
{
    public const string LoginProvider = "Placement";
    public const string TokenName = "calendar";

    private IDataProtector Protector => protection.CreateProtector("Placement.CalendarFeed.v1");

    /// <summary>The account's current token, null when it has none yet (or its secret can no longer be read).</summary>
    public async Task<string?> CurrentAsync(PlacementUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Secret(await users.GetAuthenticationTokenAsync(user, LoginProvider, TokenName)) is { } secret ? $"{user.Id}.{secret}" : null;
    }

    /// <summary>A new token for the account; the former one stops working at once.</summary>
    public async Task<string> RenewAsync(PlacementUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var stored = await users.SetAuthenticationTokenAsync(user, LoginProvider, TokenName, Protector.Protect(secret));
        if (!stored.Succeeded) throw new InvalidOperationException(string.Join(" ", stored.Errors.Select(e => e.Description)));
        return $"{user.Id}.{secret}";
    }

    /// <summary>The account a token opens the feed of; null for any token that is not its account's current one.</summary>
    public async Task<PlacementUser?> FindAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var dot = token.LastIndexOf('.');
        if (dot <= 0 || dot == token.Length - 1) return null;
        if (await users.FindByIdAsync(token[..dot]) is not { } user) return null;
        var expected = Secret(await users.GetAuthenticationTokenAsync(user, LoginProvider, TokenName));
        if (expected is null) return null;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(token[(dot + 1)..])) ? user : null;
    }

    private string? Secret(string? stored)
    {
        if (stored is null) return null;
        try
        {
            return Protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
