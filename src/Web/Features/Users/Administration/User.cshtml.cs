using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Placement.Catalogue.Features.Accounts;
using Placement.Catalogue.Features.HostBodies;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Users.Administration;

/// <summary>One account (<see cref="ManageUsers"/>): its role and scope changed, locked or unlocked, a new temporary password.</summary>
public sealed class UserModel(Caller caller, ManageUsers users, ListHostBodies hostBodies) : PageModel, IReloadsOnRefusal
{
    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty]
    public UserForm Input { get; set; } = new();

    public UserAccount Account { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> HostBodyItems { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? TemporaryPassword { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        Input = UserForm.From(Account);
        HostBodyItems = UserForm.HostBodyItems(await hostBodies.ChoicesAsync(caller, ct), Input.HostBodyId);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await users.UpdateAsync(caller, Id, Input.ToFields(), ct);
        Notice = $"Compte enregistré ; le rôle et le périmètre de {saved.DisplayName} valent aussitôt (ses sessions en cours prennent fin).";
        return RedirectToPage("/Users/Administration/User", new { id = Id });
    }

    public async Task<IActionResult> OnPostLockAsync(bool locked, CancellationToken ct)
    {
        var account = await users.SetLockedAsync(caller, Id, locked, ct);
        Notice = locked ? $"Compte verrouillé : {account.DisplayName} ne peut plus se connecter." : $"Compte déverrouillé : {account.DisplayName} peut de nouveau se connecter.";
        return RedirectToPage("/Users/Administration/User", new { id = Id });
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        TemporaryPassword = (await users.ResetPasswordAsync(caller, Id, ct)).Password;
        Notice = "Un nouveau mot de passe provisoire est attribué ; l'ancien ne fonctionne plus.";
        return RedirectToPage("/Users/Administration/User", new { id = Id });
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Account = await users.GetAsync(caller, Id, ct);
        HostBodyItems = UserForm.HostBodyItems(await hostBodies.ChoicesAsync(caller, ct), Input.HostBodyId ?? Account.HostBodyId);
    }
}
