using Placement.Matching.Notifications;
using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Placement.Web.Data;

namespace Placement.Web.Notifications;

/// <summary>
/// Every minute (Hangfire, one run at a time across nodes): turns the waiting events into one notification per recipient
/// — the notifications and the event's « dispatched » mark in one transaction — then sends the e-mails due, each marked
/// sent right after it was accepted; a failed one is retried with back-off (<see cref="Notification.SendingFailed"/>).
/// A crash between the sending and the mark sends it again with the same Message-Id (the event and the recipient),
/// which mail systems treat as the same message.
/// </summary>
public sealed class NotificationJob(IServiceScopeFactory scopes, NotificationMessages messages, IMailSender sender, IOptions<MailOptions> options,
    TimeProvider clock, ILogger<NotificationJob> logger)
{
    public const string RecurringJobId = "notifications";
    public const string Cron = "* * * * *";
    private const int Batch = 200;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)] // its own retries, per e-mail
    public async Task RunAsync(CancellationToken ct)
    {
        while (await DispatchAsync(ct) == Batch) { }
        while (await DeliverAsync(ct) == Batch) { }
    }

    /// <summary>Turns up to a batch of waiting events into notifications; returns how many events it took.</summary>
    public async Task<int> DispatchAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var now = clock.GetUtcNow();
        var events = await db.NotificationEvents.Where(e => e.DispatchedAt == null).OrderBy(e => e.OccurredAt).Take(Batch).ToListAsync(ct);
        foreach (var e in events)
        {
            var already = (await db.Notifications.Where(n => n.EventId == e.Id).Select(n => n.Email).ToListAsync(ct)).ToHashSet();
            foreach (var r in await messages.ForAsync(db, e, ct))
                if (already.Add(Notification.Address(r.Email)))
                    db.Notifications.Add(new Notification(e.Id, e.Kind, r.Email, r.AccountId, r.Message, mail: true, now));
            e.Dispatched(now);
        }
        await db.SaveChangesAsync(ct);
        return events.Count;
    }

    /// <summary>Sends up to a batch of the e-mails due; returns how many it tried.</summary>
    public async Task<int> DeliverAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Notifications.Where(n => n.MailStatus == MailStatus.Pending && n.NextAttemptAt <= now)
            .OrderBy(n => n.NextAttemptAt).Take(Batch).ToListAsync(ct);
        foreach (var n in due)
        {
            try
            {
                await sender.SendAsync(Message(n), ct);
                n.Sent(clock.GetUtcNow());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                n.SendingFailed(e.Message, clock.GetUtcNow());
                logger.LogWarning("Courriel {Id} à {To} non remis ({Attempt}e tentative) : {Error}", n.Id, n.Email, n.Attempts, e.Message);
            }
            await db.SaveChangesAsync(CancellationToken.None); // each mark as soon as known
        }
        return due.Count;
    }

    /// <summary>The e-mail of a notification: plain text and HTML, the link to the page, the idempotency key as Message-Id.</summary>
    public MimeMessage Message(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var o = options.Value;
        var link = o.BaseUrl.TrimEnd('/') + n.Link;
        var message = new MimeMessage
        {
            Subject = n.Subject,
            MessageId = n.MessageId(MailboxAddress.Parse(o.From).Domain),
            Date = n.CreatedAt,
        };
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(MailboxAddress.Parse(n.Email));
        var paragraphs = n.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var body = new BodyBuilder
        {
            TextBody = $"{n.Text}\n\nVoir : {link}\n\n— Placement TIG, message automatique.",
            HtmlBody = "<!DOCTYPE html><html lang=\"fr\"><body style=\"font-family: Marianne, Arial, sans-serif\">"
                + string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))
                + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">Ouvrir dans Placement TIG</a></p>"
                + "<p style=\"color:#666\">Placement TIG, message automatique.</p></body></html>",
        };
        message.Body = body.ToMessageBody();
        return message;
    }
}
