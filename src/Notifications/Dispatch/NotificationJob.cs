using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Placement.Notifications.Domain;
using Placement.Notifications.Mail;
using Placement.Notifications.Mail.Templates;
using Placement.Notifications.Persistence;

namespace Placement.Notifications.Dispatch;

/// <summary>
/// Every minute (Hangfire, one run at a time across nodes): turns the waiting events into one notification per recipient
/// — the notifications and the event's « dispatched » mark in one transaction — each delivered as its recipient chose for
/// its kind (<see cref="Delivery"/>); then sends the e-mails due and the daily digests due, each marked sent right after it
/// was accepted; a failed one is retried with back-off (<see cref="Notification.SendingFailed"/>). A crash between the
/// sending and the mark sends it again with the same Message-Id, which mail systems treat as the same message. A plain
/// class: the host schedules it (Hangfire, with one run at a time across nodes and no automatic retry).
/// </summary>
public sealed class NotificationJob(IServiceScopeFactory scopes, MailComposer composer, IMailSender sender,
    IOptions<MailOptions> options, ServiceCalendar calendar, ILogger<NotificationJob> logger)
{
    public const string RecurringJobId = "notifications";
    public const string Cron = "* * * * *";
    private const int Batch = 200;

    /// <summary>
    /// One run at a time in this process too — Hangfire's lock keeps nodes apart, this keeps apart the recurring run and a
    /// direct call (a test, an operator), whatever the instance: two runs reading the same pending e-mails would both send them.
    /// </summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Everything due: the waiting events, then the e-mails, then the digests (its own retries, per e-mail).</summary>
    public Task RunAsync(CancellationToken ct) => OneAtATimeAsync(async () =>
    {
        while (await DispatchCoreAsync(ct) == Batch) { }
        while (await DeliverCoreAsync(ct) == Batch) { }
        while (await DeliverDigestsCoreAsync(ct) == Batch) { }
        return 0;
    }, ct);

    /// <summary>Turns up to a batch of waiting events into notifications; returns how many events it took.</summary>
    public Task<int> DispatchAsync(CancellationToken ct = default) => OneAtATimeAsync(() => DispatchCoreAsync(ct), ct);

    /// <summary>Sends up to a batch of the e-mails due; returns how many it tried.</summary>
    public Task<int> DeliverAsync(CancellationToken ct = default) => OneAtATimeAsync(() => DeliverCoreAsync(ct), ct);

    /// <summary>Sends the daily digests due (up to a batch of recipients); returns how many recipients it tried.</summary>
    public Task<int> DeliverDigestsAsync(CancellationToken ct = default) => OneAtATimeAsync(() => DeliverDigestsCoreAsync(ct), ct);

    private static async Task<int> OneAtATimeAsync(Func<Task<int>> work, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<int> DispatchCoreAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<INotificationStore>();
        var recipientsOf = scope.ServiceProvider.GetRequiredService<NotificationRecipients>();
        var now = calendar.UtcNow;
        var digestAt = options.Value.NextDigest(calendar, now);
        var events = await db.NotificationEvents.Where(e => e.DispatchedAt == null).OrderBy(e => e.OccurredAt).Take(Batch).ToListAsync(ct);
        foreach (var e in events)
        {
            var already = (await db.Notifications.Where(n => n.EventId == e.Id).Select(n => n.Email).ToListAsync(ct)).ToHashSet();
            var recipients = (await recipientsOf.ForAsync(e, ct)).Where(r => already.Add(Notification.Address(r.Email))).ToList();
            var addresses = recipients.Select(r => Notification.Address(r.Email)).ToList();
            var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.Kind == e.Kind && addresses.Contains(p.Email))
                .ToDictionaryAsync(p => p.Email, p => p.Delivery, ct);
            foreach (var r in recipients)
            {
                var address = Notification.Address(r.Email);
                // Someone without an account (a tutor) has no notification centre to read: the e-mail is all they get.
                var delivery = r.AccountId is null ? Delivery.Immediate
                    : NotificationKinds.DeliveryFor(e.Kind, chosen.TryGetValue(address, out var choice) ? choice : null);
                db.Notifications.Add(new Notification(e.Id, e.Kind, r.Email, r.AccountId, r.Message, delivery, now, digestAt));
            }
            e.Dispatched(now);
        }
        await db.SaveChangesAsync(ct);
        return events.Count;
    }

    private async Task<int> DeliverCoreAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<INotificationStore>();
        var now = calendar.UtcNow;
        var due = await db.Notifications.Where(n => n.MailStatus == MailStatus.Pending && n.NextAttemptAt <= now)
            .OrderBy(n => n.NextAttemptAt).Take(Batch).ToListAsync(ct);
        foreach (var n in due)
        {
            await SendAsync(await MessageAsync(n), [n], ct);
            await db.SaveChangesAsync(CancellationToken.None); // each mark as soon as known
        }
        return due.Count;
    }

    /// <summary>The daily digests due: one e-mail per recipient gathering their notifications waiting for the digest, oldest first.</summary>
    private async Task<int> DeliverDigestsCoreAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<INotificationStore>();
        var now = calendar.UtcNow;
        var recipients = await db.Notifications.Where(n => n.MailStatus == MailStatus.Digest && n.NextAttemptAt <= now)
            .Select(n => n.Email).Distinct().OrderBy(e => e).Take(Batch).ToListAsync(ct);
        foreach (var email in recipients)
        {
            var gathered = await db.Notifications.Where(n => n.Email == email && n.MailStatus == MailStatus.Digest && n.NextAttemptAt <= now)
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(ct);
            await SendAsync(await DigestAsync(gathered), gathered, ct);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return recipients.Count;
    }

    private async Task SendAsync(MimeMessage message, IReadOnlyList<Notification> carried, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(message, ct);
            foreach (var n in carried) n.Sent(calendar.UtcNow);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var n in carried) n.SendingFailed(e.Message, calendar.UtcNow);
            logger.LogWarning("Courriel {MessageId} à {To} non remis ({Attempt}e tentative) : {Error}", message.MessageId, carried[0].Email, carried[0].Attempts, e.Message);
        }
    }

    /// <summary>The e-mail of one notification: plain text and HTML, the link to the page, the idempotency key as Message-Id.</summary>
    public async Task<MimeMessage> MessageAsync(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var mail = new MailModel(n.Subject, [Item(n)], Absolute("/notifications/preferences"));
        return await MimeAsync(mail, n.Email, n.MessageId(Domain), n.CreatedAt);
    }

    /// <summary>The daily digest of one recipient: every notification gathered, one e-mail.</summary>
    public async Task<MimeMessage> DigestAsync(IReadOnlyList<Notification> gathered)
    {
        ArgumentNullException.ThrowIfNull(gathered);
        var heading = Plural.Of(gathered.Count, "Votre notification du jour", $"Vos {gathered.Count} notifications du jour", zeroIsPlural: true);
        var mail = new MailModel(heading, [.. gathered.Select(Item)], Absolute("/notifications/preferences"));
        return await MimeAsync(mail, gathered[0].Email, Notification.DigestMessageId(gathered, Domain), calendar.UtcNow);
    }

    private MailItem Item(Notification n) =>
        new(n.Subject, French.DateTime(calendar.ToLocal(n.CreatedAt)), n.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries), Absolute(n.Link));

    private string Domain => composer.Domain;

    private string Absolute(string page) => composer.Absolute(page);

    private Task<MimeMessage> MimeAsync(MailModel mail, string to, string messageId, DateTimeOffset date) => composer.ComposeAsync(mail, to, messageId, date);
}
