using Placement.Catalogue.Features.Validation;
using Placement.Web.Identity;

namespace Placement.Web.Features.Validation;

/// <summary>HTTP adapter of the validation queue (the page « File de validation » calls the same handler).</summary>
public static class ValidationEndpoints
{
    public static IEndpointRouteBuilder MapValidationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/validation-queue", async ([AsParameters] ValidationQueueQuery query, Caller caller, ListValidationQueue handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(caller, query, ct)))
            .WithTags(ApiTags.Posts).RequireAuthorization(Policies.PostValidate).Problems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .Problems(StatusCodes.Status400BadRequest).WithName("ListValidationQueue").WithSummary("Ce qui attend la décision du SPIP : les postes soumis dans les départements de l'appelant, les plus anciens d'abord.");
        return app;
    }
}
