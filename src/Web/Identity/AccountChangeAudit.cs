using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Placement.Matching.Features.Audit;
using Placement.Web.Features.Users.Administration;
using Placement.Matching.Domain;

namespace Placement.Web.Identity;

/// <summary>
/// Adds an audit line, to the same save, for every change of an account made by a signed-in user or the command line:
/// created, its name, e-mail, scope (départements, host body), role, password, lock, approval, deleted. Whatever the
/// path (the administration's pages and API, an application's decision, a user changing their own password), the line
/// names who did it and the account changed; it concerns no person. What Identity changes by itself (security stamp,
/// failed attempts) is not an account change.
/// </summary>
public sealed class AccountChangeAudit(Func<Caller> currentCaller, TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context) await RecordAsync(context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context) RecordAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task RecordAsync(DbContext context, CancellationToken ct)
    {
        var caller = currentCaller();
        if (caller.IsSystem) return;
        var now = clock.GetUtcNow();
        var changes = new Dictionary<string, (string Email, string Action, List<string> What)>(StringComparer.Ordinal);
        void Add(string userId, string email, string action, string what)
        {
            if (!changes.TryGetValue(userId, out var change)) changes[userId] = change = (email, action, []);
            change.What.Add(what);
        }

        foreach (var entry in context.ChangeTracker.Entries<PlacementUser>().ToList())
        {
            var user = entry.Entity;
            switch (entry.State)
            {
                case EntityState.Added:
                    Add(user.Id, user.Email ?? "", AuditActions.Create, $"créé ({Scope(user.Departements, user.HostBodyId)})");
                    break;
                case EntityState.Deleted:
                    Add(user.Id, user.Email ?? "", AuditActions.Delete, "supprimé");
                    break;
                case EntityState.Modified:
                    foreach (var what in Modified(entry, ownAccount: string.Equals(user.Email, caller.Who, StringComparison.OrdinalIgnoreCase), now)) Add(user.Id, user.Email ?? "", AuditActions.Update, what);
                    break;
            }
        }
        foreach (var entry in context.ChangeTracker.Entries<IdentityUserRole<string>>().Where(e => e.State is EntityState.Added or EntityState.Deleted).ToList())
        {
            var user = await context.FindAsync<PlacementUser>([entry.Entity.UserId], ct);
            var role = await context.FindAsync<IdentityRole>([entry.Entity.RoleId], ct);
            var label = UserForm.RoleLabel(role?.Name?.ToLowerInvariant());
            Add(entry.Entity.UserId, user?.Email ?? entry.Entity.UserId, user is null || context.Entry(user).State == EntityState.Added ? AuditActions.Create : AuditActions.Update,
                entry.State == EntityState.Added ? $"rôle {label}" : $"rôle {label} retiré");
        }

        foreach (var (email, action, what) in changes.Values)
            context.Add(AuditEntry.Of(caller, now, action, $"Compte {email} : {string.Join(", ", what)}", []));
    }

    /// <summary>The account changes of a modified account, in French; none when only Identity's own bookkeeping changed.</summary>
    private static IEnumerable<string> Modified(EntityEntry<PlacementUser> entry, bool ownAccount, DateTimeOffset now)
    {
        bool Changed(string property) => entry.Property(property) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue);
        var user = entry.Entity;
        if (Changed(nameof(PlacementUser.Email))) yield return $"adresse changée (avant : {entry.Property(nameof(PlacementUser.Email)).OriginalValue})";
        if (Changed(nameof(PlacementUser.DisplayName))) yield return $"nom « {user.DisplayName} »";
        if (Changed(nameof(PlacementUser.Departements)) || Changed(nameof(PlacementUser.HostBodyId)))
            yield return $"périmètre {Scope(user.Departements, user.HostBodyId)} (avant : {Scope((string?)entry.Property(nameof(PlacementUser.Departements)).OriginalValue, (Guid?)entry.Property(nameof(PlacementUser.HostBodyId)).OriginalValue)})";
        if (Changed(nameof(PlacementUser.PasswordHash))) yield return ownAccount ? "mot de passe changé par son titulaire" : "nouveau mot de passe provisoire";
        if (Changed(nameof(PlacementUser.AwaitingApproval)) && !user.AwaitingApproval) yield return "demande acceptée, compte ouvert";
        else if (Changed(nameof(PlacementUser.LockoutEnd)))
        {
            var before = (DateTimeOffset?)entry.Property(nameof(PlacementUser.LockoutEnd)).OriginalValue;
            if (user.LockoutEnd > now) yield return "verrouillé";
            else if (before > now) yield return "déverrouillé";
        }
    }

    private static string Scope(string? departements, Guid? hostBody) =>
        (departements is { Length: > 0 } d ? $"départements {d.Replace(",", ", ", StringComparison.Ordinal)}" : "aucun département")
        + (hostBody is { } h ? $", structure {h.ToString()[..8]}" : "");
}
