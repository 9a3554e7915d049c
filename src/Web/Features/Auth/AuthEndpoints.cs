using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Placement.Catalogue.Contracts;
using Placement.Web.Hosting;
using Placement.Web.Identity;

namespace Placement.Web.Features.Auth;

public sealed record LoginRequest(string? Email, string? Password);

public sealed record MeResponse(string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyCollection<string> Departements, Guid? HostBodyId);

/// <summary>Sign-in and the signed-in user.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags(ApiTags.Auth);

        api.MapPost("/login", Login).AllowAnonymous().RateLimited(RateLimitKind.SignIn)
            .WithName("Login")
            .WithSummary("Échange un courriel et un mot de passe contre un jeton porteur (ou un cookie avec ?useCookies=true). Après des échecs répétés pour une adresse ou depuis un client : 429 avec Retry-After, jamais de verrouillage.")
            .Produces<AccessTokenResponse>()
            .Problems(400, 401, 429);

        api.MapGet("/me", Me).RequireAuthorization(Policies.Authenticated)
            .WithName("Me").WithSummary("L'utilisateur connecté, ses rôles et son périmètre.")
            .Problems(401);
        return app;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        LoginRequest request, bool? useCookies, PasswordSignIn signIn, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Email)) errors.Add("email", "Ce champ est obligatoire.");
        else if (request.Email.Length > 256) errors.Add("email", "256 caractères au plus.");
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "Ce champ est obligatoire.");
        else if (request.Password.Length > 1024) errors.Add("password", "1024 caractères au plus.");
        errors.ThrowIfAny();

        var scheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var outcome = await signIn.SignInAsync(request.Email!, request.Password!, http.Connection.RemoteIpAddress, scheme, ct);
        if (outcome.Status == SignInStatus.SignedIn) return TypedResults.Empty; // the sign-in handler wrote the token or the cookie
        if (outcome.Status == SignInStatus.TooSoon)
        {
            http.Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "Trop de tentatives.", detail: outcome.Message, statusCode: StatusCodes.Status429TooManyRequests);
        }
        return TypedResults.Problem(title: "Connexion refusée.", detail: outcome.Message, statusCode: StatusCodes.Status401Unauthorized);
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user)
    {
        var scope = Callers.From(user);
        var roles = Roles.All.Where(user.IsInRole).ToList();
        return TypedResults.Ok(new MeResponse(user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "",
            user.FindFirstValue("name") ?? "", roles, scope.Departements, scope.HostBodyId));
    }
}
