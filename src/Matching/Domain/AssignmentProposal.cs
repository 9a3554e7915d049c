using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

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

    /// <summary>Why the coordinator rejected it: kept with the run's review.</summary>
    public string? RejectionReason { get; private set; }

    public void Accept(Guid placementId, string by, DateTimeOffset now) => Decide(ProposalStatus.Accepted, by, now, placementId);

    public void Reject(string by, string? reason, DateTimeOffset now)
    {
        var text = Ensure.NotBlank(reason, "reason", 500);
        Decide(ProposalStatus.Rejected, by, now, null);
        RejectionReason = text;
    }

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
