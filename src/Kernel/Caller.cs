namespace Placement.Kernel;

[Flags]
public enum CallerRoles
{
    None = 0,
    Admin = 1,
    Coordinator = 2,
    Officer = 4,
    Partner = 8,
    /// <summary>A host's tutor signed in by a link sent to their e-mail: their own placements and sessions only.</summary>
    Tutor = 16,
}

/// <summary>
/// Who calls a use case and what they may reach, whatever the door (API, page, CLI). Officers: the persons
/// of their SPIP. Coordinators: their départements. Partners: their host body and its posts, never
/// persons. Administrators: the whole catalogue, no person data. The host builds it from the signed-in user.
/// </summary>
public sealed record Caller(string Who, CallerRoles Roles, IReadOnlySet<string> Departements, Guid? HostBodyId)
{
    /// <summary>The name shown for the caller (a partner's tutor signing hours), when known.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Where the call comes from (the client's address), for the audit trail.</summary>
    public string? Origin { get; init; }

    /// <summary>The request that made the call (« GET /personnes/… »), for the audit trail.</summary>
    public string? Request { get; init; }

    /// <summary>No signed-in user: a background job, the command line's seeding, an anonymous visitor.</summary>
    public bool IsSystem => Roles == CallerRoles.None;

    public bool IsAdmin => Roles.HasFlag(CallerRoles.Admin);
    public bool IsCoordinator => Roles.HasFlag(CallerRoles.Coordinator);
    public bool IsOfficer => Roles.HasFlag(CallerRoles.Officer);
    public bool IsPartner => Roles.HasFlag(CallerRoles.Partner);
    public bool IsTutor => Roles.HasFlag(CallerRoles.Tutor);

    /// <summary>The host's side of a placement: its partner account or the post's tutor.</summary>
    public bool IsHostSide => IsPartner || IsTutor;

    /// <summary>Only a partner: sees its own host body, its posts and the placements there.</summary>
    public bool IsPartnerOnly => IsPartner && !IsAdmin && !IsCoordinator && !IsOfficer;

    /// <summary>Only a tutor signed in by a link: the placements of the posts that name them as tutor.</summary>
    public bool IsTutorOnly => Roles == CallerRoles.Tutor;

    /// <summary>The host's side only (a partner or a tutor): never judicial data.</summary>
    public bool IsHostSideOnly => IsPartnerOnly || IsTutorOnly;

    /// <summary>Persons: officers and coordinators, in their départements.</summary>
    public bool CanAccessPerson(string departement) => (IsOfficer || IsCoordinator) && Departements.Contains(departement);

    /// <summary>Writing a host body or its posts: administrators, coordinators of its département, its own partner.</summary>
    public bool CanEditHostBody(Guid hostBodyId, string departement) =>
        IsAdmin || (IsCoordinator && Departements.Contains(departement)) || (IsPartner && HostBodyId == hostBodyId);

    /// <summary>Inscribing posts on the departmental list, granting habilitations: administrators and coordinators of the département.</summary>
    public bool CanValidate(string departement) => IsAdmin || (IsCoordinator && Departements.Contains(departement));

    /// <summary>Refuses (403, naming them) the départements given that are not the caller's (runs and schedules: all of theirs, or none).</summary>
    public void DemandDepartements(IEnumerable<string> departements)
    {
        var outside = departements.Where(d => !Departements.Contains(d)).ToList();
        if (outside.Count > 0) throw new ForbiddenException($"Hors de votre périmètre : {string.Join(", ", outside)}.");
    }

    /// <summary>The command line, acting for the operator of the machine.</summary>
    public static Caller Operator(string who) =>
        new(who, CallerRoles.Admin, new HashSet<string>(StringComparer.Ordinal), null);
}
