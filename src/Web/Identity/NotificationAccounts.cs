using Microsoft.EntityFrameworkCore;
using Placement.Notifications.Dispatch;
using Placement.Web.Data;

namespace Placement.Web.Identity;

/// <summary>The accounts the notifications are told to, read from ASP.NET Core Identity's tables (untracked).</summary>
internal sealed class NotificationAccounts(PlacementDbContext db) : INotificationAccounts
{
    public async Task<IReadOnlyList<NotifiedAccount>> CoordinatorsAsync(CancellationToken ct)
    {
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name == Roles.Coordinator && u.Email != null
                          select new { u.Id, u.Email, u.Departements }).AsNoTracking().ToListAsync(ct);
        return rows.Select(c => new NotifiedAccount(c.Id, c.Email!, c.Departements.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToList();
    }

    public async Task<IReadOnlyList<NotifiedAccount>> OfHostBodyAsync(Guid hostBodyId, CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().Where(u => u.HostBodyId == hostBodyId && u.Email != null).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        return accounts.Select(a => new NotifiedAccount(a.Id, a.Email!, [])).ToList();
    }

    public async Task<NotifiedAccount?> ByIdAsync(string id, CancellationToken ct)
    {
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == id && u.Email != null).Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(ct);
        return owner is null ? null : new NotifiedAccount(owner.Id, owner.Email!, []);
    }

    public async Task<string?> IdOfAsync(string email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalized = email.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
    }
}
