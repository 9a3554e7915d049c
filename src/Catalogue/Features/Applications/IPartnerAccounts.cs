namespace Placement.Catalogue.Features.Applications;

/// <summary>
/// The user accounts of partners, as the catalogue's use cases need them (the accounts live with the identity, in the host).
/// <see cref="CreateAwaitingApprovalAsync"/> is the last step of an application: it saves the account together with what the
/// use case left pending in the same store, in one transaction.
/// </summary>
public interface IPartnerAccounts
{
    /// <summary>The id of the account (active, locked or awaiting approval) that has this address; null when none has it.</summary>
    Task<string?> AccountOfAsync(string email, CancellationToken ct);

    /// <summary>
    /// The work of creating an account with this password — hashing it — and nothing created: an application that creates
    /// nothing takes as long as one that does.
    /// </summary>
    Task HashAsIfCreatingAsync(string password, CancellationToken ct);

    /// <summary>What is wrong with a password under the service's rules, in French (empty when it is acceptable).</summary>
    Task<IReadOnlyList<string>> CheckPasswordAsync(string email, string password, CancellationToken ct);

    /// <summary>A partner account of <paramref name="hostBodyId"/> that cannot sign in until <see cref="ApproveAsync"/>.</summary>
    Task CreateAwaitingApprovalAsync(string email, string displayName, string password, Guid hostBodyId, string departement, CancellationToken ct);

    /// <summary>The host body's accounts awaiting approval may now sign in (saved with the store's next changes).</summary>
    Task ApproveAsync(Guid hostBodyId, CancellationToken ct);

    /// <summary>The host body's accounts awaiting approval are removed (saved with the store's next changes).</summary>
    Task RemoveAwaitingAsync(Guid hostBodyId, CancellationToken ct);
}
