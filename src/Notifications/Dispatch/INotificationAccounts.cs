namespace Placement.Notifications.Dispatch;

/// <summary>A user account as the notifications need it: who, at what address, and (a coordinator) for which départements.</summary>
public sealed record NotifiedAccount(string Id, string Email, IReadOnlyList<string> Departements);

/// <summary>
/// The user accounts the recipients are found among — kept by the host (ASP.NET Core Identity in <c>src/Web/Identity</c>):
/// accounts without an address are never returned.
/// </summary>
public interface INotificationAccounts
{
    /// <summary>The coordinators' accounts and their départements.</summary>
    Task<IReadOnlyList<NotifiedAccount>> CoordinatorsAsync(CancellationToken ct);

    /// <summary>The partner accounts of a host body.</summary>
    Task<IReadOnlyList<NotifiedAccount>> OfHostBodyAsync(Guid hostBodyId, CancellationToken ct);

    /// <summary>One account by its id; null when it is gone or has no address.</summary>
    Task<NotifiedAccount?> ByIdAsync(string id, CancellationToken ct);

    /// <summary>The id of the account with this address (compared as Identity does), if any.</summary>
    Task<string?> IdOfAsync(string email, CancellationToken ct);
}
