using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Placement.Catalogue.Features.Accounts;
using Placement.Catalogue.Features.HostBodies;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Users.Administration;

/// <summary>Utilisateurs: every account with its role and scope, filtered; a new account (<see cref="ManageUsers"/>) with a temporary password shown once.</summary>
public sealed class UsersModel(Caller caller, ManageUsers users, ListHostBodies hostBodies) : PageModel, IReloadsOnRefusal
{
    [BindProperty]
    public UserForm Input { get; set; } = new() { Role = "officer" };

    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "role")]
    public string? Role { get; set; }

    public IReadOnlyList<UserAccount> Items { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> HostBodies { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<SelectListItem> HostBodyItems { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? TemporaryPassword { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }
        var (account, password) = await users.CreateAsync(caller, Input.ToFields(), ct);
        Notice = $"Compte créé pour {account.DisplayName}.";
        TemporaryPassword = password.Password;
        return RedirectToPage("/Users/Administration/User", new { id = account.Id });
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        var all = await users.ListAsync(caller, ct);
        var words = (Q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Items = [.. all.Where(u => string.IsNullOrEmpty(Role) || u.Role == Role)
            .Where(u => words.All(w => $"{u.DisplayName} {u.Email}".Contains(w, StringComparison.CurrentCultureIgnoreCase)))];
        var choices = await hostBodies.ChoicesAsync(caller, ct);
        HostBodies = choices.ToDictionary(h => h.Id, h => h.Name);
        HostBodyItems = UserForm.HostBodyItems(choices, Input.HostBodyId);
    }
}
