using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Matching.Features.Documents;

namespace Placement.Web.Features.Documents;

/// <summary>
/// The latest version of a placement's document, for the pages (the API's <c>GET /api/placements/{id}/documents/{kind}</c>, same
/// use case): the first one issued on demand, the download audited.
/// </summary>
public sealed class PlacementDocumentModel(Caller caller, DownloadPlacementDocument download) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string document, CancellationToken ct)
    {
        Response.Headers.CacheControl = "private, no-store";
        return DownloadModel.Pdf(await download.HandleAsync(caller, id, document, ct));
    }
}
