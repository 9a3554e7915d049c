using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Notifications.Features.Choices;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Notifications;

/// <summary>Mes préférences de notification: per kind, e-mail now / daily digest / application only (<see cref="NotificationChoices"/>, as the API).</summary>
public sealed class PreferencesModel(Caller caller, NotificationChoices choices) : PageModel, IReloadsOnRefusal
{
    /// <summary>The form: kind → delivery, as the API takes them.</summary>
    [BindProperty(Name = "Input")]
    public Dictionary<string, string?> Input { get; set; } = [];

    public NotificationChoicesResponse Current { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public static readonly IReadOnlyList<(string Code, string Label, string Hint)> Deliveries =
    [
        ("immediate", "Courriel immédiat", "un courriel à chaque fois"),
        ("daily-digest", "Résumé quotidien", "un seul courriel chaque matin"),
        ("application-only", "Application seulement", "aucun courriel"),
    ];

    public async Task OnGetAsync(CancellationToken ct) => Current = await choices.GetAsync(caller, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await choices.SetAsync(caller, new NotificationChoicesRequest { Choices = Input }, ct);
        Notice = "Vos préférences de notification sont enregistrées.";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken ct) => Current = await choices.GetAsync(caller, ct);
}
