using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Notifications.Domain;
using Placement.Notifications.Persistence;

namespace Placement.Notifications.Features.Deliveries;

/// <summary>Filters of the deliveries; all optional. <c>status</c>: pending, digest, sent, failed, none.</summary>
public sealed record DeliveriesQuery
{
    public string? Recipient { get; init; }
    public string? Status { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>
/// What an administrator sees of one notification: who, what kind (its subject is the kind's name: the message's own subject
/// may name a person — « Placement décliné : Karim B. » — and is its recipient's), when, how it stands — never its text.
/// </summary>
public sealed record DeliveryResponse(Guid Id, string Recipient, string Kind, string Subject, DateTimeOffset CreatedAt, string Status,
    int Attempts, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt, string? LastError);

/// <summary>The deliveries for the administrator, newest first, with the counts per status (issue 14: metadata only).</summary>
public sealed record DeliveriesResponse(IReadOnlyList<DeliveryResponse> Items, int Total, int Page, int PageSize, IReadOnlyDictionary<string, int> ByStatus);

public sealed class ListDeliveries(INotificationStore store) : IUseCase
{
    public async Task<DeliveriesResponse> HandleAsync(Caller caller, DeliveriesQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        if (!caller.IsAdmin) throw new ForbiddenException("Le suivi des envois est réservé aux administrateurs.");
        var paging = Paging.From(query.Page, query.PageSize);
        var errors = new FieldErrors();
        var status = query.Status is { Length: > 0 } s ? errors.TryValue("status", () => EnumNames.Parse<MailStatus>(s, "status")) : null;
        if (query.Recipient is { Length: > 254 }) errors.Add("recipient", "254 caractères au plus.");
        errors.ThrowIfAny();

        var all = store.Notifications.AsNoTracking();
        var byStatus = (await all.GroupBy(n => n.MailStatus).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(g => EnumNames.ToKebab(g.Key), g => g.Count);
        var lines = all;
        if (query.Recipient is { Length: > 0 } recipient) lines = lines.Where(n => n.Email.Contains(Notification.Address(recipient)));
        if (status is { } st) lines = lines.Where(n => n.MailStatus == st);
        var total = await lines.CountAsync(ct);
        var page = await lines.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(n => new { n.Id, n.Email, n.Kind, n.CreatedAt, n.MailStatus, n.Attempts, n.SentAt, n.NextAttemptAt, n.LastError })
            .ToListAsync(ct);
        return new DeliveriesResponse([.. page.Select(n => new DeliveryResponse(n.Id, n.Email, EnumNames.ToKebab(n.Kind), NotificationKinds.Of(n.Kind).Label, n.CreatedAt,
                EnumNames.ToKebab(n.MailStatus), n.Attempts, n.SentAt, n.MailStatus is MailStatus.Pending or MailStatus.Digest ? n.NextAttemptAt : null, n.LastError))],
            total, paging.Page, paging.PageSize, byStatus);
    }
}
