namespace Placement.Web.Hosting;

/// <summary>
/// How big a request may be: 2 MB for any body (a person with drawn exclusion zones is a few kilobytes), except an
/// instance sent to the solver (<see cref="Features.Matching.MatchingEndpoints.MaxInstanceBytes"/>). Beyond: 413, in French.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 2L * 1024 * 1024;

    public static WebApplicationBuilder LimitRequestBodies(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        return builder;
    }
}
