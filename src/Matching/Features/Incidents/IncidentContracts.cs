using Placement.Matching.Domain;

namespace Placement.Matching.Features.Incidents;

/// <summary>An accident at work, as its declaration needs it: when, where, how, who saw it.</summary>
public sealed record AccidentRequest(DateTimeOffset? OccurredAt, string? Place, string? Circumstances, string? Witnesses);

/// <summary>
/// An incident reported on a placement. <c>kind</c>: <c>absence</c> | <c>lateness</c> | <c>behaviour</c> | <c>refusal</c> |
/// <c>accident</c> (with <c>accident</c>) | <c>danger</c>; <c>suspend</c>: stop the work at once (the coming sessions are cancelled).
/// </summary>
public sealed record IncidentRequest(string? Kind, string? Description, bool Suspend = false, AccidentRequest? Accident = null);

/// <summary>
/// The officer's decision. <c>action</c>: <c>note</c> | <c>reminder</c> | <c>convocation</c> | <c>report-to-judge</c>;
/// <c>followUp</c>: <c>resume</c> (the placement goes on, resumed if suspended) | <c>end</c> (the placement ends).
/// </summary>
public sealed record IncidentDecisionRequest(string? Action, string? FollowUp, string? Comment);

public sealed record AccidentResponse(DateTimeOffset OccurredAt, string Place, string Circumstances, string? Witnesses);

public sealed record IncidentDecisionResponse(IncidentAction Action, PlacementFollowUp FollowUp, string? Comment, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>
/// An incident with its placement. The person is named in full for the SPIP, by first name and initial for the host side (who
/// sees only the incidents it reported). <c>ageDays</c>: days since it was reported.
/// </summary>
public sealed record IncidentResponse(Guid Id, Guid PlacementId, Guid? PersonId, string PersonName, string PostTitle, IncidentKind Kind,
    string Description, bool Suspended, bool Automatic, string ReportedBy, DateTimeOffset ReportedAt, int AgeDays, IncidentStatus Status,
    PlacementStatus PlacementStatus, AccidentResponse? Accident, IncidentDecisionResponse? Decision);
