using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Placement.Web.Data;
using Placement.Catalogue.Features.Applications;

namespace Placement.Web.Identity;

/// <summary>
/// Partner accounts for the catalogue's use cases, with ASP.NET Core Identity on the Placement database. An account
/// awaiting approval is locked out (no sign-in by any path) and flagged, so that the sign-in page can say why.
/// </summary>
internal sealed class PartnerAccounts(UserManager<PlacementUser> users, PlacementDbContext db) : IPartnerAccounts
{
    public async Task<string?> AccountOfAsync(string email, CancellationToken ct) => (await users.FindByEmailAsync(email))?.Id;

    public Task HashAsIfCreatingAsync(string password, CancellationToken ct)
    {
        users.PasswordHasher.HashPassword(new PlacementUser(), password);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<string>> CheckPasswordAsync(string email, string password, CancellationToken ct)
    {
        var probe = new PlacementUser { UserName = email, Email = email };
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }
        return problems;
    }

    public async Task CreateAwaitingApprovalAsync(string email, string displayName, string password, Guid hostBodyId, string departement, CancellationToken ct)
    {
        // Creating the user saves the context: the host body and the application the use case added are saved with it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new PlacementUser
        {
            UserName = email, Email = email, DisplayName = displayName, HostBodyId = hostBodyId, Departements = departement,
            AwaitingApproval = true, LockoutEnabled = true, LockoutEnd = DateTimeOffset.MaxValue,
        };
        (await users.CreateAsync(user, password)).ThrowIfFailed("applicant.");
        (await users.AddToRoleAsync(user, Roles.Partner)).ThrowIfFailed("applicant.");
        await transaction.CommitAsync(ct);
    }

    public async Task ApproveAsync(Guid hostBodyId, CancellationToken ct)
    {
        foreach (var user in await Awaiting(hostBodyId, ct))
        {
            user.AwaitingApproval = false;
            user.LockoutEnd = null;
        }
    }

    public async Task RemoveAwaitingAsync(Guid hostBodyId, CancellationToken ct)
    {
        var awaiting = await Awaiting(hostBodyId, ct);
        var ids = awaiting.Select(u => u.Id).ToList();
        db.UserRoles.RemoveRange(await db.UserRoles.Where(r => ids.Contains(r.UserId)).ToListAsync(ct));
        db.Users.RemoveRange(awaiting);
    }

    private Task<List<PlacementUser>> Awaiting(Guid hostBodyId, CancellationToken ct) =>
        db.Users.Where(u => u.HostBodyId == hostBodyId && u.AwaitingApproval).ToListAsync(ct);
}
