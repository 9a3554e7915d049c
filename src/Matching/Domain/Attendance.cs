namespace Placement.Matching.Domain;

/// <summary>What happened at a session, as the tutor records it.</summary>
public enum AttendanceOutcome { Present, Late, LeftEarly, ExcusedAbsence, UnexcusedAbsence, CancelledByHost }

/// <summary>
/// The attendance of one session. Present, late or left early: arrival and departure are given, and the hours credited
/// are the time worked less the breaks. An excused absence gives its reason and expects a proof by
/// <see cref="ProofDueBy"/>; an unexcused absence credits nothing and counts towards an incident; a session cancelled by the
/// host credits nothing and never counts against the person.
/// </summary>
public sealed record Attendance
{
    public Attendance(AttendanceOutcome outcome, TimeOnly? arrival, TimeOnly? departure, int breakMinutes, string? reason, string? comment,
        DateOnly? proofDueBy, string recordedBy, DateTimeOffset recordedAt)
    {
        Ensure.That(Enum.IsDefined(outcome), "outcome", "Présence inconnue.");
        Outcome = outcome;
        Comment = Ensure.Optional(comment, "comment", 500);
        RecordedBy = Ensure.NotBlank(recordedBy, "recordedBy", 200);
        RecordedAt = recordedAt;
        if (Worked(outcome))
        {
            Ensure.That(arrival is not null, "arrival", "L'heure d'arrivée est obligatoire.");
            Ensure.That(departure is not null, "departure", "L'heure de départ est obligatoire.");
            Ensure.That(departure > arrival, "departure", "L'heure de départ suit l'heure d'arrivée.");
            Ensure.That(breakMinutes >= 0, "breakMinutes", "Les pauses ne sont pas négatives.");
            Ensure.That(breakMinutes < (departure!.Value - arrival!.Value).TotalMinutes, "breakMinutes", "Les pauses sont plus courtes que le temps de présence.");
            Arrival = arrival;
            Departure = departure;
            BreakMinutes = breakMinutes;
        }
        else
        {
            Ensure.That(arrival is null && departure is null && breakMinutes == 0, "arrival", "Une absence n'a ni arrivée, ni départ, ni pause.");
        }
        if (outcome == AttendanceOutcome.ExcusedAbsence)
        {
            Reason = Ensure.NotBlank(reason, "reason", 500);
            ProofDueBy = proofDueBy;
        }
        else if (outcome == AttendanceOutcome.CancelledByHost) Reason = Ensure.Optional(reason, "reason", 500);
        else Ensure.That(string.IsNullOrWhiteSpace(reason), "reason", "Un motif ne se donne que pour une absence excusée ou une annulation par la structure.");
        Ensure.That(HoursCredited <= WorkSession.MaxHours, "departure", $"Une séance crédite {WorkSession.MaxHours} heures au plus.");
    }

    public AttendanceOutcome Outcome { get; }
    public TimeOnly? Arrival { get; }
    public TimeOnly? Departure { get; }
    public int BreakMinutes { get; }
    /// <summary>An excused absence's or a host's cancellation's reason.</summary>
    public string? Reason { get; }
    public string? Comment { get; }
    /// <summary>The day by which the proof of an excused absence is expected.</summary>
    public DateOnly? ProofDueBy { get; }
    public string RecordedBy { get; }
    public DateTimeOffset RecordedAt { get; }

    /// <summary>The person came: present, late or left early.</summary>
    public static bool Worked(AttendanceOutcome outcome) =>
        outcome is AttendanceOutcome.Present or AttendanceOutcome.Late or AttendanceOutcome.LeftEarly;

    /// <summary>Time worked less the breaks, in hours: whole minutes / 60, never rounded (12 × 1 h 40 is 20 h).</summary>
    public double HoursCredited => Arrival is { } a && Departure is { } d ? (Math.Round((d - a).TotalMinutes) - BreakMinutes) / 60.0 : 0;

    /// <summary>The same content (a retry of the same report), whoever sent it and when.</summary>
    public bool SameAs(Attendance other) =>
        other is not null && Outcome == other.Outcome && Arrival == other.Arrival && Departure == other.Departure && BreakMinutes == other.BreakMinutes
        && Reason == other.Reason && Comment == other.Comment;
}
