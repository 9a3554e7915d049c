using Microsoft.AspNetCore.WebUtilities;

namespace Placement.Web.Features.Shared;

/// <summary>A DSFR pagination over the current query string: the other parameters are kept, <c>page</c> changes.</summary>
public sealed record PaginationModel(int Page, int PageSize, int Total, string Path, IReadOnlyDictionary<string, string?> Query)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Href(int page)
    {
        var query = Query.Where(q => q.Key != "page" && !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => q.Value);
        query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Path, query);
    }

    public IEnumerable<int> Window()
    {
        // A page asked beyond the last one shows the window of the last pages.
        var first = Math.Max(1, Math.Min(Page, Pages) - 2);
        var last = Math.Min(Pages, first + 4);
        return Enumerable.Range(first, last - first + 1);
    }

    public static PaginationModel From(HttpRequest request, int page, int pageSize, int total)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(page, pageSize, total, request.Path, request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString()));
    }
}
