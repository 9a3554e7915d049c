using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Search;
using Placement.Matching.Features.Placements;

namespace Placement.Web.Hosting;

/// <summary>
/// Turns domain and input failures into RFC 7807 answers: 400 with the bad fields for invalid input
/// (including unreadable JSON, naming the JSON path), 403 and 404 from the use cases' scope rules, 409 for
/// an illegal lifecycle move or a placement a rule forbids (the rules named in <c>rules</c>).
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationFailedException v => Invalid(v.Errors),
            DomainRuleException d => Invalid(new Dictionary<string, string[]> { [d.Field] = [d.Message] }),
            BadHttpRequestException { InnerException: JsonException j } => Invalid(new Dictionary<string, string[]>
            {
                [JsonField(j.Path)] = [JsonErrors.InFrench(j)],
            }),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge },
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } b => Invalid(new Dictionary<string, string[]> { [Parameter(b.Message)] = [Unreadable(b.Message)] }),
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "Requête invalide.", Detail = b.Message },
            NotFoundException n => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Introuvable.", Detail = n.Message },
            ForbiddenException f => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Accès refusé.", Detail = f.Message },
            SearchUnavailableException u => new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Recherche indisponible.", Detail = u.Message },
            PlacementConflictException c => Conflict(c),
            IllegalTransitionException t => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Transition impossible.", Detail = t.Message },
            _ when Data.DatabaseFailures.Is(exception) => new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = Data.DatabaseFailures.Title, Detail = Data.DatabaseFailures.Detail },
            _ => null,
        };
        if (problem is null) return false;
        context.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Conflict(PlacementConflictException conflict)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Placement impossible.", Detail = conflict.Message };
        if (conflict.Rules.Count > 0) problem.Extensions["rules"] = conflict.Rules;
        return problem;
    }

    public static ValidationProblemDetails Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Données invalides.",
            Detail = "Champs en erreur : " + string.Join(", ", errors.Keys) + ".",
        };

    /// <summary>The parameter a binding failure names (« Failed to bind parameter "Guid personId" from "abc" » → <c>personId</c>); the body otherwise.</summary>
    private static string Parameter(string message) =>
        message.Contains("body", StringComparison.OrdinalIgnoreCase) ? "body"
        : System.Text.RegularExpressions.Regex.Match(message, "parameter \"(?:[^\"]* )?(\\w+)\"") is { Success: true } m ? m.Groups[1].Value : "body";

    private static string Unreadable(string message) =>
        message.Contains("body", StringComparison.OrdinalIgnoreCase) ? "Un corps JSON est attendu."
        : message.Contains("not provided", StringComparison.OrdinalIgnoreCase) ? "Ce paramètre est obligatoire."
        : "Valeur illisible pour ce paramètre.";

    /// <summary><c>$.schedule[0].start</c> → <c>schedule[0].start</c>; the body itself → <c>body</c>.</summary>
    private static string JsonField(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
