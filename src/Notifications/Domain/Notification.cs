using Placement.Kernel.Notifications;

namespace Placement.Notifications.Domain;

/// <summary>
/// Where an e-mail stands: none to send (application only), waiting to be sent alone (retried with back-off), waiting for
/// the daily digest, sent, or given up after the last attempt.
/// </summary>
public enum MailStatus { None, Pending, Digest, Sent, Failed }

/// <summary>
/// One event told to one recipient: what the notification centre lists (read or not) and the e-mail to send. The pair
/// (event, recipient address) is unique — the idempotency key: turning an event into notifications twice adds nothing, and
/// the e-mail carries it as its Message-Id.
/// </summary>
public sealed class Notification
{
    private Notification() { }

    /// <summary>Told to <paramref name="email"/>, by e-mail as <paramref name="delivery"/> says: now, in the digest sent at <paramref name="digestAt"/>, or not at all.</summary>
    public Notification(Guid eventId, NotificationKind kind, string email, string? accountId, NotificationMessage message, Delivery delivery,
        DateTimeOffset now, DateTimeOffset digestAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        Id = Guid.NewGuid();
        EventId = eventId;
        Kind = kind;
        Email = Address(email);
        AccountId = accountId;
        Subject = message.Subject;
        Text = message.Text;
        Link = message.Link;
        CreatedAt = now;
        (MailStatus, NextAttemptAt) = delivery switch
        {
            Delivery.Immediate => (MailStatus.Pending, now),
            Delivery.DailyDigest => (MailStatus.Digest, digestAt),
            _ => (MailStatus.None, now),
        };
    }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public NotificationKind Kind { get; private set; }

    /// <summary>The recipient's address (lower case); <see cref="AccountId"/> when it is a user of the service.</summary>
    public string Email { get; private set; } = "";
    public string? AccountId { get; private set; }
    public string Subject { get; private set; } = "";
    public string Text { get; private set; } = "";

    /// <summary>The page it is about, relative to the service's address.</summary>
    public string Link { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public MailStatus MailStatus { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>How an address is kept and compared: trimmed, lower case.</summary>
    public static string Address(string email) => NotificationAddress.Of(email);

    /// <summary>The idempotency key of the e-mail: the event and the recipient.</summary>
    public string MessageId(string domain) => $"{EventId:N}.{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Email)))[..16]}@{domain}";

    /// <summary>Attempts before giving up; waits between them double from one minute, up to six hours.</summary>
    public const int MaxAttempts = 10;

    /// <summary>The attempt that succeeded, counted as the others: a mail sent at once shows one attempt.</summary>
    public void Sent(DateTimeOffset at)
    {
        Attempts++;
        MailStatus = MailStatus.Sent;
        SentAt = at;
        LastError = null;
    }

    /// <summary>The idempotency key of a digest: its recipient and the notifications it gathers.</summary>
    public static string DigestMessageId(IEnumerable<Notification> gathered, string domain)
    {
        var ids = string.Join(",", gathered.Select(n => n.Id).Order());
        return $"digest.{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ids)))[..32]}@{domain}";
    }

    /// <summary>A failed attempt: retried after a wait doubling from one minute (at most six hours), given up after <see cref="MaxAttempts"/>.</summary>
    public void SendingFailed(string error, DateTimeOffset at)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts >= MaxAttempts)
        {
            MailStatus = MailStatus.Failed;
            return;
        }
        NextAttemptAt = at + TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Attempts - 1)));
    }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}

/// <summary>What a notification says: a short subject, a few lines of French, the page to open.</summary>
public sealed record NotificationMessage(string Subject, string Text, string Link);
