using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Configuration;

namespace Placement.Web.Hosting;

/// <summary>Configuration section <c>Placement:RateLimits</c>: how many requests a minute, per client.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Placement:RateLimits";

    /// <summary>Sign-in attempts (page and API) per address.</summary>
    [Range(1, 100_000, ErrorMessage = "entre 1 et 100 000.")]
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Solves (<c>POST /api/matching/solve</c>) and assignment runs started, per user.</summary>
    [Range(1, 100_000, ErrorMessage = "entre 1 et 100 000.")]
    public int SolvesPerMinute { get; set; } = 10;

    /// <summary>Spreadsheet exports (<c>?handler=Xlsx|Csv</c>) per user.</summary>
    [Range(1, 100_000, ErrorMessage = "entre 1 et 100 000.")]
    public int ExportsPerMinute { get; set; } = 30;
}

/// <summary>
/// The limits, in one place: sign-in attempts by address, solves and runs by user, exports by user — fixed windows of a
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
                return Kind(context.Request) switch
                {
                    "sign-in" => Window($"sign-in:{context.Connection.RemoteIpAddress}", limits.SignInPerMinute),
                    "solve" => Window($"solve:{Who(context)}", limits.SolvesPerMinute),
                    "export" => Window($"export:{Who(context)}", limits.ExportsPerMinute),
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

    /// <summary>Which limit a request falls under, if any.</summary>
    public static string? Kind(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        if (HttpMethods.IsPost(request.Method))
        {
            if (path.Equals("/connexion", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/auth/login", StringComparison.OrdinalIgnoreCase)) return "sign-in";
            if (path.Equals("/api/matching/solve", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/assignment-runs", StringComparison.OrdinalIgnoreCase)
                || path.Equals("/affectations", StringComparison.OrdinalIgnoreCase)) return "solve";
        }
        if (HttpMethods.IsGet(request.Method) && request.Query["handler"] is var handler && (handler == "Xlsx" || handler == "Csv")) return "export";
        return null;
    }

    private static RateLimitPartition<string> Window(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static string Who(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "?";
}
