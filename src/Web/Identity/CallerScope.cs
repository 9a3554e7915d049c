using System.Security.Claims;

namespace Placement.Web.Identity;

/// <summary>
/// What the caller may see and touch, read from their claims. Officers: persons of their SPIP.
/// Coordinators: their départements. Partners: their host body and its posts, never persons.
/// Administrators: the whole catalogue, no person data.
/// </summary>
public sealed class CallerScope
{
    private readonly HashSet<string> _departements;

    public CallerScope(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        IsAdmin = user.IsInRole(Roles.Admin);
        IsCoordinator = user.IsInRole(Roles.Coordinator);
        IsOfficer = user.IsInRole(Roles.Officer);
        IsPartner = user.IsInRole(Roles.Partner);
        _departements = [.. user.FindAll(PlacementClaims.Departement).Select(c => c.Value)];
        HostBodyId = Guid.TryParse(user.FindFirstValue(PlacementClaims.HostBody), out var h) ? h : null;
    }

    public bool IsAdmin { get; }
    public bool IsCoordinator { get; }
    public bool IsOfficer { get; }
    public bool IsPartner { get; }
    public Guid? HostBodyId { get; }
    public IReadOnlyCollection<string> Departements => _departements;

    /// <summary>Persons: officers and coordinators, in their départements.</summary>
    public bool CanAccessPerson(string departement) => (IsOfficer || IsCoordinator) && _departements.Contains(departement);

    /// <summary>Reading a host body: everyone in the catalogue but partners, who see their own only.</summary>
    public bool CanReadHostBody(Guid hostBodyId) => IsAdmin || IsCoordinator || IsOfficer || (IsPartner && HostBodyId == hostBodyId);

    /// <summary>Writing a host body or its posts: administrators, coordinators of its département, its own partner.</summary>
    public bool CanEditHostBody(Guid hostBodyId, string departement) =>
        IsAdmin || (IsCoordinator && _departements.Contains(departement)) || (IsPartner && HostBodyId == hostBodyId);

    /// <summary>Inscribing posts on the departmental list (publish): administrators and coordinators of the département.</summary>
    public bool CanValidate(string departement) => IsAdmin || (IsCoordinator && _departements.Contains(departement));

    /// <summary>Restricts a listing to the departements the caller may see persons in.</summary>
    public bool SeesAllCatalogue => !IsPartner || IsAdmin || IsCoordinator || IsOfficer;
}
