using System.Security.Claims;

namespace Placement.Web.Identity;

/// <summary>The <see cref="Caller"/> of a use case, read from the signed-in user's claims (written at sign-in by the claims factory).</summary>
public static class Callers
{
    public static Caller From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return new Caller("anonyme", CallerRoles.None, new HashSet<string>(), null);
        var roles = CallerRoles.None;
        if (user.IsInRole(Roles.Admin)) roles |= CallerRoles.Admin;
        if (user.IsInRole(Roles.Coordinator)) roles |= CallerRoles.Coordinator;
        if (user.IsInRole(Roles.Officer)) roles |= CallerRoles.Officer;
        if (user.IsInRole(Roles.Partner)) roles |= CallerRoles.Partner;
        if (user.IsInRole(Roles.Tutor)) roles |= CallerRoles.Tutor;
        return new Caller(
            user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? "?",
            roles,
            user.FindAll(PlacementClaims.Departement).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            Guid.TryParse(user.FindFirstValue(PlacementClaims.HostBody), out var h) ? h : null)
        {
            DisplayName = user.FindFirstValue("name"),
        };
    }

    /// <summary>
    /// The caller of the current request, as it stands now (outside a request: nobody — a job, the command line — unless the
    /// command line acts for an account, <see cref="ActAs"/>). Read
    /// it when it is needed: during authentication itself the user is not known yet.
    /// </summary>
    public static Caller Current(IHttpContextAccessor accessor)
    {
        ArgumentNullException.ThrowIfNull(accessor);
        return accessor.HttpContext is { } http
            ? From(http.User) with { Origin = http.Connection.RemoteIpAddress?.ToString(), Request = $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}" }
            : Acting.Value ?? From(null);
    }

    private static readonly AsyncLocal<Caller?> Acting = new();

    /// <summary>
    /// The command line acting for an account (<c>import --as</c>): outside a request, that account is the caller — of the
    /// audit of persons' changes too — until the result is disposed.
    /// </summary>
    public static IDisposable ActAs(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var before = Acting.Value;
        Acting.Value = caller;
        return new Restore(before);
    }

    private sealed class Restore(Caller? before) : IDisposable
    {
        public void Dispose() => Acting.Value = before;
    }

    /// <summary>Makes the current request's <see cref="Caller"/> injectable into endpoints and pages.</summary>
    public static IServiceCollection AddCallers(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped(sp => Current(sp.GetRequiredService<IHttpContextAccessor>()));
        return services;
    }
}
