using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Placement.Web.Features.Home;

/// <summary>Anonymous visitors: what the service is, and the sign-in; nothing about persons. Signed in: where to go.</summary>
[AllowAnonymous]
public sealed class IndexModel(Caller caller) : PageModel
{
    public sealed record Shortcut(string Label, string Href, string Description);

    public bool SignedIn => caller.Roles != CallerRoles.None;

    public string Name => caller.DisplayName ?? caller.Who;

    public IReadOnlyList<Shortcut> Shortcuts { get; private set; } = [];

    public void OnGet()
    {
        var shortcuts = new List<Shortcut>();
        if (caller.IsOfficer || caller.IsCoordinator)
            shortcuts.Add(new(caller.IsOfficer ? "Mes personnes" : "Personnes suivies", Url.Page("/Persons/Index")!,
                "Les personnes à placer, les placements en cours et les échéances à surveiller."));
        if (caller.IsOfficer || caller.IsCoordinator || caller.IsAdmin)
            shortcuts.Add(new("Catalogue des postes", Url.Page("/Search/Index")!, "Chercher un poste de TIG par mot-clé, commune, distance et critères."));
        if (caller.IsPartnerOnly)
        {
            shortcuts.Add(new("Placements", Url.Page("/Placements/Partner/Placements")!, "Confirmer les accueils proposés et déclarer les heures effectuées."));
            shortcuts.Add(new("Ma structure", Url.Page("/HostBodies/Partner/Structure")!, "Vos coordonnées, votre habilitation et les tuteurs de vos postes."));
        }
        if (caller.IsTutorOnly)
        {
            shortcuts.Add(new("Aujourd'hui", Shared.Navigation.TodayPath, "Les séances du jour des personnes que vous accueillez."));
            shortcuts.Add(new("Mon agenda", Url.Page("/Calendar/Host/Calendar")!, "Les séances dans votre application d'agenda."));
        }
        Shortcuts = shortcuts;
    }
}
