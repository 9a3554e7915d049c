using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Accounts;

/// <summary>
/// The administrator's management of user accounts: list, create (with a temporary password given once), change the role
/// and its scope, lock, unlock, set a new temporary password. The scope must fit the role: an officer belongs to one SPIP
/// (département), a coordinator to one or more départements, a partner to a host body, an administrator to none.
/// </summary>
public sealed class ManageUsers(IUserAccounts accounts, ICatalogueStore store, FranceGeography geography) : IUseCase
{
    public static readonly IReadOnlyList<string> Roles = ["officer", "coordinator", "partner", "admin"];

    public async Task<IReadOnlyList<UserAccount>> ListAsync(Caller caller, CancellationToken ct)
    {
        Demand(caller);
        return await accounts.ListAsync(ct);
    }

    public async Task<UserAccount> GetAsync(Caller caller, string id, CancellationToken ct)
    {
        Demand(caller);
        return await accounts.FindAsync(id, ct) ?? throw new NotFoundException("Compte");
    }

    public async Task<(UserAccount Account, TemporaryPassword Password)> CreateAsync(Caller caller, UserFields input, CancellationToken ct)
    {
        Demand(caller);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var email = input.Email?.Trim() ?? "";
        if (!email.Contains('@', StringComparison.Ordinal)) errors.Add("email", "Adresse électronique invalide.");
        var (role, departements, hostBody) = await ScopeAsync(input, errors, ct);
        errors.ThrowIfAny();
        var password = new TemporaryPassword(Generate());
        var account = await accounts.CreateAsync(email, input.DisplayName!.Trim(), role, departements, hostBody, password.Password, ct);
        return (account, password);
    }

    public async Task<UserAccount> UpdateAsync(Caller caller, string id, UserFields input, CancellationToken ct)
    {
        Demand(caller);
        ArgumentNullException.ThrowIfNull(input);
        _ = await accounts.FindAsync(id, ct) ?? throw new NotFoundException("Compte");
        var errors = new FieldErrors();
        var (role, departements, hostBody) = await ScopeAsync(input, errors, ct);
        errors.ThrowIfAny();
        return await accounts.UpdateAsync(id, input.DisplayName!.Trim(), role, departements, hostBody, ct);
    }

    public async Task<UserAccount> SetLockedAsync(Caller caller, string id, bool locked, CancellationToken ct)
    {
        Demand(caller);
        var account = await accounts.FindAsync(id, ct) ?? throw new NotFoundException("Compte");
        if (locked && account.Email.Equals(caller.Who, StringComparison.OrdinalIgnoreCase))
            throw new DomainRuleException("", "Vous ne pouvez pas verrouiller votre propre compte.");
        return await accounts.SetLockedAsync(id, locked, ct);
    }

    public async Task<TemporaryPassword> ResetPasswordAsync(Caller caller, string id, CancellationToken ct)
    {
        Demand(caller);
        _ = await accounts.FindAsync(id, ct) ?? throw new NotFoundException("Compte");
        var password = new TemporaryPassword(Generate());
        await accounts.SetPasswordAsync(id, password.Password, ct);
        return password;
    }

    private async Task<(string Role, IReadOnlyList<string> Departements, Guid? HostBody)> ScopeAsync(UserFields input, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.DisplayName)) errors.Add("displayName", "Ce champ est obligatoire.");
        else if (input.DisplayName.Trim().Length > 100) errors.Add("displayName", "100 caractères au plus.");
        var role = input.Role?.Trim().ToLowerInvariant() ?? "";
        if (!Roles.Contains(role)) errors.Add("role", $"Rôle inconnu ; attendu : {string.Join(", ", Roles)}.");
        var departements = (input.Departements ?? []).Select(d => d.Trim().ToUpperInvariant()).Where(d => d.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var unknown in departements.Where(d => geography.Departement(d) is null)) errors.Add("departements", $"Département inconnu : {unknown}.");
        Guid? hostBody = null;
        switch (role)
        {
            case "officer" when departements.Count != 1:
                errors.Add("departements", "Un conseiller appartient à un SPIP : un seul département.");
                break;
            case "coordinator" when departements.Count == 0:
                errors.Add("departements", "Un coordinateur couvre au moins un département.");
                break;
            case "partner":
                if (input.HostBodyId is not { } id || !await store.HostBodies.AnyAsync(h => h.Id == id, ct))
                    errors.Add("hostBodyId", "Choisissez la structure d'accueil du partenaire.");
                else
                {
                    hostBody = id;
                    departements = [await store.HostBodies.Where(h => h.Id == id).Select(h => h.Departement).FirstAsync(ct)];
                }
                break;
            case "admin":
                departements = [];
                break;
        }
        return (role, departements, hostBody);
    }

    private static void Demand(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAdmin) throw new ForbiddenException("La gestion des comptes est réservée aux administrateurs.");
    }

    /// <summary>A temporary password of 16 characters that meets the rules: upper and lower case, digits, a sign.</summary>
    private static string Generate()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", signs = "!?-_+*";
        var all = upper + lower + digits + signs;
        var chars = new[] { Pick(upper), Pick(lower), Pick(digits), Pick(signs) }.Concat(Enumerable.Range(0, 12).Select(_ => Pick(all))).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);

        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }
}
