using Placement.Catalogue.Domain;

namespace Placement.Matching.Assignment;

public enum RunState { Queued, Running, Succeeded, Failed, Cancelled }

/// <summary>
/// A batch assignment over a territory: who asked, for which départements (and optionally which persons),
/// on which reference date, with what time limit; its state and progress; its figures when done.
/// </summary>
public sealed class AssignmentRun
{
    public const int MaxAttempts = 3;

    private AssignmentRun() { }

    public AssignmentRun(Guid id, IEnumerable<string> departements, IEnumerable<Guid>? personIds, DateOnly referenceDate, double timeLimitSeconds,
        bool keepProposed, string requestedBy, Guid? scheduleId, DateTimeOffset now)
    {
        var deps = departements.Select(d => InseeCodes.Departement(d, "departements")).Distinct().Order(StringComparer.Ordinal).ToList();
        Ensure.That(deps.Count > 0, "departements", "Au moins un département.");
        Ensure.That(double.IsFinite(timeLimitSeconds) && timeLimitSeconds is > 0 and <= 600, "timeLimitSeconds", "Le temps limite est compris entre 0 (exclu) et 600 secondes.");
        Id = id;
        Departements = deps;
        PersonIds = personIds?.Distinct().ToList();
        ReferenceDate = referenceDate;
        TimeLimitSeconds = timeLimitSeconds;
        KeepProposed = keepProposed;
        RequestedBy = requestedBy;
        ScheduleId = scheduleId;
        State = RunState.Queued;
        Phase = "queued";
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public List<string> Departements { get; private set; } = [];
    public List<Guid>? PersonIds { get; private set; }
    public DateOnly ReferenceDate { get; private set; }
    public double TimeLimitSeconds { get; private set; }
    public bool KeepProposed { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public Guid? ScheduleId { get; private set; }
    public RunState State { get; private set; }
    public string Phase { get; private set; } = "";
    public double Percent { get; private set; }
    public long? Objective { get; private set; }
    public long? BestBound { get; private set; }
    public string? SolveStatus { get; private set; }
    public int Persons { get; private set; }
    public int Posts { get; private set; }
    public int Placed { get; private set; }
    public long? ElapsedMs { get; private set; }
    public string? Error { get; private set; }
    public bool CancelRequested { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public bool IsFinished => State is RunState.Succeeded or RunState.Failed or RunState.Cancelled;

    public void Start(DateTimeOffset now)
    {
        if (IsFinished) throw new IllegalTransitionException("Affectation", State.ToString(), "start");
        State = RunState.Running;
        Attempts++;
        StartedAt = now;
        Phase = "loading";
        Percent = 0;
    }

    public void Report(string phase, double percent, long? objective, long? bound)
    {
        Phase = phase;
        Percent = Math.Clamp(percent, 0, 100);
        Objective = objective ?? Objective;
        BestBound = bound ?? BestBound;
    }

    public void RequestCancel()
    {
        if (IsFinished) throw new IllegalTransitionException("Affectation", State.ToString(), "cancel");
        CancelRequested = true;
    }

    /// <summary>Done: succeeded, or cancelled when a cancel was asked (its best proposals so far are kept).</summary>
    public void Finish(string solveStatus, int persons, int posts, int placed, long objective, long bound, long elapsedMs, DateTimeOffset now)
    {
        State = CancelRequested ? RunState.Cancelled : RunState.Succeeded;
        SolveStatus = solveStatus;
        (Persons, Posts, Placed, Objective, BestBound, ElapsedMs) = (persons, posts, placed, objective, bound, elapsedMs);
        Phase = "done";
        Percent = 100;
        FinishedAt = now;
    }

    public void Fail(string error, DateTimeOffset now)
    {
        State = RunState.Failed;
        Error = error.Length > 2000 ? error[..2000] : error;
        Phase = "failed";
        FinishedAt = now;
    }

    /// <summary>Cancelled before it started: nothing to keep.</summary>
    public void CancelQueued(DateTimeOffset now)
    {
        State = RunState.Cancelled;
        Phase = "cancelled";
        FinishedAt = now;
    }
}

public enum ProposalStatus { Pending, Accepted, Rejected, Superseded }

/// <summary>One proposal of a run: a person on a post, its score and its explanation. Reviewed by a human.</summary>
public sealed class AssignmentProposal
{
    private AssignmentProposal() { }

    public AssignmentProposal(Guid id, Guid runId, Guid personId, Guid postId, int score, double distanceKm, double weeklyHours, IEnumerable<string> explanation, bool pinned)
    {
        Id = id;
        RunId = runId;
        PersonId = personId;
        PostId = postId;
        Score = score;
        DistanceKm = distanceKm;
        WeeklyHours = weeklyHours;
        Explanation = [.. explanation];
        Pinned = pinned;
        Status = ProposalStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid PostId { get; private set; }
    public int Score { get; private set; }
    public double DistanceKm { get; private set; }
    public double WeeklyHours { get; private set; }
    public List<string> Explanation { get; private set; } = [];
    public bool Pinned { get; private set; }
    public ProposalStatus Status { get; private set; }
    public Guid? PlacementId { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public void Accept(Guid placementId, string by, DateTimeOffset now) => Decide(ProposalStatus.Accepted, by, now, placementId);
    public void Reject(string by, DateTimeOffset now) => Decide(ProposalStatus.Rejected, by, now, null);
    public void Supersede(DateTimeOffset now) => Decide(ProposalStatus.Superseded, "système", now, null);

    private void Decide(ProposalStatus status, string by, DateTimeOffset now, Guid? placement)
    {
        if (Status != ProposalStatus.Pending) throw new IllegalTransitionException("Proposition", Status.ToString(), status.ToString().ToLowerInvariant());
        Status = status;
        DecidedBy = by;
        DecidedAt = now;
        PlacementId = placement;
    }
}

/// <summary>A person a run could not place, and why (matching.md reasons).</summary>
public sealed class UnplacedPerson
{
    private UnplacedPerson() { }

    public UnplacedPerson(Guid runId, Guid personId, string reason, IReadOnlyDictionary<string, int>? blockingRules)
    {
        RunId = runId;
        PersonId = personId;
        Reason = reason;
        BlockingRules = blockingRules is null ? null : new Dictionary<string, int>(blockingRules);
    }

    public long Id { get; private set; }
    public Guid RunId { get; private set; }
    public Guid PersonId { get; private set; }
    public string Reason { get; private set; } = "";
    public Dictionary<string, int>? BlockingRules { get; private set; }
}

/// <summary>A recurring run: a scope and a cron expression (Hangfire's, UTC).</summary>
public sealed class AssignmentSchedule
{
    private AssignmentSchedule() { }

    public AssignmentSchedule(Guid id, IEnumerable<string> departements, string cron, double timeLimitSeconds, bool keepProposed, string createdBy, DateTimeOffset now)
    {
        Departements = departements.Select(d => InseeCodes.Departement(d, "departements")).Distinct().Order(StringComparer.Ordinal).ToList();
        Ensure.That(Departements.Count > 0, "departements", "Au moins un département.");
        Cron = Ensure.NotBlank(cron, "cron", 100);
        Ensure.That(double.IsFinite(timeLimitSeconds) && timeLimitSeconds is > 0 and <= 600, "timeLimitSeconds", "Le temps limite est compris entre 0 (exclu) et 600 secondes.");
        Id = id;
        TimeLimitSeconds = timeLimitSeconds;
        KeepProposed = keepProposed;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public List<string> Departements { get; private set; } = [];
    public string Cron { get; private set; } = "";
    public double TimeLimitSeconds { get; private set; }
    public bool KeepProposed { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public string RecurringJobId => $"assignment-schedule-{Id:N}";
}

/// <summary>A person flagged by the deadline watch, with the reasons in French.</summary>
public sealed class AtRiskPerson
{
    private AtRiskPerson() { }

    public AtRiskPerson(Guid personId, string departement, IEnumerable<string> reasons, DateTimeOffset now)
    {
        PersonId = personId;
        Departement = departement;
        Reasons = [.. reasons];
        FlaggedAt = now;
    }

    public Guid PersonId { get; private set; }
    public string Departement { get; private set; } = "";
    public List<string> Reasons { get; private set; } = [];
    public DateTimeOffset FlaggedAt { get; private set; }
}
