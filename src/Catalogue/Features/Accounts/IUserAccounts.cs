namespace Placement.Catalogue.Features.Accounts;

/// <summary>A user account as the administration sees it: one role and its scope (départements, or a host body).</summary>
public sealed record UserAccount(string Id, string Email, string DisplayName, string Role, IReadOnlyList<string> Departements, Guid? HostBodyId,
    bool Locked, bool AwaitingApproval);

/// <summary>
/// The user accounts, as the administration's use cases need them (they live with the identity, in the host). Roles are
/// <c>officer</c>, <c>coordinator</c>, <c>partner</c>, <c>admin</c>. Failures the identity reports (an e-mail in use, a
/// password too weak) come back as field errors.
/// </summary>
public interface IUserAccounts
{
    Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct);
    Task<UserAccount?> FindAsync(string id, CancellationToken ct);
    Task<UserAccount> CreateAsync(string email, string displayName, string role, IReadOnlyList<string> departements, Guid? hostBodyId, string password, CancellationToken ct);
    Task<UserAccount> UpdateAsync(string id, string displayName, string role, IReadOnlyList<string> departements, Guid? hostBodyId, CancellationToken ct);
    Task<UserAccount> SetLockedAsync(string id, bool locked, CancellationToken ct);
    Task SetPasswordAsync(string id, string password, CancellationToken ct);
}
