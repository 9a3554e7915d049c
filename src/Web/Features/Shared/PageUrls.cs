using Microsoft.AspNetCore.WebUtilities;

namespace Placement.Web.Features.Shared;

/// <summary>Links to a page that keep its filters: the empty ones left out.</summary>
public static class PageUrls
{
    public static string With(string path, params (string Key, string? Value)[] query) =>
        QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));
}
