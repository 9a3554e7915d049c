using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

public enum SessionStatus { Planned, Cancelled }

/// <summary>
/// One session of work of a placement: a day and its hours on the service's clocks (local time, where the work is done).
/// Planned by the planner or added by the tutor or the officer; moved or cancelled with a reason; its attendance, once
/// recorded by the tutor, says what was done and credits the hours worked.
/// </summary>
public sealed class WorkSession
{
    private WorkSession() { }

    public WorkSession(Guid id, Guid placementId, DateOnly date, TimeOnly start, TimeOnly end, string by, DateTimeOffset now)
    {
        Id = id;
        PlacementId = placementId;
        CreatedBy = Ensure.NotBlank(by, "by", 200);
        CreatedAt = now;
        Place(date, start, end, now);
        Status = SessionStatus.Planned;
    }

    /// <summary>A session lasts at most a working day.</summary>
    public const double MaxHours = 10;

    public Guid Id { get; private set; }
    public Guid PlacementId { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly Start { get; private set; }
    public TimeOnly End { get; private set; }
    public SessionStatus Status { get; private set; }
    /// <summary>Why it was moved or cancelled, the last time it was.</summary>
    public string? Reason { get; private set; }
    public Attendance? Attendance { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public double PlannedHours => (End - Start).TotalHours;

    /// <summary>Planned and not yet recorded: still to be held.</summary>
    public bool IsOpen => Status == SessionStatus.Planned && Attendance is null;

    /// <summary>Moves an open session to another day or hours, with the reason said to the other side.</summary>
    public void Move(DateOnly date, TimeOnly start, TimeOnly end, string reason, DateTimeOffset now)
    {
        RequireOpen("move");
        Reason = Ensure.NotBlank(reason, "reason", 500);
        Place(date, start, end, now);
    }

    /// <summary>Cancels an open session, with the reason.</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        RequireOpen("cancel");
        Reason = Ensure.NotBlank(reason, "reason", 500);
        Status = SessionStatus.Cancelled;
        UpdatedAt = now;
    }

    /// <summary>Records (or corrects) what happened at the session.</summary>
    public void Record(Attendance attendance, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        if (Status == SessionStatus.Cancelled) throw new IllegalTransitionException("Séance", "annulée", "attendance");
        Attendance = attendance;
        UpdatedAt = now;
    }

    private void RequireOpen(string action)
    {
        if (Status == SessionStatus.Cancelled) throw new IllegalTransitionException("Séance", "annulée", action);
        if (Attendance is not null) throw new IllegalTransitionException("Séance", "déjà renseignée", action);
    }

    private void Place(DateOnly date, TimeOnly start, TimeOnly end, DateTimeOffset now)
    {
        Ensure.That(end > start, "end", "L'heure de fin doit être postérieure à l'heure de début, le même jour.");
        Ensure.That((end - start).TotalHours <= MaxHours, "end", $"Une séance dure {MaxHours} heures au plus.");
        Date = date;
        Start = start;
        End = end;
        UpdatedAt = now;
    }
}
