using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.Accounts;
using Placement.Web.Identity;

namespace Placement.Web.Features.Users;

/// <summary>HTTP adapters of the administration of user accounts (the pages call the same handler).</summary>
public static class UsersEndpoints
{
    /// <summary>A created account and the temporary password to give its user (shown once, never stored in clear).</summary>
    public sealed record CreatedUser(UserAccount Account, string TemporaryPassword);

    public static IEndpointRouteBuilder MapUsersEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags(ApiTags.Administration).Secured(Policies.Admin);
        api.MapGet("/", async (Caller caller, ManageUsers handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(caller, ct)))
            .WithName("ListUsers").WithSummary("Les comptes, avec leur rôle et leur périmètre.");
        api.MapGet("/{id}", async (string id, Caller caller, ManageUsers handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(caller, id, ct)))
            .WithName("GetUser").WithSummary("Un compte.").Problems(404);
        api.MapPost("/", async (UserFields input, Caller caller, ManageUsers handler, CancellationToken ct) =>
            {
                var (account, password) = await handler.CreateAsync(caller, input, ct);
                return TypedResults.Created($"/api/users/{account.Id}", new CreatedUser(account, password.Password));
            })
            .WithName("CreateUser").WithSummary("Crée un compte avec un mot de passe provisoire, rendu une seule fois.").Problems(400);
        api.MapPut("/{id}", async (string id, UserFields input, Caller caller, ManageUsers handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.UpdateAsync(caller, id, input, ct)))
            .WithName("UpdateUser").WithSummary("Change le nom, le rôle et le périmètre d'un compte : ses sessions et jetons en cours prennent fin aussitôt.").Problems(400, 404);
        api.MapPost("/{id}/lock", async (string id, Caller caller, ManageUsers handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SetLockedAsync(caller, id, true, ct)))
            .WithName("LockUser").WithSummary("Verrouille un compte : plus aucune connexion.").Problems(400, 404);
        api.MapPost("/{id}/unlock", async (string id, Caller caller, ManageUsers handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SetLockedAsync(caller, id, false, ct)))
            .WithName("UnlockUser").WithSummary("Déverrouille un compte.").Problems(404);
        api.MapPost("/{id}/reset-password", async (string id, Caller caller, ManageUsers handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ResetPasswordAsync(caller, id, ct)))
            .WithName("ResetUserPassword").WithSummary("Donne au compte un nouveau mot de passe provisoire, rendu une seule fois.").Problems(404);
        return app;
    }
}
