using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Web.Identity;

namespace Placement.Web.Features.Account;

/// <summary>Sign-out (a POST with the anti-forgery token, from the header).</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<PlacementUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignOut", "Done");
    }

    public void OnGetDone()
    {
    }
}
