using System.Globalization;

namespace Placement.Kernel;

/// <summary>
/// A page of a list: <c>page</c> from 1, <c>pageSize</c> from 1 to <see cref="MaxPageSize"/>, and the page's last item
/// within <c>maxItems</c> (a list's depth: <see cref="int.MaxValue"/> for a database list, the search engine's result
/// window for a search), so that <see cref="Skip"/> never overflows.
/// </summary>
public readonly record struct Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    private Paging(int page, int pageSize) => (Page, PageSize) = (page, pageSize);

    public int Page { get; }

    public int PageSize { get; }

    /// <summary>Items before this page; at most <c>maxItems − pageSize</c>.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>Validates what the caller asked; both are optional. Errors name <c>page</c> and <c>pageSize</c>.</summary>
    public static Paging From(int? page, int? pageSize, int maxItems = int.MaxValue)
    {
        var errors = new FieldErrors();
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"La taille de page est comprise entre 1 et {MaxPageSize}.");
        var size = pageSize is >= 1 and <= MaxPageSize ? pageSize.Value : DefaultPageSize;
        if (page is { } p && (p < 1 || p > LastPage(size, maxItems)))
            errors.Add("page", string.Create(CultureInfo.InvariantCulture, $"La page est comprise entre 1 et {LastPage(size, maxItems)}."));
        errors.ThrowIfAny();
        return new Paging(page ?? 1, size);
    }

    /// <summary>For a page that shows a list: the page asked, brought within 1 and the deepest page (never an error).</summary>
    public static int Clamp(int? page, int pageSize, int maxItems = int.MaxValue) =>
        Math.Clamp(page ?? 1, 1, LastPage(Math.Clamp(pageSize, 1, MaxPageSize), maxItems));

    private static int LastPage(int pageSize, int maxItems) => Math.Max(1, maxItems / pageSize);
}
