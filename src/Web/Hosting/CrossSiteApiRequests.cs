using Microsoft.AspNetCore.Mvc;

namespace Placement.Web.Hosting;

/// <summary>
/// The API accepts the session cookie as well as bearer tokens; a cookie travels with requests another site makes the
/// browser send (a form posted to <c>/api/notifications/read-all</c> from <c>https://evil.example</c>). So an unsafe API
/// request (POST, PUT, PATCH, DELETE) authenticated by the cookie is refused (403) unless the browser says it comes from
/// this site: <c>Sec-Fetch-Site: same-origin</c>, else an <c>Origin</c>, else a <c>Referer</c>, of this very origin. A
/// request that carries none of them was not made by a browser for another site (every browser sends <c>Origin</c> with a
/// cross-site POST) and is not a forgery. Bearer requests are not concerned: no browser adds the header by itself.
/// </summary>
public static class CrossSiteApiRequests
{
    public static IApplicationBuilder UseSameSiteForCookieApiRequests(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsForged(context.Request, context.User.Identity?.IsAuthenticated == true))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Accès refusé.",
                    Detail = "Demande venue d'un autre site : avec le cookie de session, l'API n'accepte que les demandes des pages de Placement.",
                }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
                return;
            }
            await next(context);
        });

    /// <summary>Whether an authenticated request is an unsafe API call by cookie that the browser says comes from elsewhere.</summary>
    public static bool IsForged(HttpRequest request, bool authenticated)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!authenticated || !request.Path.StartsWithSegments("/api") || request.Headers.Authorization.Count > 0) return false;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)) return false;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is not ("same-origin" or "none");
        var self = $"{request.Scheme}://{request.Host}";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return !string.Equals(origin, self, StringComparison.OrdinalIgnoreCase);
        var referer = request.Headers.Referer.ToString();
        if (referer.Length > 0) return !Uri.TryCreate(referer, UriKind.Absolute, out var from) || !string.Equals(from.GetLeftPart(UriPartial.Authority), self, StringComparison.OrdinalIgnoreCase);
        return false;
    }
}
