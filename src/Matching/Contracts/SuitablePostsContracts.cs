using Placement.Catalogue.Contracts;

namespace Placement.Matching.Contracts;

public sealed record ScorePartResponse(string Name, double Points, double Max, string Explanation);

public sealed record SuitablePostItem(PostResponse Post, HostBodySummary HostBody, double DistanceKm, int Score, int FreePlaces,
    IReadOnlyList<ScorePartResponse> ScoreParts, IReadOnlyList<string> Explanation);

public sealed record SuitablePostsResponse(IReadOnlyList<SuitablePostItem> Items, int Candidates, IReadOnlyDictionary<string, int> ExcludedByRule,
    int Full, int CoDefendant, IReadOnlyList<string> Summary);

/// <summary>Which posts suit a person: optional text and activity, and how many (1–200, 20 by default).</summary>
public sealed record SuitablePostsQuery(string? Q, int? Limit, string? Activity = null);
