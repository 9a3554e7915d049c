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
/// </summary>
public static class CurrentAccounts
{
    public static IApplicationBuilder UseCurrentAccountsOnly(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not null
                && !await IsCurrentAsync(context))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (context.Request.Cookies.ContainsKey("placement")) await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
            await next(context);
        });

    private static async Task<bool> IsCurrentAsync(HttpContext context)
    {
        var signIn = context.RequestServices.GetRequiredService<SignInManager<PlacementUser>>();
        var user = await signIn.ValidateSecurityStampAsync(context.User);
        return user is not null && !await signIn.UserManager.IsLockedOutAsync(user);
    }
}
