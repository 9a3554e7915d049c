using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Persistence;
using Placement.Notifications.Mail;
using Placement.Notifications.Mail.Templates;

namespace Placement.Web.Identity;

/// <summary>
/// A tutor signs in by a link sent to their e-mail (the page <c>/connexion/tuteur</c>): no password, their own placements and
/// sessions only. An address named as tutor by at least one post gets an account of role <see cref="Roles.Tutor"/> alone
/// (made at the first request, named and attached as that post says) and a link valid 15 minutes, once
/// (<see cref="TutorLinkTokenProvider"/>). The page says the same whatever the address: unknown, a partner's or an officer's
/// account (their sign-in stays the password), or a tutor's. Requests are limited per address typed
/// (<see cref="SignInThrottle.LinkRequestedAsync"/>), known or not.
/// </summary>
public sealed class TutorLinkSignIn(
    SignInManager<PlacementUser> signIn, ICatalogueStore catalogue, SignInThrottle throttle, TutorLinkTokenProvider links,
    MailComposer mails, IMailSender sender, ServiceCalendar calendar, ILogger<TutorLinkSignIn> logger)
{
    /// <summary>The page a link opens; its token in <c>token</c>.</summary>
    public const string LinkPage = "/connexion/lien";

    /// <summary>Where a tutor lands once signed in: their day (« Aujourd'hui »).</summary>
    public const string Landing = "/structure/aujourdhui";

    /// <summary>Sends a link when <paramref name="email"/> is a tutor's; the wait when too many were asked for it lately (zero otherwise).</summary>
    public async Task<TimeSpan> RequestAsync(string email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        var address = email.Trim().ToLowerInvariant();
        var wait = await throttle.LinkRequestedAsync(address, ct);
        if (wait > TimeSpan.Zero) return wait;

        var post = await catalogue.Posts.AsNoTracking().Where(p => p.TutorEmail == address)
            .OrderBy(p => p.Status == Placement.Catalogue.Domain.PostStatus.Closed).ThenByDescending(p => p.UpdatedAt).FirstOrDefaultAsync(ct);
        if (post is null) return TimeSpan.Zero;

        var user = await TutorAccountAsync(address, post.Details.Tutor.Name, post.HostBodyId, post.Departement);
        if (user is null) return TimeSpan.Zero;

        var token = await signIn.UserManager.GenerateUserTokenAsync(user, TutorLinkTokenProvider.Name, TutorLinkTokenProvider.Purpose);
        var link = mails.Absolute($"{LinkPage}?token={Uri.EscapeDataString(token)}");
        var until = calendar.ToLocal(calendar.UtcNow + TutorLinkTokenProvider.Lifespan);
        var mail = new MailModel("Votre lien de connexion à Placement TIG",
            [new MailItem("Connexion", French.DateTime(calendar.ToLocal(calendar.UtcNow)),
                [
                    $"Bonjour {user.DisplayName},",
                    $"Pour suivre les personnes accueillies en TIG et leurs séances, connectez-vous avec ce lien. Il est valable 15 minutes (jusqu'à {until:HH:mm}) et ne sert qu'une fois.",
                    "Si vous n'avez pas demandé ce lien, ignorez ce message : personne ne peut se connecter sans lui.",
                ],
                link, "Me connecter")],
            PreferencesLink: null);
        try
        {
            await sender.SendAsync(await mails.ComposeAsync(mail, address, $"tutor-link.{Guid.NewGuid():N}@{mails.Domain}", calendar.UtcNow), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The page says the same: the tutor asks again; the administrators see it in the logs.
            logger.LogError(e, "The sign-in link of tutor {UserId} could not be sent", user.Id);
        }
        return TimeSpan.Zero;
    }

    /// <summary>
    /// Signs in (cookie) the tutor a link's <paramref name="token"/> names, when it is still valid; then changes the account's
    /// security stamp, so the same link fails from then on. False for an expired, used, forged or foreign token.
    /// </summary>
    public async Task<bool> SignInAsync(string? token, IPAddress? client, CancellationToken ct)
    {
        var users = signIn.UserManager;
        if (await ValidAsync(token) is not { } user) return false;
        // Used once: the stamp the token carries is no longer the account's (a concurrent use of the same link fails here).
        if (!(await users.UpdateSecurityStampAsync(user)).Succeeded) return false;

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "link")]);
        await throttle.SignedInAsync(user.Email!, client, ct);
        logger.LogInformation("Tutor {UserId} signed in by a link", user.Id);
        return true;
    }

    /// <summary>Whether <paramref name="token"/> would sign in now (the link's page asks before the tutor confirms; nothing is used up).</summary>
    public async Task<bool> IsValidAsync(string? token) => await ValidAsync(token) is not null;

    private async Task<PlacementUser?> ValidAsync(string? token)
    {
        var users = signIn.UserManager;
        if (links.UserIdOf(token) is not { } id || await users.FindByIdAsync(id) is not { } user) return null;
        if (!await IsTutorOnlyAsync(user) || (user.LockoutEnabled && user.LockoutEnd > calendar.UtcNow)) return null;
        return await users.VerifyUserTokenAsync(user, TutorLinkTokenProvider.Name, TutorLinkTokenProvider.Purpose, token!) ? user : null;
    }

    /// <summary>The tutor's account, made when missing and kept as the post names them; null when the address is another kind of account's.</summary>
    private async Task<PlacementUser?> TutorAccountAsync(string address, string name, Guid hostBodyId, string departement)
    {
        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(address);
        if (user is null)
        {
            user = new PlacementUser
            {
                UserName = address, Email = address, EmailConfirmed = true, DisplayName = name, HostBodyId = hostBodyId, Departements = departement,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                // Another request made it first: theirs is the account.
                user = await users.FindByEmailAsync(address);
                return user is not null && await IsTutorOnlyAsync(user) ? user : null;
            }
            await users.AddToRoleAsync(user, Roles.Tutor);
            return user;
        }
        if (!await IsTutorOnlyAsync(user) || (user.LockoutEnabled && user.LockoutEnd > calendar.UtcNow)) return null;
        if (user.DisplayName != name || user.HostBodyId != hostBodyId || user.Departements != departement)
        {
            (user.DisplayName, user.HostBodyId, user.Departements) = (name, hostBodyId, departement);
            await users.UpdateAsync(user);
        }
        return user;
    }

    /// <summary>A tutor's account: the role Tutor and no other, no password.</summary>
    private async Task<bool> IsTutorOnlyAsync(PlacementUser user) =>
        user.PasswordHash is null && await signIn.UserManager.GetRolesAsync(user) is [Roles.Tutor];
}
