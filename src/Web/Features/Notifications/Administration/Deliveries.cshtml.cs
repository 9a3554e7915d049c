using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Notifications.Features.Deliveries;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Notifications.Administration;

/// <summary>Envois de notifications: the deliveries' metadata, never a message's text (<see cref="ListDeliveries"/>, as <c>GET /api/deliveries</c>).</summary>
public sealed class DeliveriesModel(Caller caller, ListDeliveries list) : PageModel
{
    [FromQuery(Name = "destinataire")]
    public string? Recipient { get; set; }

    [FromQuery(Name = "etat")]
    public string? Status { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public DeliveriesResponse? Result { get; private set; }

    public PaginationModel Pagination => new(Result!.Page, Result.PageSize, Result.Total, Url.Page("/Notifications/Administration/Deliveries")!,
        new Dictionary<string, string?> { ["destinataire"] = Recipient, ["etat"] = Status });

    public static IReadOnlyList<(string Code, string Label, string Badge)> Statuses { get; } =
    [
        ("sent", "Envoyé", "fr-badge--success"),
        ("pending", "En attente", "fr-badge--info"),
        ("digest", "Résumé du jour", "fr-badge--new"),
        ("failed", "En échec", "fr-badge--error"),
        ("none", "Application seulement", ""),
    ];

    public static (string Label, string Badge) StatusOf(string code) =>
        Statuses.FirstOrDefault(s => s.Code == code) is { Code: not null } s ? (s.Label, s.Badge) : (code, "");

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await list.HandleAsync(caller, new DeliveriesQuery
        {
            Recipient = string.IsNullOrWhiteSpace(Recipient) ? null : Recipient,
            Status = string.IsNullOrWhiteSpace(Status) ? null : Status,
            Page = Paging.Clamp(PageNumber, 50),
            PageSize = 50,
        }, ct);
}
