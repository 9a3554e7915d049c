using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Notifications.Domain;
using Placement.Notifications.Persistence;

namespace Placement.Notifications.Features.Centre;

/// <summary>One notification as its recipient sees it in the application.</summary>
public sealed record NotificationItem(Guid Id, string Kind, string Subject, string Text, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>A page of the caller's notifications, newest first, and how many are unread in all.</summary>
public sealed record NotificationsResponse(IReadOnlyList<NotificationItem> Items, int Total, int Page, int PageSize, int Unread);

public sealed record NotificationsQuery(int? Page = null, int? PageSize = null, bool? Unread = null);

/// <summary>
/// The notification centre: everyone sees the notifications addressed to them (their address) — and only those — and marks
/// them read. The same handlers serve <c>/api/notifications</c>, the page and the bell of the header.
/// </summary>
public sealed class NotificationCentre(INotificationStore db, TimeProvider clock) : IUseCase
{
    private IQueryable<Notification> Mine(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsSystem) throw new ForbiddenException("Connectez-vous pour voir vos notifications.");
        var email = Notification.Address(caller.Who);
        return db.Notifications.Where(n => n.Email == email);
    }

    public async Task<NotificationsResponse> ListAsync(Caller caller, NotificationsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var paging = Paging.From(query.Page, query.PageSize);
        var mine = Mine(caller).AsNoTracking();
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var listed = query.Unread == true ? mine.Where(n => n.ReadAt == null) : mine;
        var total = await listed.CountAsync(ct);
        var page = await listed.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new NotificationsResponse([.. page.Select(n => new NotificationItem(n.Id, n.Kind.ToString(), n.Subject, n.Text, n.Link, n.CreatedAt, n.ReadAt))],
            total, paging.Page, paging.PageSize, unread);
    }

    /// <summary>
    /// The caller's unread count for the bell of every page; null when the database cannot say (the page — an error page
    /// among them — still renders, with a bell without a count).
    /// </summary>
    public async Task<int?> UnreadAsync(Caller caller, CancellationToken ct)
    {
        try
        {
            return await Mine(caller).CountAsync(n => n.ReadAt == null, ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Marks one of the caller's notifications read (someone else's is not found).</summary>
    public Task MarkReadAsync(Caller caller, Guid id, CancellationToken ct) => OpenAsync(caller, id, ct);

    /// <summary>Marks one of the caller's notifications read and gives the page it is about.</summary>
    public async Task<string> OpenAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var notification = await Mine(caller).FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("Notification");
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return notification.Link;
    }

    /// <summary>Marks every unread notification of the caller read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(Caller caller, CancellationToken ct)
    {
        var unread = await Mine(caller).Where(n => n.ReadAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var n in unread) n.MarkRead(now);
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }
}
