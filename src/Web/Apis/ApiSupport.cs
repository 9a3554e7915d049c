using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Placement.Catalogue.Contracts;

namespace Placement.Web.Apis;

/// <summary>Paging and answers shared by the JSON APIs.</summary>
internal static class ApiSupport
{
    /// <summary>Who acts, as recorded on runs, proposals and placements: the e-mail of the signed-in user.</summary>
    public static string Who(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity?.Name ?? "?";

    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Validates <c>page</c> (from 1) and <c>pageSize</c> (1–100).</summary>
    public static (int Page, int PageSize) Paging(int? page, int? pageSize)
    {
        var errors = new FieldErrors();
        if (page is < 1) errors.Add("page", "La page commence à 1.");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"La taille de page est comprise entre 1 et {MaxPageSize}.");
        errors.ThrowIfAny();
        return (page ?? 1, pageSize ?? DefaultPageSize);
    }

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Accès refusé.", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: "Introuvable.", detail: $"{what} introuvable.", statusCode: StatusCodes.Status404NotFound);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Données invalides.");
}
