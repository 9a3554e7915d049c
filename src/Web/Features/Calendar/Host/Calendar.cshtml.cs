using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Web.Identity;

namespace Placement.Web.Features.Calendar.Host;

/// <summary>
/// « Mon agenda » (host side: a tutor, a partner): the address of the account's calendar feed to copy into a calendar app,
/// and a new address that revokes the former one (<see cref="CalendarFeedTokens"/>).
/// </summary>
public sealed class CalendarModel(UserManager<PlacementUser> users, CalendarFeedTokens tokens) : PageModel
{
    public string? FeedUrl { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        FeedUrl = await tokens.CurrentAsync(user) is { } token ? FeedAddress(token) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var had = await tokens.CurrentAsync(user) is not null;
        await tokens.RenewAsync(user);
        Notice = had ? "Nouvelle adresse créée : l'ancienne ne fonctionne plus. Abonnez votre agenda à celle-ci." : "Adresse créée : abonnez votre agenda à celle-ci.";
        return RedirectToPage();
    }

    private string FeedAddress(string token) => $"{Request.Scheme}://{Request.Host}{CalendarEndpoints.FeedPath}?token={Uri.EscapeDataString(token)}";
}
