using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Placement.Web.Data;
using Placement.Catalogue.Features.Accounts;

namespace Placement.Web.Identity;

/// <summary>
/// User accounts for the administration's use cases, with ASP.NET Core Identity: one role per account, the scope on the
/// user, locking through Identity's lockout (no sign-in by any path), a changed role or scope effective at the next sign-in.
/// </summary>
internal sealed class UserAccounts(UserManager<PlacementUser> users, PlacementDbContext db) : IUserAccounts
{
    private static readonly Dictionary<string, string> RoleNames = new(StringComparer.Ordinal)
    {
        ["officer"] = Roles.Officer, ["coordinator"] = Roles.Coordinator, ["partner"] = Roles.Partner, ["admin"] = Roles.Admin,
    };

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct)
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name!);
        var all = await db.Users.AsNoTracking().ToListAsync(ct);
        return [.. all.OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).Select(u => Account(u, byUser.GetValueOrDefault(u.Id)))];
    }

    public async Task<UserAccount?> FindAsync(string id, CancellationToken ct) =>
        await users.FindByIdAsync(id) is { } user ? Account(user, (await users.GetRolesAsync(user)).FirstOrDefault()) : null;

    public async Task<UserAccount> CreateAsync(string email, string displayName, string role, IReadOnlyList<string> departements, Guid? hostBodyId, string password, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new PlacementUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            Departements = string.Join(',', departements), HostBodyId = hostBodyId, MustChangePassword = true,
        };
        (await users.CreateAsync(user, password)).ThrowIfFailed();
        (await users.AddToRoleAsync(user, RoleNames[role])).ThrowIfFailed();
        await transaction.CommitAsync(ct);
        return Account(user, RoleNames[role]);
    }

    public async Task<UserAccount> UpdateAsync(string id, string displayName, string role, IReadOnlyList<string> departements, Guid? hostBodyId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("Compte");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = displayName;
        user.Departements = string.Join(',', departements);
        user.HostBodyId = hostBodyId;
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([RoleNames[role]]))
        {
            (await users.RemoveFromRolesAsync(user, current)).ThrowIfFailed();
            (await users.AddToRoleAsync(user, RoleNames[role])).ThrowIfFailed();
        }
        (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
        await transaction.CommitAsync(ct);
        return Account(user, RoleNames[role]);
    }

    public async Task<UserAccount> SetLockedAsync(string id, bool locked, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("Compte");
        (await users.SetLockoutEnabledAsync(user, true)).ThrowIfFailed();
        (await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null)).ThrowIfFailed();
        if (!locked) (await users.ResetAccessFailedCountAsync(user)).ThrowIfFailed();
        (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
        return Account(user, (await users.GetRolesAsync(user)).FirstOrDefault());
    }

    public async Task SetPasswordAsync(string id, string password, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("Compte");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.MustChangePassword = true; // saved with the new password
        (await users.ResetPasswordAsync(user, token, password)).ThrowIfFailed();
    }

    private static UserAccount Account(PlacementUser user, string? roleName) =>
        new(user.Id, user.Email ?? "", user.DisplayName, RoleNames.FirstOrDefault(r => r.Value == roleName).Key ?? "", user.DepartementList, user.HostBodyId,
            user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow, user.AwaitingApproval);
}
