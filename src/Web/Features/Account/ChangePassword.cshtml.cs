using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Web.Hosting;
using Placement.Web.Identity;

namespace Placement.Web.Features.Account;

/// <summary>
/// « Changer mon mot de passe »: where an account with a temporary password is sent until it chooses its own
/// (<see cref="CurrentAccounts"/>), and where anyone signed in may change theirs (<see cref="OwnPasswordChange"/>).
/// </summary>
public sealed class ChangePasswordModel(OwnPasswordChange change, SignInManager<PlacementUser> signIn, UserManager<PlacementUser> users) : PageModel
{
    public sealed class Fields
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? Confirmation { get; set; }
    }

    [BindProperty]
    public Fields Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The account's password is a temporary one: the page says why it is shown.</summary>
    public bool Temporary { get; private set; }

    public async Task OnGetAsync() => Temporary = (await users.GetUserAsync(User))?.MustChangePassword == true;

    [RateLimited(RateLimitKind.SignIn)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Temporary = (await users.GetUserAsync(User))?.MustChangePassword == true;
        if (Input.NewPassword is { Length: > 0 } && Input.Confirmation != Input.NewPassword)
        {
            ModelState.AddModelError("Input.Confirmation", "Les deux saisies du nouveau mot de passe diffèrent.");
            return Page();
        }
        var user = await change.HandleAsync(User, new PasswordChange(Input.CurrentPassword, Input.NewPassword), ct);
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.RefreshSignInAsync(user); // this session goes on with the new stamp; the others end
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && !ReturnUrl!.StartsWith(CurrentAccounts.ChangePasswordPage, StringComparison.OrdinalIgnoreCase) ? ReturnUrl : Url.Page("/Home/Index")!);
    }
}
