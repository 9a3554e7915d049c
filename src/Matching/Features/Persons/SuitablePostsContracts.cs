using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.Posts;
using Placement.Catalogue.Features.Search;

namespace Placement.Matching.Features.Persons;

public sealed record ScorePartResponse(string Name, double Points, double Max, string Explanation);

/// <summary>
/// One post that suits the person. <c>LocationPrecision</c>: how precise the post's position is — <c>address</c>, or its
/// commune's (<c>commune</c>, <c>centroid</c>, <c>departement</c>) when its address could not be geocoded: the distance
/// is approximate then. <c>Explanation</c>: the score parts' lines, then <c>MedicalExamination</c> when there is one.
/// </summary>
public sealed record SuitablePostItem(PostResponse Post, HostBodySummary HostBody, double DistanceKm, int Score, int FreePlaces,
    IReadOnlyList<ScorePartResponse> ScoreParts, IReadOnlyList<string> Explanation, string LocationPrecision)
{
    /// <summary>
    /// The medical examination to plan before the person starts on the post (R.623-14): « visite médicale à prévoir (mineur) »;
    /// null when none is (the person recorded fit, or nothing asks for one).
    /// </summary>
    public string? MedicalExamination { get; init; }
}

/// <summary>The posts that suit a person. <c>HomePrecision</c>: as <c>LocationPrecision</c>, for the person's home — every distance is approximate when it is not <c>address</c>.</summary>
public sealed record SuitablePostsResponse(IReadOnlyList<SuitablePostItem> Items, int Candidates, IReadOnlyDictionary<string, int> ExcludedByRule,
    int Full, int CoDefendant, IReadOnlyList<string> Summary, string HomePrecision);

/// <summary>Which posts suit a person: optional text and activity, and how many (1–200, 20 by default).</summary>
public sealed record SuitablePostsQuery(string? Q, int? Limit, string? Activity = null);
