using Placement.Matching.Engine;

namespace Placement.Matching.Features.Persons;

/// <summary>
/// The answer to « which posts suit this person? »: eligible posts with free places, best first, and
/// how many nearby posts each rule excluded (rule 13 included, as <c>coDefendant</c>), and those full.
/// </summary>
public sealed record SuitablePostsResult(IReadOnlyList<SuitablePost> Posts, int Candidates, IReadOnlyDictionary<string, int> ExcludedByRule, int Full)
{
    /// <summary>The person has no hours remaining (rule 15): no post is proposed.</summary>
    public bool Completed { get; init; }

    /// <summary>Posts excluded because a co-defendant already works with their host body (rule 13).</summary>
    public int CoDefendant => ExcludedByRule.GetValueOrDefault(RuleNames.Name(Rule.CoDefendant));

    /// <summary>« 12 postes exclus : zone d'interdiction de paraître », one line per reason, most first.</summary>
    public IReadOnlyList<string> Summary => Completed
        ? ["Toutes les heures prononcées sont effectuées : aucun poste à proposer."]
        :
    [
        .. RuleNames.All.Where(r => ExcludedByRule.ContainsKey(RuleNames.Name(r)))
            .Select(r => (Count: ExcludedByRule[RuleNames.Name(r)], Label: RuleNames.Label(r)))
            .Append((Count: Full, Label: "poste complet"))
            .Where(x => x.Count > 0)
            .OrderByDescending(x => x.Count)
            .Select(x => $"{x.Count} {Plural.Of(x.Count, "poste exclu", "postes exclus")} : {x.Label}"),
    ];
}
