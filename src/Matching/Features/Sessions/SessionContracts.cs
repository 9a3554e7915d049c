using Placement.Matching.Domain;

namespace Placement.Matching.Features.Sessions;

/// <summary>A session as every side sees it: its day and hours (« HH:MM », the service's clocks), and its attendance once recorded.</summary>
public sealed record SessionResponse(Guid Id, Guid PlacementId, DateOnly Date, string Start, string End, SessionStatus Status, string? Reason,
    double PlannedHours, AttendanceResponse? Attendance);

/// <summary>What happened at a session; <c>hoursCredited</c> = time worked less the breaks.</summary>
public sealed record AttendanceResponse(AttendanceOutcome Outcome, string? Arrival, string? Departure, int BreakMinutes, double HoursCredited,
    string? Reason, string? Comment, DateOnly? ProofDueBy, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// A placement's sessions, past and coming, with its hours: done (the sum of attendance and of the SPIP's hours without a
/// session), planned (the coming sessions) and the shortfall (what the coming sessions do not cover). The person is named by
/// first name and initial: the host side reads it too.
/// </summary>
public sealed record PlacementSessionsResponse(Guid PlacementId, PlacementStatus Status, string PersonFirstName, string PersonInitial, string PostTitle,
    string TutorName, double HoursTarget, double HoursDone, double HoursPlanned, double Shortfall, IReadOnlyList<SessionResponse> Sessions);

/// <summary>A session of the caller's day, with what is needed to recognise it: the person's first name and initial, the post.</summary>
public sealed record DaySessionResponse(SessionResponse Session, string PersonFirstName, string PersonInitial, string PostTitle, string TutorName,
    PlacementStatus PlacementStatus);

/// <summary>A session added by the tutor or the officer: <c>start</c>, <c>end</c> as « HH:MM ».</summary>
public sealed record AddSessionRequest(DateOnly? Date, string? Start, string? End);

/// <summary>A session moved (a new <c>date</c>, <c>start</c>, <c>end</c>) or cancelled (<c>cancelled: true</c>), always with its <c>reason</c>.</summary>
public sealed record ChangeSessionRequest(DateOnly? Date, string? Start, string? End, string? Reason, bool Cancelled = false);

/// <summary>
/// The attendance of a session. <c>outcome</c>: <c>present</c> | <c>late</c> | <c>left-early</c> (with <c>arrival</c>, <c>departure</c>,
/// <c>breakMinutes</c>) | <c>excused-absence</c> (with its <c>reason</c>) | <c>unexcused-absence</c> | <c>cancelled-by-host</c>. Sent
/// again, the same attendance changes nothing; a different one replaces it.
/// </summary>
public sealed record AttendanceRequest(string? Outcome, string? Arrival, string? Departure, int BreakMinutes = 0, string? Reason = null, string? Comment = null);
