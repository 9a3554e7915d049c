using Microsoft.AspNetCore.Mvc.Rendering;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.HostBodies;
using Placement.Catalogue.Features.Accounts;

namespace Placement.Web.Features.Users.Administration;

/// <summary>An account as the administration's forms hold it; <see cref="ToFields"/> gives the contract the handler validates.</summary>
public sealed class UserForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public string? Departements { get; set; }
    public Guid? HostBodyId { get; set; }

    public static UserForm From(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new() { Email = account.Email, DisplayName = account.DisplayName, Role = account.Role, Departements = string.Join(", ", account.Departements), HostBodyId = account.HostBodyId };
    }

    public UserFields ToFields() => new()
    {
        Email = Email,
        DisplayName = DisplayName,
        Role = Role,
        Departements = [.. (Departements ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        HostBodyId = HostBodyId,
    };

    public static string RoleLabel(string? role) => role switch
    {
        "officer" => "Conseiller (CPIP)",
        "coordinator" => "Coordinateur",
        "partner" => "Partenaire (structure d'accueil)",
        "admin" => "Administrateur",
        _ => "—",
    };

    public static IEnumerable<SelectListItem> RoleItems =>
        Placement.Catalogue.Features.Accounts.ManageUsers.Roles.Select(r => new SelectListItem(RoleLabel(r), r));

    /// <summary>The host bodies a partner account may belong to, by département then name.</summary>
    public static IReadOnlyList<SelectListItem> HostBodyItems(IReadOnlyList<HostBodyChoice> choices, Guid? selected)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var groups = choices.Select(r => r.Departement).Distinct().ToDictionary(d => d, d => new SelectListGroup { Name = $"Département {d}" });
        return [.. choices.Select(r => new SelectListItem(r.Name, r.Id.ToString(), r.Id == selected) { Group = groups[r.Departement] })];
    }

    public static string Scope(UserAccount account, IReadOnlyDictionary<Guid, string> hostBodies)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(hostBodies);
        return account.HostBodyId is { } h ? hostBodies.GetValueOrDefault(h, "structure inconnue")
            : account.Departements.Count > 0 ? "Départements " + string.Join(", ", account.Departements) : "—";
    }
}
