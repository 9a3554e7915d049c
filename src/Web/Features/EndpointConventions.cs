using Microsoft.AspNetCore.Mvc;

namespace Placement.Web.Features;

/// <summary>What every endpoint declares for the OpenAPI document: its error answers, as RFC 7807 problems.</summary>
internal static class EndpointConventions
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    /// <summary>Error statuses the endpoint may answer: 400 as a validation problem naming fields, the others as problems.</summary>
    public static TBuilder Problems<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            var type = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, type, ProblemJson));
        }
        return builder;
    }

    /// <summary>A group behind a policy: 401 without credentials, 403 when the role does not allow it.</summary>
    public static RouteGroupBuilder Secured(this RouteGroupBuilder group, string policy) =>
        group.RequireAuthorization(policy).Problems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
}
