using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Placement.Web.Data;

namespace Placement.Web.Identity;

public static class IdentityExtensions
{
    private const string ChallengeScheme = "placement-challenge";

    /// <summary>
    /// ASP.NET Core Identity on the Placement database: bearer tokens for API clients, cookies for the UI;
    /// the caller's départements and host body travel as claims. One policy per role and per use.
    /// </summary>
    public static IServiceCollection AddPlacementIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityApiEndpoints<PlacementUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<FrenchIdentityErrors>()
            .AddPasswordValidator<DemoPasswordValidator>()
            .AddSignInManager<PlacementSignInManager>()
            .AddEntityFrameworkStores<PlacementDbContext>()
            .AddClaimsPrincipalFactory<PlacementClaimsFactory>()
            // Tutors' sign-in links: 15 minutes on the service's clock, once (TutorLinkSignIn).
            .AddTokenProvider<TutorLinkTokenProvider>(TutorLinkTokenProvider.Name);

        // Failed passwords slow the next attempts down (PasswordSignIn), they never lock: Identity's lockout is the
        // administrator's lock and the wait for an application's decision only.
        services.AddValidatedOptions<SignInThrottleOptions>(SignInThrottleOptions.Section);
        services.AddScoped<SignInThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<TutorLinkSignIn>();
        services.AddScoped<CalendarFeedTokens>();
        services.AddSingleton<UnknownAccountPassword>();
        services.AddScoped<Placement.Catalogue.Features.Applications.IPartnerAccounts, PartnerAccounts>();
        services.AddScoped<Placement.Catalogue.Features.Accounts.IUserAccounts, UserAccounts>();
        services.AddScoped<Placement.Notifications.Dispatch.INotificationAccounts, NotificationAccounts>();
        services.AddScoped<OwnPasswordChange>();

        // Pages challenge with the cookie (to the sign-in page), the API with the bearer scheme (401).
        services.AddAuthentication()
            .AddPolicyScheme(ChallengeScheme, null, o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddPlacementOpenIdConnect(configuration);
        services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultChallengeScheme = ChallengeScheme;
            o.DefaultForbidScheme = ChallengeScheme;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "placement";
            // Lax, not Strict: coming back from an identity provider must keep the session; cross-site POSTs still
            // carry no cookie, and every form checks an anti-forgery token.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            o.LoginPath = "/connexion";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/erreur/403";
            // The API answers 401/403; only pages are redirected.
            o.Events.OnRedirectToLogin = ctx => Deny(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Deny(ctx, StatusCodes.Status403Forbidden);
        });

        // Cookies are HttpOnly and, outside development (served over HTTPS, behind a proxy that says so), Secure only.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((o, env) => o.Cookie.SecurePolicy = SecurePolicy(env));
        services.AddAntiforgery();
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>()
            .Configure<IHostEnvironment>((o, env) =>
            {
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = SecurePolicy(env);
                o.Cookie.SameSite = SameSiteMode.Strict;
            });

        services.AddAuthorizationBuilder()
            // An endpoint that forgets to declare its policy is closed, not open.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.CatalogueRead, p => p.RequireRole(Roles.Officer, Roles.Coordinator, Roles.Admin, Roles.Partner))
            .AddPolicy(Policies.CatalogueWrite, p => p.RequireRole(Roles.Coordinator, Roles.Admin, Roles.Partner))
            .AddPolicy(Policies.HostBodyRegister, p => p.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.PostValidate, p => p.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Persons, p => p.RequireRole(Roles.Officer, Roles.Coordinator))
            .AddPolicy(Policies.Coordinator, p => p.RequireRole(Roles.Coordinator))
            .AddPolicy(Policies.Search, p => p.RequireRole(Roles.Officer, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Placements, p => p.RequireRole(Roles.Officer, Roles.Coordinator, Roles.Partner, Roles.Tutor))
            .AddPolicy(Policies.Partner, p => p.RequireRole(Roles.Partner))
            .AddPolicy(Policies.HostSide, p => p.RequireRole(Roles.Partner, Roles.Tutor))
            .AddPolicy(Policies.Incidents, p => p.RequireRole(Roles.Officer, Roles.Coordinator));
        return services;
    }

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static CookieSecurePolicy SecurePolicy(IHostEnvironment env) =>
        env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}

/// <summary>Named authorization policies; every endpoint declares one.</summary>
public static class Policies
{
    public const string Authenticated = "authenticated";
    public const string Admin = "admin";
    /// <summary>Read the catalogue (partners: their own host body only — checked by <see cref="Placement.Catalogue.Persistence.CatalogueScopes"/>).</summary>
    public const string CatalogueRead = "catalogue:read";
    /// <summary>Write host bodies and posts (partners: their own; coordinators: their départements).</summary>
    public const string CatalogueWrite = "catalogue:write";
    /// <summary>Register a new host body.</summary>
    public const string HostBodyRegister = "catalogue:register";
    /// <summary>Publish (inscribe) a post on the departmental list: the DSPIP's decision.</summary>
    public const string PostValidate = "catalogue:validate";
    /// <summary>Search the whole catalogue: officers, coordinators, administrators.</summary>
    public const string Search = "catalogue:search";
    /// <summary>Placements: officers and coordinators for their persons, partners for their host body.</summary>
    public const string Placements = "placements";
    /// <summary>The partner portal: host bodies' accounts.</summary>
    public const string Partner = "partner";
    /// <summary>The host's pages of the carrying out (« Aujourd'hui », sessions): its partner account and its tutors.</summary>
    public const string HostSide = "host-side";
    /// <summary>Incidents to decide (« À traiter »): officers and coordinators.</summary>
    public const string Incidents = "incidents";
    /// <summary>Batch assignment: coordinators.</summary>
    public const string Coordinator = "coordinator";
    /// <summary>Read and edit persons under a measure (judicial data).</summary>
    public const string Persons = "persons";
}

public static class PlacementClaims
{
    public const string Departement = "placement:departement";
    public const string HostBody = "placement:host-body";
}

internal sealed class PlacementClaimsFactory(UserManager<PlacementUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PlacementUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlacementUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var d in user.DepartementList) identity.AddClaim(new Claim(PlacementClaims.Departement, d));
        if (user.HostBodyId is { } h) identity.AddClaim(new Claim(PlacementClaims.HostBody, h.ToString()));
        if (user.DisplayName.Length > 0) identity.AddClaim(new Claim("name", user.DisplayName));
        return identity;
    }
}
