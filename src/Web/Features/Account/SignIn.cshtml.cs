using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Web.Hosting;
using Placement.Web.Identity;

namespace Placement.Web.Features.Account;

/// <summary>Cookie sign-in with Identity: lockout after repeated failures, back to the page asked for.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<PlacementUser> signIn, UserManager<PlacementUser> users, IAuthenticationSchemeProvider schemes) : PageModel
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
    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", "Saisissez votre adresse électronique.");
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", "Saisissez votre mot de passe.");
        await FindExternalAsync();
        if (!ModelState.IsValid) return Page();

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(Input.Email!.Trim(), Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        var awaiting = result.IsLockedOut && await users.FindByEmailAsync(Input.Email.Trim()) is { AwaitingApproval: true };
        ModelState.AddModelError("", awaiting
            ? "Votre demande d'inscription comme structure d'accueil est en cours d'examen par le SPIP : vous pourrez vous connecter dès qu'elle sera acceptée."
            : result.IsLockedOut
            ? "Votre compte est verrouillé. Réessayez dans quelques minutes, ou demandez à l'administrateur de le déverrouiller."
            : "Adresse électronique ou mot de passe incorrect.");
        return Page();
    }
}
