using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Placement.Web.Hosting;

namespace Placement.Web.Identity;

/// <summary>
/// The demo password (<c>Placement:Demo:Password</c>, public: it is in the README) is never accepted outside development:
/// no account may be given it, and no sign-in with it succeeds, whatever the account.
/// </summary>
internal sealed class DemoPasswordValidator(IHostEnvironment env, IOptions<PlacementOptions> options) : IPasswordValidator<PlacementUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PlacementUser> manager, PlacementUser user, string? password) =>
        Task.FromResult(IsRefused(env, options.Value, password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordIsDemo", Description = "Le mot de passe de démonstration n'est pas permis hors développement." })
            : IdentityResult.Success);

    public static bool IsRefused(IHostEnvironment env, PlacementOptions options, string? password) =>
        !env.IsDevelopment() && string.Equals(password, options.Demo.Password, StringComparison.Ordinal);
}

/// <summary>Identity's sign-in, refusing the demo password outside development (pages, API, every path).</summary>
internal sealed class PlacementSignInManager(
    UserManager<PlacementUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<PlacementUser> claims,
    IOptions<IdentityOptions> identity, ILogger<SignInManager<PlacementUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PlacementUser> confirmation, IHostEnvironment env, IOptions<PlacementOptions> options)
    : SignInManager<PlacementUser>(users, context, claims, identity, logger, schemes, confirmation)
{
    public override Task<SignInResult> CheckPasswordSignInAsync(PlacementUser user, string password, bool lockoutOnFailure) =>
        DemoPasswordValidator.IsRefused(env, options.Value, password)
            ? Task.FromResult(SignInResult.Failed)
            : base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
}
