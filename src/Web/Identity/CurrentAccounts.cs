using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Placement.Web.Identity;

/// <summary>
/// A session or a token is good only as long as its account has not changed: every change of lock, role, scope or password
/// renews the account's security stamp (<see cref="UserAccounts"/>), and every authenticated request — by cookie or bearer
/// token — is checked against the account as it is now: a stamp that is not the account's, or a locked account, makes the
/// request anonymous at once (the API answers 401, pages send to the sign-in page) and the session cookie is removed.
/// Identity checks cookies only every 30 minutes and bearer tokens never; one lookup of the account per request is the price.
/// An account whose password is a temporary one (<see cref="PlacementUser.MustChangePassword"/>) reaches only the change of
/// password, signing out and its own description: pages send it to « Changer mon mot de passe », the API answers 403.
/// </summary>
public static class CurrentAccounts
{
    /// <summary>The page where a temporary password is changed.</summary>
    public const string ChangePasswordPage = "/compte/mot-de-passe";

    /// <summary>What an account with a temporary password may reach.</summary>
    private static readonly string[] WithTemporaryPassword = [ChangePasswordPage, "/deconnexion", "/api/account/password", "/api/auth/me", "/erreur"];

    public static IApplicationBuilder UseCurrentAccountsOnly(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not null)
            {
                var user = await CurrentAsync(context);
                if (user is null)
                {
                    context.User = new ClaimsPrincipal(new ClaimsIdentity());
                    if (context.Request.Cookies.ContainsKey("placement")) await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
                else if (user.MustChangePassword && !WithTemporaryPassword.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
                {
                    if (context.Request.Path.StartsWithSegments("/api"))
                        throw new Placement.Kernel.ForbiddenException(
                            "Votre mot de passe est provisoire : choisissez le vôtre (POST /api/account/password, ou la page « Changer mon mot de passe ») avant toute autre demande.");
                    var back = context.Request.Path + context.Request.QueryString;
                    context.Response.Redirect($"{ChangePasswordPage}?returnUrl={Uri.EscapeDataString(back)}");
                    return;
                }
            }
            await next(context);
        });

    /// <summary>The account behind the request, when its stamp is current and it is not locked; otherwise null.</summary>
    private static async Task<PlacementUser?> CurrentAsync(HttpContext context)
    {
        var signIn = context.RequestServices.GetRequiredService<SignInManager<PlacementUser>>();
        var user = await signIn.ValidateSecurityStampAsync(context.User);
        return user is not null && !await signIn.UserManager.IsLockedOutAsync(user) ? user : null;
    }
}
