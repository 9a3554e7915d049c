using Microsoft.Extensions.Options;
using Placement.Web.Features.Maps;
using Placement.Web.Identity;

namespace Placement.Web.Hosting;

/// <summary>
/// The headers every answer carries: a Content-Security-Policy with no inline script (scripts, images and requests
/// from the service itself, styles too but for the attributes the DSFR's scripts set; the map's tile server and the identity provider when configured), no framing,
/// no MIME sniffing, a strict referrer policy, geolocation for this site only (« Autour de ma position »). The Hangfire
/// dashboard (administrators only) ships inline scripts of its own and keeps everything but the CSP.
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(MapOptions map, OpenIdConnectOptionsSection oidc)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(oidc);
        var tiles = Origin(map.TileUrl?.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal)
            .Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal));
        var provider = oidc.Enabled ? Origin(oidc.Authority) : null;
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            // The DSFR's scripts set some styles through attributes; inline *script* stays forbidden.
            "style-src 'self' 'unsafe-inline'",
            $"img-src 'self' data:{(tiles is null ? "" : " " + tiles)}",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            $"form-action 'self'{(provider is null ? "" : " " + provider)}",
            "frame-ancestors 'none'");
    }

    public static IApplicationBuilder UsePlacementSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IOptions<MapOptions>>().Value,
            app.ApplicationServices.GetRequiredService<IOptions<OpenIdConnectOptionsSection>>().Value);
        return app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=()";
            if (!context.Request.Path.StartsWithSegments("/hangfire")) headers.ContentSecurityPolicy = policy;
            await next();
        });
    }

    private static string? Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
