namespace Placement.Kernel.Notifications;

/// <summary>What happened that someone must be told of (issue 14): one kind per notified event.</summary>
public enum NotificationKind
{
    /// <summary>Partner: a placement proposed on one of its posts.</summary>
    PlacementProposed,
    /// <summary>Partner: a placement cancelled.</summary>
    PlacementCancelled,
    /// <summary>Partner: a post refused at validation, with the reason.</summary>
    PostRefused,
    /// <summary>Officer: the partner confirmed a placement.</summary>
    PlacementConfirmed,
    /// <summary>Officer: the partner declined a placement (with the reason).</summary>
    PlacementDeclined,
    /// <summary>Officer: hours logged that complete the measure.</summary>
    MeasureCompleted,
    /// <summary>Officer: a coordinator accepted a proposal for one of their persons.</summary>
    ProposalAccepted,
    /// <summary>Coordinator: an assignment run finished.</summary>
    RunFinished,
    /// <summary>Coordinator: an assignment run failed.</summary>
    RunFailed,
    /// <summary>Partner: its habilitation ends in three months, then in one month.</summary>
    HabilitationExpiring,
    /// <summary>Officer: a person of their caseload entered the deadline watch.</summary>
    DeadlineWatchEntered,
    /// <summary>Coordinator: the weekly digest of the posts waiting for validation for more than seven days.</summary>
    PostsAwaitingValidation,
    /// <summary>
    /// Any account: an application (« Devenir structure d'accueil ») was made with its address, and nothing was created —
    /// the applicant was answered as for a new address, the owner is told instead (at most once a day).
    /// </summary>
    ApplicationWithAccountAddress,
    /// <summary>Officer: the host reported an incident (or repeated unexcused absences opened one) — told at once, whatever their choice.</summary>
    IncidentReported,
}

/// <summary>
/// An event to notify, written by the use case in the same transaction as the change that causes it (an outbox):
/// a crash between the change and the messages loses nothing. The notification job turns it into one notification per
/// recipient, then marks it dispatched. It names the things concerned by id; the messages are written from them then.
/// </summary>
public sealed class NotificationEvent
{
    private NotificationEvent() { }

    public NotificationEvent(NotificationKind kind, DateTimeOffset at, Guid? placementId = null, Guid? postId = null, Guid? hostBodyId = null,
        Guid? personId = null, string? detail = null, Guid? runId = null, string? key = null, string? accountId = null)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        OccurredAt = at;
        PlacementId = placementId;
        PostId = postId;
        HostBodyId = hostBodyId;
        PersonId = personId;
        RunId = runId;
        Detail = detail is { Length: > MaxDetail } ? detail[..MaxDetail] : detail;
        Key = key;
        AccountId = accountId;
    }

    public const int MaxDetail = 500;

    /// <summary>
    /// What makes an event written by a calendar rather than by a change unique (« habilitation:{id}:{end}:3 »,
    /// « validation:2026-W49 »): unique in the table, so that a reminder is written once however often the job runs.
    /// </summary>
    public string? Key { get; private set; }

    public Guid Id { get; private set; }
    public NotificationKind Kind { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid? PlacementId { get; private set; }
    public Guid? PostId { get; private set; }
    public Guid? HostBodyId { get; private set; }
    public Guid? PersonId { get; private set; }
    public Guid? RunId { get; private set; }

    /// <summary>The account told, for an event about an account itself rather than about things of the service.</summary>
    public string? AccountId { get; private set; }

    /// <summary>A free text the message quotes (a reason for declining, for refusing).</summary>
    public string? Detail { get; private set; }

    /// <summary>When the job turned it into notifications; null while waiting.</summary>
    public DateTimeOffset? DispatchedAt { get; private set; }

    public void Dispatched(DateTimeOffset at) => DispatchedAt = at;
}

/// <summary>How a recipient's address is kept and compared everywhere (notifications, choices, the referent officer): trimmed, lower case.</summary>
public static class NotificationAddress
{
    public static string Of(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
