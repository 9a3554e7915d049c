using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Web.Hosting;
using Placement.Web.Identity;

namespace Placement.Web.Features.Account;

/// <summary>Cookie sign-in (<see cref="PasswordSignIn"/>): growing waits after repeated failures, never a lock; back to the page asked for.</summary>
[AllowAnonymous]
public sealed class SignInModel(PasswordSignIn signIn, IAuthenticationSchemeProvider schemes) : PageModel
{
    public sealed class Credentials
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty]
    public Credentials Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The OpenID Connect provider's name when that sign-in is configured.</summary>
    public string? ExternalName { get; private set; }

    public async Task OnGetAsync(string? erreur)
    {
        await FindExternalAsync();
        if (erreur == "inconnu") ModelState.AddModelError("", "Votre identité est confirmée, mais aucun compte Placement ne correspond à votre adresse électronique. Demandez à votre coordinateur de vous créer un compte.");
        else if (erreur == "oidc") ModelState.AddModelError("", "La connexion par le fournisseur d'identité n'a pas abouti. Réessayez, ou connectez-vous avec votre mot de passe.");
    }

    public async Task<IActionResult> OnPostExternalAsync()
    {
        if (await schemes.GetSchemeAsync(OpenIdConnectSignIn.Scheme) is null) return NotFound();
        return Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" }, OpenIdConnectSignIn.Scheme);
    }

    private async Task FindExternalAsync() => ExternalName = (await schemes.GetSchemeAsync(OpenIdConnectSignIn.Scheme))?.DisplayName;

    [RateLimited(RateLimitKind.SignIn)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", "Saisissez votre adresse électronique.");
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", "Saisissez votre mot de passe.");
        await FindExternalAsync();
        if (!ModelState.IsValid) return Page();

        var outcome = await signIn.SignInAsync(Input.Email!, Input.Password!, HttpContext.Connection.RemoteIpAddress, IdentityConstants.ApplicationScheme, ct);
        if (outcome.Status == SignInStatus.SignedIn) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        if (outcome.Status == SignInStatus.TooSoon)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        ModelState.AddModelError("", outcome.Message);
        return Page();
    }
}
