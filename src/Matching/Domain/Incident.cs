namespace Placement.Matching.Domain;

/// <summary>What a tutor reports: absence without notice, lateness, behaviour, refusal to work, accident at work, danger.</summary>
public enum IncidentKind { Absence, Lateness, Behaviour, Refusal, Accident, Danger }

public enum IncidentStatus { Open, Closed }

/// <summary>What the officer does about an incident: a note only, a reminder to the person, a convocation, a report to the JAP.</summary>
public enum IncidentAction { Note, Reminder, Convocation, ReportToJudge }

/// <summary>What becomes of the placement after the decision: it goes on (resumed if it was suspended) or it ends.</summary>
public enum PlacementFollowUp { Resume, End }

/// <summary>
/// What the declaration of an accident at work needs (the State is the employer for the TIG): when and where it happened,
/// how, and who saw it.
/// </summary>
public sealed record AccidentReport
{
    public AccidentReport(DateTimeOffset occurredAt, string place, string circumstances, string? witnesses)
    {
        OccurredAt = occurredAt;
        Place = Ensure.NotBlank(place, "accident.place", 200);
        Circumstances = Ensure.NotBlank(circumstances, "accident.circumstances", 2000);
        Witnesses = Ensure.Optional(witnesses, "accident.witnesses", 500);
    }

    public DateTimeOffset OccurredAt { get; }
    public string Place { get; }
    public string Circumstances { get; }
    public string? Witnesses { get; }
}

/// <summary>The officer's decision on an incident, which closes it.</summary>
public sealed record IncidentDecision
{
    public IncidentDecision(IncidentAction action, PlacementFollowUp followUp, string? comment, string decidedBy, DateTimeOffset decidedAt)
    {
        Ensure.That(Enum.IsDefined(action), "action", "Décision inconnue.");
        Ensure.That(Enum.IsDefined(followUp), "followUp", "Suite inconnue.");
        Action = action;
        FollowUp = followUp;
        Comment = Ensure.Optional(comment, "comment", 2000);
        DecidedBy = Ensure.NotBlank(decidedBy, "decidedBy", 200);
        DecidedAt = decidedAt;
    }

    public IncidentAction Action { get; }
    public PlacementFollowUp FollowUp { get; }
    public string? Comment { get; }
    public string DecidedBy { get; }
    public DateTimeOffset DecidedAt { get; }
}

/// <summary>
/// An incident of a placement, reported by the host's tutor (or opened by the service itself after repeated unexcused
/// absences), which the referent officer decides. Its text is seen by the officer, the coordinator and its author only.
/// </summary>
public sealed class Incident
{
    private Incident() { }

    public Incident(Guid id, Guid placementId, Guid personId, IncidentKind kind, string description, bool suspended, AccidentReport? accident,
        string reportedBy, bool automatic, DateTimeOffset now)
    {
        Ensure.That(Enum.IsDefined(kind), "kind", "Type d'incident inconnu : absence, lateness, behaviour, refusal, accident ou danger.");
        Ensure.That(kind == IncidentKind.Accident || accident is null, "accident", "Seul un accident du travail se déclare avec ses circonstances.");
        Ensure.That(kind != IncidentKind.Accident || accident is not null, "accident", "Un accident du travail se déclare avec sa date, son lieu et ses circonstances.");
        Id = id;
        PlacementId = placementId;
        PersonId = personId;
        Kind = kind;
        Description = Ensure.NotBlank(description, "description", 2000);
        Suspended = suspended;
        Accident = accident;
        ReportedBy = Ensure.NotBlank(reportedBy, "reportedBy", 200);
        Automatic = automatic;
        ReportedAt = now;
        Status = IncidentStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid PlacementId { get; private set; }
    public Guid PersonId { get; private set; }
    public IncidentKind Kind { get; private set; }
    public string Description { get; private set; } = "";
    /// <summary>The tutor suspended the work at once (« Suspendre immédiatement »): the coming sessions were cancelled.</summary>
    public bool Suspended { get; private set; }
    public AccidentReport? Accident { get; private set; }
    public string ReportedBy { get; private set; } = "";
    /// <summary>Opened by the service (repeated unexcused absences), not by a person.</summary>
    public bool Automatic { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
    public IncidentStatus Status { get; private set; }
    public IncidentDecision? Decision { get; private set; }

    public void Decide(IncidentDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (Status != IncidentStatus.Open) throw new IllegalTransitionException("Incident", "traité", "decision");
        Decision = decision;
        Status = IncidentStatus.Closed;
    }
}
