namespace Placement.Web.Hosting;

/// <summary>
/// Problems the framework answers itself (no use case involved) say what happened in French, and a body sent in the
/// wrong format is told so (415) whoever sends it — not asked to sign in first.
/// </summary>
public static class FrenchProblems
{
    private static readonly Dictionary<int, (string Title, string Detail)> Texts = new()
    {
        [400] = ("Requête invalide.", "La requête n'a pas pu être lue."),
        [401] = ("Authentification requise.", "Connectez-vous (POST /api/auth/login) et envoyez le jeton obtenu (Authorization: Bearer …)."),
        [403] = ("Accès refusé.", "Votre compte ne permet pas cette action."),
        [404] = ("Introuvable.", "Cette adresse ne correspond à rien, ou à rien de votre périmètre."),
        [405] = ("Méthode non permise.", "Cette adresse n'accepte pas cette méthode HTTP."),
        [413] = ("Requête trop volumineuse.", $"Le corps de la requête dépasse la taille permise ({RequestLimits.MaxBodyBytes / (1024 * 1024)} Mo ; {Features.Matching.MatchingEndpoints.MaxInstanceBytes / (1024 * 1024)} Mo pour une instance du solveur)."),
        [415] = ("Type de contenu non pris en charge.", "Le corps doit être du JSON (Content-Type: application/json)."),
        [429] = ("Trop de demandes.", "Attendez un instant, puis réessayez."),
    };

    public static IServiceCollection AddFrenchProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Status is { } status && Texts.TryGetValue(status, out var text) && (problem.Title is null || !problem.Title.EndsWith('.')))
            {
                problem.Title = text.Title;
                problem.Detail ??= text.Detail;
            }
        });

    /// <summary>
    /// Routing answers a body of the wrong type with its own endpoint, which carries no authorization of its own: without
    /// this, the fallback policy would ask an anonymous caller of an anonymous endpoint to sign in.
    /// </summary>
    public static IApplicationBuilder UseUnsupportedMediaTypeForEveryone(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.DisplayName == "415 HTTP Unsupported Media Type")
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status415UnsupportedMediaType },
                });
                return;
            }
            await next(context);
        });
}
