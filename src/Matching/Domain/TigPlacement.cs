using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

public enum PlacementStatus { Proposed, Confirmed, InProgress, Completed, Declined, Cancelled, Suspended, Closed }

public enum PlacementAction { Confirm, Decline, Start, Complete, Cancel, Suspend, Resume, Attest }

/// <summary>
/// The tutor's electronic acknowledgement of the hours done (« attestation d'exécution »): who (their name and address, as
/// signed in), when, and from where (the request's origin). It closes a completed placement.
/// </summary>
public sealed record PlacementAttestation(string TutorName, string TutorEmail, DateTimeOffset At, string? Origin, double Hours)
{
    public string TutorName { get; } = Ensure.NotBlank(TutorName, "tutorName", 200);
    public string TutorEmail { get; } = Ensure.NotBlank(TutorEmail, "tutorEmail", 256);
}

/// <summary>Hours signed by the tutor for one day.</summary>
public sealed record HoursLog
{
    public HoursLog(DateOnly date, double hours, string? note, string? tutor = null, string? enteredBy = null, Guid? sessionId = null)
    {
        SessionId = sessionId;
        Ensure.That(double.IsFinite(hours) && hours is > 0 and <= 10, "hours", "Les heures d'une journée sont comprises entre 0 (exclu) et 10.");
        Date = date;
        Hours = hours;
        Note = Ensure.Optional(note, "note", 500);
        Tutor = Ensure.Optional(tutor, "tutor", 200);
        EnteredBy = Ensure.Optional(enteredBy, "enteredBy", 200);
    }

    public DateOnly Date { get; }
    public double Hours { get; }
    public string? Note { get; }
    /// <summary>The tutor who signed the hours.</summary>
    public string? Tutor { get; }
    /// <summary>The account that entered them (the signed-in partner user).</summary>
    public string? EnteredBy { get; }
    /// <summary>The session whose attendance credited them; none for hours the SPIP entered without a session.</summary>
    public Guid? SessionId { get; }
}

/// <summary>
/// A person placed on a post. Lifecycle: proposed → confirmed → in progress → completed; proposed →
/// declined (by the partner); confirmed or in progress → suspended (an incident) → in progress (the officer resumes it);
/// any active state → cancelled (by the officer); completed → closed (the tutor's attestation). Crediting hours starts a
/// confirmed placement; reaching <see cref="HoursTarget"/> completes it.
/// </summary>
public sealed class TigPlacement
{
    private readonly List<HoursLog> _hours = [];

    private TigPlacement() { }

    public TigPlacement(Guid id, Guid personId, Guid postId, double hoursTarget, DateTimeOffset now)
    {
        Ensure.That(double.IsFinite(hoursTarget) && hoursTarget > 0, "hoursTarget", "Le nombre d'heures à effectuer doit être positif.");
        Id = id;
        PersonId = personId;
        PostId = postId;
        HoursTarget = hoursTarget;
        Status = PlacementStatus.Proposed;
        CreatedAt = StatusChangedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid PostId { get; private set; }
    /// <summary>Hours this placement is meant to cover (the person's remaining hours when it was made).</summary>
    public double HoursTarget { get; private set; }
    public PlacementStatus Status { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public IReadOnlyList<HoursLog> Hours => _hours;

    /// <summary>The tutor's acknowledgement of the hours done, which closed the placement; none before.</summary>
    public PlacementAttestation? Attestation { get; private set; }

    public double HoursLogged => _hours.Sum(h => h.Hours);

    /// <summary>
    /// The statuses in which a placement holds a place on its post and occupies its person: proposed,
    /// confirmed, in progress, suspended. The one list: queries, the unique index and the lifecycle read it.
    /// </summary>
    public static readonly IReadOnlyList<PlacementStatus> ActiveStatuses =
        [PlacementStatus.Proposed, PlacementStatus.Confirmed, PlacementStatus.InProgress, PlacementStatus.Suspended];

    /// <summary>The statuses in which work is carried out: sessions are held and attendance recorded.</summary>
    public bool IsUnderway => Status is PlacementStatus.Confirmed or PlacementStatus.InProgress;

    /// <summary>The placement holds a place on the post (<see cref="ActiveStatuses"/>).</summary>
    public bool IsActive => ActiveStatuses.Contains(Status);

    public static PlacementStatus? Next(PlacementStatus from, PlacementAction action) => (from, action) switch
    {
        (PlacementStatus.Proposed, PlacementAction.Confirm) => PlacementStatus.Confirmed,
        (PlacementStatus.Proposed, PlacementAction.Decline) => PlacementStatus.Declined,
        (PlacementStatus.Confirmed, PlacementAction.Start) => PlacementStatus.InProgress,
        (PlacementStatus.InProgress, PlacementAction.Complete) => PlacementStatus.Completed,
        (PlacementStatus.Confirmed or PlacementStatus.InProgress, PlacementAction.Suspend) => PlacementStatus.Suspended,
        (PlacementStatus.Suspended, PlacementAction.Resume) => PlacementStatus.InProgress,
        (_, PlacementAction.Cancel) when ActiveStatuses.Contains(from) => PlacementStatus.Cancelled,
        (PlacementStatus.Completed, PlacementAction.Attest) => PlacementStatus.Closed,
        _ => null,
    };

    public void Confirm(DateTimeOffset now) => Move(PlacementAction.Confirm, now, null);
    public void Decline(string reason, DateTimeOffset now) => Move(PlacementAction.Decline, now, Ensure.NotBlank(reason, "reason", 500));
    public void Cancel(string reason, DateTimeOffset now) => Move(PlacementAction.Cancel, now, Ensure.NotBlank(reason, "reason", 500));
    public void Suspend(string reason, DateTimeOffset now) => Move(PlacementAction.Suspend, now, Ensure.NotBlank(reason, "reason", 500));
    public void Resume(DateTimeOffset now) => Move(PlacementAction.Resume, now, null);

    /// <summary>The tutor acknowledges the hours done, once they are complete: the placement is closed.</summary>
    public void Attest(PlacementAttestation attestation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        Move(PlacementAction.Attest, now, null);
        Attestation = attestation;
    }

    /// <summary>Records a day of work; starts a confirmed placement and completes it at the target.</summary>
    public void LogHours(HoursLog log, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (Status == PlacementStatus.Confirmed) Move(PlacementAction.Start, now, null);
        if (Status != PlacementStatus.InProgress) throw new IllegalTransitionException("Placement", Status.ToString(), "hours");
        Ensure.That(HoursLogged + log.Hours <= HoursTarget + 1e-9, "hours", "Ces heures dépassent le reste à effectuer.");
        _hours.Add(log);
        if (HoursLogged >= HoursTarget - 1e-9) Move(PlacementAction.Complete, now, null);
    }

    /// <summary>
    /// Credits the attendance of one session: replaces what that session credited before (a retry, a correction) by
    /// <paramref name="log"/> (none: nothing credited). Starts a confirmed placement, completes it at the target. Returns
    /// the change in hours done.
    /// </summary>
    public double CreditSession(Guid sessionId, HoursLog? log, DateTimeOffset now)
    {
        var before = _hours.Where(h => h.SessionId == sessionId).Sum(h => h.Hours);
        if (Math.Abs(before - (log?.Hours ?? 0)) < Tolerance && _hours.Any(h => h.SessionId == sessionId) == (log is not null)) return 0; // a retry
        if (!IsUnderway) throw new IllegalTransitionException("Placement", Status.ToString(), "attendance");
        Ensure.That(log is null || log.SessionId == sessionId, "sessionId", "Ces heures sont celles d'une autre séance.");
        var others = HoursLogged - before;
        Ensure.That(others + (log?.Hours ?? 0) <= HoursTarget + Tolerance, "departure", "Ces heures dépassent le reste à effectuer.");
        _hours.RemoveAll(h => h.SessionId == sessionId);
        if (log is not null)
        {
            if (Status == PlacementStatus.Confirmed) Move(PlacementAction.Start, now, null);
            _hours.Add(log);
        }
        if (Status == PlacementStatus.InProgress && HoursLogged >= HoursTarget - Tolerance) Move(PlacementAction.Complete, now, null);
        return (log?.Hours ?? 0) - before;
    }

    /// <summary>Half a minute: sums of minutes written in hours (1 h 40 = 1.666…) reach their target within it.</summary>
    public const double Tolerance = 0.5 / 60;

    private void Move(PlacementAction action, DateTimeOffset now, string? reason)
    {
        Status = Next(Status, action) ?? throw new IllegalTransitionException("Placement", Status.ToString(), action.ToString().ToLowerInvariant());
        if (reason is not null) Reason = reason;
        StatusChangedAt = now;
    }
}
