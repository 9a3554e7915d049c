using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Placement.Catalogue.Contracts;

namespace Placement.Web.Identity;

/// <summary>What the signed-in user sends to choose their password: the one they have, and the new one.</summary>
public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>
/// A signed-in user chooses their own password, in place of the temporary one an administrator gave
/// (<see cref="PlacementUser.MustChangePassword"/>) or of their own. The current password is asked again; the new one
/// meets the rules and differs from it. The account's security stamp is renewed: its other sessions and tokens end
/// (<see cref="CurrentAccounts"/>); the page signs its own session in again. An Identity service the page and the API share,
/// as <see cref="PasswordSignIn"/> is for signing in.
/// </summary>
public sealed class OwnPasswordChange(UserManager<PlacementUser> users)
{
    public async Task<PlacementUser> HandleAsync(ClaimsPrincipal principal, PasswordChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var user = await users.GetUserAsync(principal) ?? throw new ForbiddenException("Connectez-vous pour changer votre mot de passe.");
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(change.CurrentPassword)) errors.Add("currentPassword", "Saisissez votre mot de passe actuel.");
        else if (change.CurrentPassword.Length > 1024 || !await users.CheckPasswordAsync(user, change.CurrentPassword))
            errors.Add("currentPassword", "Mot de passe actuel incorrect.");
        if (string.IsNullOrEmpty(change.NewPassword)) errors.Add("newPassword", "Choisissez un nouveau mot de passe.");
        else if (change.NewPassword.Length > 1024) errors.Add("newPassword", "1024 caractères au plus.");
        else if (change.NewPassword == change.CurrentPassword) errors.Add("newPassword", "Choisissez un mot de passe différent de l'actuel.");
        else
            foreach (var validator in users.PasswordValidators)
                foreach (var error in (await validator.ValidateAsync(users, user, change.NewPassword)).Errors)
                    errors.Add("newPassword", error.Description);
        errors.ThrowIfAny();
        user.MustChangePassword = false; // saved with the new password
        (await users.ChangePasswordAsync(user, change.CurrentPassword!, change.NewPassword!)).ThrowIfFailed("new");
        return user;
    }
}
