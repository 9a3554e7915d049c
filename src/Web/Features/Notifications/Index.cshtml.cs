using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Web.Features.Shared;
using Placement.Notifications.Features.Centre;

namespace Placement.Web.Features.Notifications;

/// <summary>Mes notifications: the notification centre (<see cref="NotificationCentre"/>, as <c>/api/notifications</c>).</summary>
public sealed class IndexModel(Caller caller, NotificationCentre centre) : PageModel
{
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    [FromQuery(Name = "non-lues")]
    public bool UnreadOnly { get; set; }

    public NotificationsResponse Result { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public PaginationModel Pagination => new(Result.Page, Result.PageSize, Result.Total, Url.Page("/Notifications/Index")!,
        new Dictionary<string, string?> { ["non-lues"] = UnreadOnly ? "true" : null });

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await centre.ListAsync(caller, new NotificationsQuery(Paging.Clamp(PageNumber, 20), 20, UnreadOnly), ct);

    /// <summary>Opens the page a notification is about, and marks it read.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken ct)
    {
        var link = await centre.OpenAsync(caller, id, ct);
        return LocalRedirect(link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) ? link : Url.Page("/Notifications/Index")!);
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        await centre.MarkReadAsync(caller, id, ct);
        return RedirectToPage(new { page = PageNumber });
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var marked = await centre.MarkAllReadAsync(caller, ct);
        Notice = marked switch { 0 => "Aucune notification non lue.", 1 => "Une notification marquée comme lue.", _ => $"{marked} notifications marquées comme lues." };
        return RedirectToPage();
    }
}
