namespace Placement.Matching.Engine;

/// <summary>A proposal: the person, the post, the quality score and its explanation in French.</summary>
public sealed record Assignment(string PersonId, string PostId, int Score, double DistanceKm, double WeeklyHours, IReadOnlyList<string> Explanation, bool Pinned = false);

/// <summary>
/// A person left unplaced and why: <c>no-eligible-post</c> (with the posts each rule excluded),
/// <c>capacity</c> (eligible posts exist but are full) or <c>conflict</c> (the only posts left would put
/// them with a co-defendant) or <c>completed</c> (no hours remaining, rule 15).
/// </summary>
public sealed record Unassigned(string PersonId, string Reason, IReadOnlyDictionary<string, int>? BlockingRules = null);

public static class UnassignedReasons
{
    public const string NoEligiblePost = "no-eligible-post";
    public const string Capacity = "capacity";
    public const string Conflict = "conflict";
    public const string Completed = "completed";
    /// <summary>
    /// The time limit ended before this person's posts were examined — or, given only their nearest posts and placed on none,
    /// before the rest were (only when the limit cut candidate generation).
    /// </summary>
    public const string NotExamined = "not-examined";
}

/// <summary>
/// Figures of a solve. The objective is lexicographic — persons placed first, then quality — written as
/// one number: <c>objective = placed × W + quality</c> with <c>W = 100 × persons + 1</c>, so that one more
/// person placed always outweighs any quality. <c>bestBound</c> is a proven upper bound on the same scale.
/// <c>ConflictComponents</c> counts the components whose flow optimum put co-defendants together and
/// that CP-SAT re-solved.
/// </summary>
public sealed record SolveStats(
    int Persons, int Posts, int CandidatePairs, int Placed, long Objective, long BestBound, long ElapsedMs,
    int PlacedBound, long Quality, long QualityBound, long PlacedWeight, int Components, int ConflictComponents,
    double CandidateMs, double RuleMs, double SolveMs)
{
    /// <summary>Wall-clock time of candidate generation (<see cref="CandidateMs"/> and <see cref="RuleMs"/> are summed over threads).</summary>
    public double CandidateWallMs { get; init; }

    /// <summary>Persons whose posts the time limit left unexamined (reason <c>not-examined</c>).</summary>
    public int NotExamined { get; init; }

    /// <summary>Persons the time limit left with their nearest eligible posts only.</summary>
    public int Coarse { get; init; }

    /// <summary>(bestBound − objective) / bestBound; 0 when proved optimal.</summary>
    public double Gap => BestBound == 0 ? 0 : (BestBound - Objective) / (double)BestBound;
}

/// <summary>The solver's answer (matching.md, « Result »).</summary>
public sealed record MatchingResult(string Status, IReadOnlyList<Assignment> Assignments, IReadOnlyList<Unassigned> Unassigned, SolveStats? Stats, string? Error = null)
{
    public const string Optimal = "OPTIMAL";
    public const string Feasible = "FEASIBLE";
    public const string Invalid = "INVALID";
}

/// <summary>Where a solve is: <c>candidates</c>, <c>flow</c>, <c>conflicts</c>, <c>done</c>; objective and bound when known.</summary>
public sealed record SolveProgress(string Phase, double Percent, long? Objective = null, long? BestBound = null);
