using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Placement.Web.Features.Search.Administration;

/// <summary>Index de recherche: start a rebuild (<see cref="CatalogueReindexing"/>) and follow it; the page polls its state as JSON.</summary>
public sealed class ReindexModel(Caller caller, CatalogueReindexing reindexing) : PageModel
{
    public CatalogueReindexing.State State { get; private set; } = null!;

    public void OnGet() => State = reindexing.Current;

    public JsonResult OnGetProgress()
    {
        var s = reindexing.Current;
        return new JsonResult(new { running = s.Running, indexed = s.Indexed, total = s.Total, percent = Math.Round(s.Percent, 1), engine = s.Engine, error = s.Error });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await reindexing.StartAsync(caller, ct);
        return RedirectToPage();
    }
}
