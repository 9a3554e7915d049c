using System.Numerics;
using NetTopologySuite.Index.Strtree;
using Placement.Catalogue.Domain;

namespace Placement.Matching.Engine;

/// <summary>
/// <c>blockingRules</c> for a person with no eligible post: how many of the instance's posts each rule excludes, over every
/// post — the counts <see cref="EligibilityRules.Evaluate(in PersonSide, in PostSide, DateOnly, bool)"/> would give post by
/// post, worked out rule by rule from what the posts share, so that a person costs a pass over small arrays rather than a
/// full evaluation of every post. Each rule is decided on its own (a post counts under every rule it breaks):
/// the trait rules and physical demand from counts per trait and per level; partners from counts per partner; distance from
/// the posts inside the travel box (all others are beyond it); zones from the posts inside the zones' box; rule 11 from each
/// post's dates and the person's weekly hours per schedule class.
/// </summary>
public sealed class BlockingCounts
{
    private readonly PostSide[] _sides;
    private readonly STRtree<int> _tree;
    private readonly int[] _withTrait = new int[8];
    private readonly int[] _atDemand;
    private readonly Dictionary<string, int> _perPartner = new(StringComparer.Ordinal);
    /// <summary>The posts of each schedule class, one class after the other (<see cref="_classStart"/> says where each begins).</summary>
    private readonly int[] _byClass;
    private readonly int[] _classStart;

    public BlockingCounts(PostSide[] sides, int classes, STRtree<int> tree)
    {
        ArgumentNullException.ThrowIfNull(sides);
        _sides = sides;
        _tree = tree;
        _atDemand = new int[Enum.GetValues<PhysicalDemand>().Max(d => (int)d) + 1];
        for (var q = 0; q < sides.Length; q++)
        {
            var post = sides[q].Post;
            for (var traits = (uint)sides[q].Traits; traits != 0; traits &= traits - 1) _withTrait[BitOperations.TrailingZeroCount(traits)]++;
            _atDemand[(int)post.PhysicalDemand]++;
            _perPartner[post.PartnerId] = _perPartner.GetValueOrDefault(post.PartnerId) + 1;
        }
        _classStart = new int[classes + 1];
        foreach (var side in sides) _classStart[side.ScheduleClass + 1]++;
        for (var c = 0; c < classes; c++) _classStart[c + 1] += _classStart[c];
        _byClass = new int[sides.Length];
        var next = _classStart[..^1];
        for (var q = 0; q < sides.Length; q++) _byClass[next[sides[q].ScheduleClass]++] = q;
    }

    /// <summary>
    /// Posts excluded per rule (rules that exclude none are left out). <paramref name="nearby"/>: the posts inside the box of the
    /// person's travel distance, each once. Null when <paramref name="stop"/> is signalled midway: no count rather than a false one.
    /// </summary>
    public Dictionary<Rule, int>? Count(in PersonSide side, IList<int> nearby, DateOnly referenceDate, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(nearby);
        var person = side.Person;
        var counts = new Dictionary<Rule, int>();
        void Add(Rule rule, int count)
        {
            if (count > 0) counts[rule] = counts.GetValueOrDefault(rule) + count;
        }

        foreach (var (trait, rule) in EligibilityRules.TraitRules)
            if ((side.Forbidden & trait) != 0) Add(rule, _withTrait[BitOperations.TrailingZeroCount((uint)trait)]);
        for (var level = (int)person.MaxPhysicalDemand + 1; level < _atDemand.Length; level++) Add(Rule.PhysicalDemand, _atDemand[level]);
        foreach (var partner in person.ExcludedPartnerIds) Add(Rule.ExcludedPartner, _perPartner.GetValueOrDefault(partner));
        foreach (var partner in person.CoDefendantPartnerIds) Add(Rule.CoDefendant, _perPartner.GetValueOrDefault(partner));

        var reachable = 0;
        foreach (var q in nearby)
            if (EligibilityRules.WithinReach(EligibilityRules.DistanceKm(side, _sides[q]), person.MaxTravelKm)) reachable++;
        Add(Rule.Distance, _sides.Length - reachable);

        if (person.ExclusionZones.Count > 0)
        {
            var inZones = 0;
            var box = person.ExclusionZones.SearchBox;
            IEnumerable<int> candidates = box is null ? Enumerable.Range(0, _sides.Length) : _tree.Query(box);
            foreach (var q in candidates)
                if (person.ExclusionZones.Contains(_sides[q].Post.Location)) inZones++;
            Add(Rule.ExclusionZone, inZones);
        }

        // Rule 11, class by class: where the person's weekly hours W on the class are 0, every post of it breaks the rule;
        // otherwise N from each post's dates decides.
        var late = 0;
        for (var c = 0; c < _classStart.Length - 1; c++)
        {
            if (stop.IsCancellationRequested) return null;
            int from = _classStart[c], to = _classStart[c + 1];
            var weekly = side.WeeklyHours(_sides[_byClass[from]]);
            if (!EligibilityRules.CompletesInTime(weekly, double.PositiveInfinity, person.HoursRemaining)) // no number of weeks is enough
            {
                late += to - from;
                continue;
            }
            for (var i = from; i < to; i++)
            {
                var post = _sides[_byClass[i]].Post;
                if (!EligibilityRules.CompletesInTime(weekly, EligibilityRules.Weeks(referenceDate, person.Deadline, post.OpenFrom, post.OpenUntil), person.HoursRemaining)) late++;
            }
        }
        Add(Rule.Schedule, late);
        return counts;
    }
}
