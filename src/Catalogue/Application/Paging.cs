using Placement.Catalogue.Contracts;

namespace Placement.Catalogue.Application;

/// <summary>A page of a list: <c>page</c> from 1, <c>pageSize</c> from 1 to <see cref="MaxPageSize"/>.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Validates what the caller asked; both are optional.</summary>
    public static Paging From(int? page, int? pageSize)
    {
        var errors = new FieldErrors();
        if (page is < 1) errors.Add("page", "La page commence à 1.");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"La taille de page est comprise entre 1 et {MaxPageSize}.");
        errors.ThrowIfAny();
        return new Paging(page ?? 1, pageSize ?? DefaultPageSize);
    }
}
