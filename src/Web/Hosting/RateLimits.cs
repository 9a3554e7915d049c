using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Placement.Web.Hosting;

/// <summary>Configuration section <c>Placement:RateLimits</c>: how many requests a minute, per client.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Placement:RateLimits";

    /// <summary>Sign-in attempts (page and API) per address.</summary>
    [Range(1, 100_000, ErrorMessage = "entre 1 et 100 000.")]
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Solves (<c>POST /api/matching/solve</c>) and assignment runs started (API and page), per user.</summary>
    [Range(1, 100_000, ErrorMessage = "entre 1 et 100 000.")]
    public int SolvesPerMinute { get; set; } = 10;

    /// <summary>Spreadsheet exports (the pages' <c>Xlsx</c> and <c>Csv</c> handlers) per user.</summary>
    [Range(1, 100_000, ErrorMessage = "entre 1 et 100 000.")]
    public int ExportsPerMinute { get; set; } = 30;

    /// <summary>Applications « Devenir structure d'accueil » (page and API) per address: each hashes a password, some write.</summary>
    [Range(1, 100_000, ErrorMessage = "entre 1 et 100 000.")]
    public int ApplicationsPerMinute { get; set; } = 10;
    /// <summary>
    /// Co-defendants linked by case number and birth date (<c>POST /api/persons/{id}/co-defendants</c> and the person's page),
    /// per user: the only lookup that may find another SPIP's person, so a search by trying birth dates stays slow (and audited).
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "entre 1 et 100 000.")]
    public int CoDefendantLinksPerMinute { get; set; } = 10;
}

/// <summary>The limits a request can fall under.</summary>
public enum RateLimitKind
{
    /// <summary>A sign-in attempt, counted per address.</summary>
    SignIn,

    /// <summary>A solve or an assignment run started, counted per user.</summary>
    Solve,

    /// <summary>A spreadsheet export, counted per user.</summary>
    Export,

    /// <summary>An application « Devenir structure d'accueil », counted per address.</summary>
    Application,
    /// <summary>A co-defendant linked by case number and birth date, counted per user.</summary>
    CoDefendantLink,
}

/// <summary>
/// Puts an endpoint (a minimal API, through <see cref="RateLimits.RateLimited{TBuilder}"/>) or a page handler method under
/// one of the limits.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RateLimitedAttribute(RateLimitKind kind) : Attribute
{
    public RateLimitKind Kind { get; } = kind;
}

/// <summary>
/// The limits, in one place, keyed on the endpoint reached: sign-in attempts and applications by address, solves and runs by user, exports by user,
/// co-defendants linked by case number and birth date by user — fixed windows of a
/// minute; everything else unlimited here. Over the limit: 429 with <c>Retry-After</c>, a French ProblemDetails for the
/// API, the French error page for pages.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddPlacementRateLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return Kind(context) switch
                {
                    RateLimitKind.SignIn => Window($"sign-in:{context.Connection.RemoteIpAddress}", limits.SignInPerMinute),
                    RateLimitKind.Solve => Window($"solve:{Who(context)}", limits.SolvesPerMinute),
                    RateLimitKind.Export => Window($"export:{Who(context)}", limits.ExportsPerMinute),
                    RateLimitKind.Application => Window($"application:{context.Connection.RemoteIpAddress}", limits.ApplicationsPerMinute),
                    RateLimitKind.CoDefendantLink => Window($"co-defendant-link:{Who(context)}", limits.CoDefendantLinksPerMinute),
                    _ => RateLimitPartition.GetNoLimiter("none"),
                };
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await http.Response.WriteAsJsonAsync(new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Trop de demandes.",
                        Detail = "Trop de demandes en une minute : réessayez dans un instant.",
                    }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
                }
            };
        });
        return services;
    }

    /// <summary>
    /// Which limit a request falls under, if any: read from the endpoint routing reached (<see cref="RateLimitedAttribute"/>),
    /// never from the path's text, so a trailing slash, another case or another spelling of the handler reaches the same
    /// limit. For a page, the handlers Razor Pages may run for this method and handler name: the named one (compared
    /// without case, as Razor Pages does) and the nameless one it falls back to, GET's for HEAD.
    /// </summary>
    public static RateLimitKind? Kind(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.GetEndpoint();
        if (endpoint is null) return null;
        if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
            return PageHandlers(page, context).Select(h => h.MethodInfo.GetCustomAttribute<RateLimitedAttribute>()?.Kind).FirstOrDefault(k => k is not null);
        return endpoint.Metadata.GetMetadata<RateLimitedAttribute>()?.Kind;
    }

    private static IEnumerable<HandlerMethodDescriptor> PageHandlers(CompiledPageActionDescriptor page, HttpContext context)
    {
        var method = context.Request.Method;
        var name = Convert.ToString(context.GetRouteValue("handler"), CultureInfo.InvariantCulture) is { Length: > 0 } routed
            ? routed : context.Request.Query["handler"].FirstOrDefault();
        return page.HandlerMethods.Where(h =>
            (string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase) || (HttpMethods.IsHead(method) && HttpMethods.IsGet(h.HttpMethod)))
            && (h.Name is null || string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Puts a minimal API endpoint under a limit.</summary>
    public static TBuilder RateLimited<TBuilder>(this TBuilder builder, RateLimitKind kind) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitedAttribute(kind));

    private static RateLimitPartition<string> Window(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static string Who(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "?";
}
