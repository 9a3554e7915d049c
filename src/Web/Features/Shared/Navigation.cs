using Microsoft.AspNetCore.Mvc;

namespace Placement.Web.Features.Shared;

/// <summary>The main menu, by role: what each kind of user works with.</summary>
public static class Navigation
{
    public sealed record Item(string Label, string Href);

    /// <summary>The host's day (« Aujourd'hui »), where a tutor lands once signed in.</summary>
    public const string TodayPath = Placement.Web.Identity.TutorLinkSignIn.Landing;

    /// <summary>The menu of <paramref name="caller"/>; <paramref name="openIncidents"/>: the incidents awaiting a decision, beside « À traiter ».</summary>
    public static IReadOnlyList<Item> For(Caller caller, IUrlHelper url, int openIncidents = 0)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(url);
        // A tutor signed in by a link reaches their day and their calendar, nothing else.
        if (caller.IsTutorOnly) return [new("Aujourd'hui", TodayPath), new("Mon agenda", url.Page("/Calendar/Host/Calendar")!)];
        var items = new List<Item> { new("Accueil", url.Page("/Home/Index")!) };
        if (caller.IsOfficer || caller.IsCoordinator) items.Add(new(caller.IsOfficer ? "Mes personnes" : "Personnes", url.Page("/Persons/Index")!));
        if (caller.IsOfficer || caller.IsCoordinator || caller.IsAdmin) items.Add(new("Catalogue des postes", url.Page("/Search/Index")!));
        if (caller.IsOfficer || caller.IsCoordinator) items.Add(new("Personnes à risque", url.Page("/Persons/AtRisk")!));
        if (caller.IsOfficer || caller.IsCoordinator) items.Add(new($"À traiter ({openIncidents})", url.Page("/Incidents/Index")!));
        if (caller.IsCoordinator || caller.IsAdmin) items.Add(new("File de validation", url.Page("/Validation/Index")!));
        if (caller.IsCoordinator) items.Add(new("Affectations", url.Page("/AssignmentRuns/Index")!));
        if (caller.IsCoordinator || caller.IsAdmin) items.Add(new("Importer", url.Page("/Imports/Index", new { kind = (string?)null })!));
        if (caller.IsAdmin) items.Add(new("Administration", url.Page("/Administration/Index")!));
        if (caller.IsPartnerOnly)
        {
            items.Add(new("Aujourd'hui", url.Page("/Sessions/Host/Today")!));
            items.Add(new("Ma structure", url.Page("/HostBodies/Partner/Structure")!));
            items.Add(new("Mes postes", url.Page("/Posts/Partner/Posts")!));
            items.Add(new("Placements", url.Page("/Placements/Partner/Placements")!));
        }
        return items;
    }

    public static bool IsCurrent(Item item, string path)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Href == "/" ? path == "/"
            : item.Href is "/structure" or "/personnes" ? path.Equals(item.Href, StringComparison.OrdinalIgnoreCase) || (item.Href == "/personnes" && path.StartsWith("/personnes/", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("/personnes/a-risque", StringComparison.OrdinalIgnoreCase))
            : path.StartsWith(item.Href, StringComparison.OrdinalIgnoreCase);
    }
}
