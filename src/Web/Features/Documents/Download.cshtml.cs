using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Matching.Features.Documents;
using Placement.Matching.Domain;

namespace Placement.Web.Features.Documents;

/// <summary>One stored version of a document, for the pages (the API's <c>GET /api/documents/{id}</c>, same use case): audited.</summary>
public sealed class DownloadModel(Caller caller, DownloadDocument download) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Response.Headers.CacheControl = "private, no-store";
        return Pdf(await download.HandleAsync(caller, id, ct));
    }

    internal static FileContentResult Pdf(MeasureDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new FileContentResult(document.Content, DocumentsEndpoints.PdfType)
        {
            FileDownloadName = DocumentKinds.FileName(document.Kind, document.Number, document.Version),
            EntityTag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{document.Sha256}\""),
        };
    }
}
