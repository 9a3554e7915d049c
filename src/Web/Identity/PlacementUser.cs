using Microsoft.AspNetCore.Identity;

namespace Placement.Web.Identity;

/// <summary>
/// A user of Placement. An officer belongs to one SPIP (département), a coordinator to one or more
/// départements, a partner to one host body; an administrator to none.
/// </summary>
public sealed class PlacementUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Département codes, comma-separated (« 69 » for an officer, « 01,03,07 » for a coordinator).</summary>
    public string Departements { get; set; } = "";

    public Guid? HostBodyId { get; set; }

    /// <summary>A partner account created by an application, locked out until the SPIP accepts it.</summary>
    public bool AwaitingApproval { get; set; }

    /// <summary>
    /// The password is a temporary one an administrator gave (account created, password reset): until its owner chooses
    /// their own, the account reaches only « Changer mon mot de passe » (<see cref="CurrentAccounts"/>).
    /// </summary>
    public bool MustChangePassword { get; set; }

    public IReadOnlyList<string> DepartementList =>
        Departements.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public static class Roles
{
    public const string Officer = "Officer";
    public const string Partner = "Partner";
    public const string Coordinator = "Coordinator";
    public const string Admin = "Admin";
    /// <summary>A host's tutor, signed in by a link sent to their e-mail: no password, their own placements and sessions only.</summary>
    public const string Tutor = "Tutor";

    public static readonly string[] All = [Officer, Partner, Coordinator, Admin, Tutor];
}
