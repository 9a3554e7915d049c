using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

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
        bool keepProposed, string requestedBy, Guid? scheduleId, DateTimeOffset now, DateTimeOffset? occurrence = null)
    {
        Ensure.That(occurrence is null || scheduleId is not null, "occurrence", "Seule une planification a des occurrences.");
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
        Occurrence = occurrence;
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
    /// <summary>For a scheduled run, the cron occurrence it stands for: one run per schedule and occurrence.</summary>
    public DateTimeOffset? Occurrence { get; private set; }
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
