using System.Security.Claims;
using Placement.Web.Hosting;
using Placement.Web.Identity;

namespace Placement.Web.Features.Account;

/// <summary>HTTP adapter of the signed-in user's own account (the page « Changer mon mot de passe » calls the same handler).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/account/password", async (PasswordChange change, ClaimsPrincipal user, OwnPasswordChange handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(user, change, ct);
                return TypedResults.NoContent();
            })
            .WithTags(ApiTags.Auth).RequireAuthorization(Policies.Authenticated).RateLimited(RateLimitKind.SignIn)
            .WithName("ChangeOwnPassword")
            .WithSummary("Remplace son propre mot de passe (le provisoire donné par l'administrateur, ou le sien) ; les autres sessions et jetons du compte prennent fin, celui-ci aussi : reconnectez-vous.")
            .Problems(400, 401);
        return app;
    }
}
