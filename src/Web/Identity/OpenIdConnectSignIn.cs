using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace Placement.Web.Identity;

/// <summary>
/// Configuration section <c>Placement:Authentication:OpenIdConnect</c>: sign-in through an OpenID Connect provider
/// (ProConnect-compatible: authorization code with PKCE, the <c>email</c> claim), off by default.
/// </summary>
public sealed class OpenIdConnectOptionsSection : IValidatableObject
{
    public const string Section = "Placement:Authentication:OpenIdConnect";

    public bool Enabled { get; set; }

    /// <summary>The provider (issuer) URL; its discovery document is at <c>/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Give it through the environment, never in a file.</summary>
    public string? ClientSecret { get; set; }

    public List<string> Scopes { get; set; } = ["openid", "email", "profile"];

    /// <summary>What the sign-in button says: « Se connecter avec ProConnect ».</summary>
    public string DisplayName { get; set; } = "ProConnect";

    /// <summary>Only for a provider on loopback in tests and development.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            yield return new ValidationResult("l'URL du fournisseur OpenID Connect est attendue quand Enabled vaut true.", [nameof(Authority)]);
        if (string.IsNullOrWhiteSpace(ClientId))
            yield return new ValidationResult("l'identifiant client est attendu quand Enabled vaut true.", [nameof(ClientId)]);
        if (!Scopes.Contains("openid", StringComparer.Ordinal) || !Scopes.Contains("email", StringComparer.Ordinal))
            yield return new ValidationResult("les portées openid et email sont nécessaires (les comptes sont retrouvés par courriel).", [nameof(Scopes)]);
    }
}

/// <summary>
/// The OpenID Connect sign-in: the provider proves who the person is; Placement finds the account with the same
/// e-mail — its role and scope decide everything, as with a password — and signs it in with the usual cookie.
/// Nobody unknown to Placement gets in.
/// </summary>
public static class OpenIdConnectSignIn
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/connexion/oidc-retour";

    public static AuthenticationBuilder AddPlacementOpenIdConnect(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        authentication.Services.AddValidatedOptions<OpenIdConnectOptionsSection>(OpenIdConnectOptionsSection.Section);
        var section = configuration.GetSection(OpenIdConnectOptionsSection.Section).Get<OpenIdConnectOptionsSection>();
        if (section is not { Enabled: true }) return authentication;
        return authentication.AddOpenIdConnect(Scheme, section.DisplayName, o =>
        {
            o.Authority = section.Authority;
            o.ClientId = section.ClientId;
            o.ClientSecret = section.ClientSecret;
            o.RequireHttpsMetadata = section.RequireHttpsMetadata;
            o.ResponseType = "code";
            o.UsePkce = true;
            // The code comes back in the query string: a top-level GET, which SameSite=Lax cookies follow.
            o.ResponseMode = "query";
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.MapInboundClaims = false;
            o.Scope.Clear();
            foreach (var scope in section.Scopes) o.Scope.Add(scope);
            o.Events.OnTokenValidated = SignInTheAccountAsync;
            o.Events.OnRemoteFailure = ctx =>
            {
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectSignIn)).LogWarning(ctx.Failure, "Connexion OpenID Connect en échec.");
                ctx.Response.Redirect(SignInPage(ctx.HttpContext, "oidc"));
                ctx.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>The sign-in page, saying why the provider's answer did not sign anyone in.</summary>
    private static string SignInPage(HttpContext http, string error) =>
        http.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage(http, "/Account/SignIn", values: new { erreur = error })!;

    private static async Task SignInTheAccountAsync(TokenValidatedContext context)
    {
        var email = context.Principal?.FindFirstValue("email");
        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<PlacementUser>>();
        var user = email is null ? null : await users.FindByEmailAsync(email);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            context.Response.Redirect(SignInPage(context.HttpContext, "inconnu"));
            context.HandleResponse();
            return;
        }
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<PlacementUser>>();
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: Scheme);
        var target = context.Properties?.RedirectUri;
        context.Response.Redirect(target is { Length: > 0 } && target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) ? target : "/");
        context.HandleResponse();
    }
}
