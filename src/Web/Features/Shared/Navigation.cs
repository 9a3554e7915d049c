
namespace Placement.Web.Features.Shared;

/// <summary>The main menu, by role: what each kind of user works with.</summary>
public static class Navigation
{
    public sealed record Item(string Label, string Href);

    public static IReadOnlyList<Item> For(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var items = new List<Item> { new("Accueil", "/") };
        if (caller.IsOfficer || caller.IsCoordinator) items.Add(new(caller.IsOfficer ? "Mes personnes" : "Personnes", "/personnes"));
        if (caller.IsOfficer || caller.IsCoordinator || caller.IsAdmin) items.Add(new("Catalogue des postes", "/catalogue"));
        if (caller.IsOfficer || caller.IsCoordinator) items.Add(new("Personnes à risque", "/personnes/a-risque"));
        if (caller.IsCoordinator || caller.IsAdmin) items.Add(new("File de validation", "/validation"));
        if (caller.IsCoordinator) items.Add(new("Affectations", "/affectations"));
        if (caller.IsCoordinator || caller.IsAdmin) items.Add(new("Importer", "/importer"));
        if (caller.IsAdmin) items.Add(new("Administration", "/administration"));
        if (caller.IsPartnerOnly)
        {
            items.Add(new("Ma structure", "/structure"));
            items.Add(new("Mes postes", "/structure/postes"));
            items.Add(new("Placements", "/structure/placements"));
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
