using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Web.Hosting;
using Placement.Web.Identity;

namespace Placement.Web.Features.Account;

/// <summary>
/// The page a tutor's sign-in link opens. Opening it uses nothing up (mail systems open links to scan them): the tutor
/// confirms, which signs them in and spends the link (<see cref="TutorLinkSignIn"/>). An expired, used or forged link says
/// so, with the way to ask for a new one.
/// </summary>
[AllowAnonymous]
public sealed class TutorLinkModel(TutorLinkSignIn links) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Valid { get; private set; }

    public async Task OnGetAsync() => Valid = await links.IsValidAsync(Token);

    [RateLimited(RateLimitKind.SignIn)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await links.SignInAsync(Token, HttpContext.Connection.RemoteIpAddress, ct)) return LocalRedirect(TutorLinkSignIn.Landing);
        Valid = false;
        return Page();
    }
}
