using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;

namespace Placement.Matching.Features.AssignmentRuns;

public sealed record CreateRunRequest(IReadOnlyList<string>? Departements, IReadOnlyList<Guid>? PersonIds, DateOnly? ReferenceDate, double? TimeLimitSeconds, bool? KeepProposed);

public sealed record RunResponse(Guid Id, IReadOnlyList<string> Departements, IReadOnlyList<Guid>? PersonIds, DateOnly ReferenceDate, double TimeLimitSeconds, bool KeepProposed,
    RunState State, string Phase, double Percent, long? Objective, long? BestBound, string? SolveStatus, int Persons, int Posts, int Placed, long? ElapsedMs,
    string? Error, bool CancelRequested, string RequestedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static RunResponse From(AssignmentRun r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Departements, r.PersonIds, r.ReferenceDate, r.TimeLimitSeconds, r.KeepProposed,
            r.State, r.Phase, Math.Round(r.Percent, 1), r.Objective, r.BestBound, r.SolveStatus, r.Persons, r.Posts, r.Placed, r.ElapsedMs,
            r.Error, r.CancelRequested, r.RequestedBy, r.CreatedAt, r.StartedAt, r.FinishedAt);
    }
}

/// <summary>A proposal as the review shows it: who, where (the person's home and the post, for the map), why, and what became of it.</summary>
public sealed record ProposalResponse(Guid Id, Guid PersonId, string PersonName, Guid PostId, string PostTitle, string HostBody, int Score, double DistanceKm,
    double WeeklyHours, IReadOnlyList<string> Explanation, ProposalStatus Status, Guid? PlacementId, PointDto Home, PointDto PostLocation, string PostCommuneInsee,
    string? RejectionReason);

public sealed record UnplacedResponse(Guid PersonId, string PersonName, string Reason, IReadOnlyDictionary<string, int>? BlockingRules);

public sealed record AcceptManyRequest(IReadOnlyList<Guid>? ProposalIds);

public sealed record AcceptOutcome(Guid ProposalId, bool Accepted, Guid? PlacementId, string? Reason);

public sealed record CreateScheduleRequest(IReadOnlyList<string>? Departements, string? Cron, double? TimeLimitSeconds, bool? KeepProposed);

public sealed record ScheduleResponse(Guid Id, IReadOnlyList<string> Departements, string Cron, double TimeLimitSeconds, bool KeepProposed, string CreatedBy, DateTimeOffset CreatedAt)
{
    public static ScheduleResponse From(AssignmentSchedule s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Departements, s.Cron, s.TimeLimitSeconds, s.KeepProposed, s.CreatedBy, s.CreatedAt);
    }
}
