using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Features.Activities;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Activities.Administration;

/// <summary>Activités: the vocabulary (<see cref="ManageActivities"/>) — add, rename, delete one no post uses.</summary>
public sealed class ActivitiesModel(Caller caller, ManageActivities activities) : PageModel, IReloadsOnRefusal
{
    public sealed class ActivityForm
    {
        public string? Code { get; set; }
        public string? Label { get; set; }
    }

    [BindProperty]
    public ActivityForm Input { get; set; } = new();

    public IReadOnlyList<ActivityResponse> Items { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var added = await activities.AddAsync(caller, new ActivityRequest(Input.Code, Input.Label), ct);
        Notice = $"Activité « {added.Label} » ajoutée : les structures peuvent la choisir pour leurs postes.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostRenameAsync(string code, string? label, CancellationToken ct) => InTableAsync(async () =>
    {
        var renamed = await activities.RenameAsync(caller, code, new ActivityRequest(null, label), ct);
        Notice = $"Activité renommée : « {renamed.Label} ».";
    }, ct);

    public Task<IActionResult> OnPostDeleteAsync(string code, CancellationToken ct) => InTableAsync(async () =>
    {
        await activities.DeleteAsync(caller, code, ct);
        Notice = $"Activité « {code} » supprimée.";
    }, ct);

    /// <summary>An action of a table row: its refusal is said above the table (the add form's fields are not its fields).</summary>
    private async Task<IActionResult> InTableAsync(Func<Task> action, CancellationToken ct)
    {
        try
        {
            await action();
            return RedirectToPage();
        }
        catch (Placement.Kernel.DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
            await ReloadAsync(ct);
            return Page();
        }
    }

    public async Task ReloadAsync(CancellationToken ct) => Items = await activities.ListAsync(ct);
}
