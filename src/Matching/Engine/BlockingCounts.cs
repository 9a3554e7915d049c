using System.Numerics;
using System.Runtime.CompilerServices;
using Placement.Catalogue.Domain;

namespace Placement.Matching.Engine;

/// <summary>
/// <c>blockingRules</c> for a person with no eligible post: how many of the instance's posts each rule excludes, over every
/// post — the counts <see cref="EligibilityRules.Evaluate(in PersonSide, in PostSide)"/> would give post by
/// post, worked out rule by rule from what the posts share, so that a person costs a pass over small arrays rather than a
/// full evaluation of every post. Each rule is decided on its own (a post counts under every rule it breaks):
/// the trait rules and physical demand from counts per trait and per level; partners from counts per partner; distance from
/// the posts inside the travel box (all others are beyond it); zones from the posts inside the zones' box; rule 11 — the one
/// that needs each post — in one sequential pass over the grid's packed sides, each distinct window's overlap worked out once.
/// </summary>
public sealed class BlockingCounts
{
    private readonly PostGrid _grid;
    private readonly PostSide[] _sides;
    private readonly int[] _withTrait = new int[8];
    private readonly int[] _atDemand;
    private readonly Dictionary<string, int> _perPartner = new(StringComparer.Ordinal);
    /// <summary>What rule 11's bound reads of each post, side by side (a pass over every post streams these, not the sides).</summary>
    private readonly int[] _openFrom, _openUntil;
    private readonly double[] _maxWeekly;

    public BlockingCounts(PostGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        _grid = grid;
        var sides = _sides = grid.Sides;
        _atDemand = new int[Enum.GetValues<PhysicalDemand>().Max(d => (int)d) + 1];
        _openFrom = [.. sides.Select(side => side.OpenFromDay)];
        _openUntil = [.. sides.Select(side => side.OpenUntilDay)];
        _maxWeekly = [.. sides.Select(side => side.MaxWeeklyHoursPerPerson)];
        for (var q = 0; q < sides.Length; q++)
        {
            var post = sides[q].Post;
            for (var traits = (uint)sides[q].Traits; traits != 0; traits &= traits - 1) _withTrait[BitOperations.TrailingZeroCount(traits)]++;
            _atDemand[(int)post.PhysicalDemand]++;
            _perPartner[post.PartnerId] = _perPartner.GetValueOrDefault(post.PartnerId) + 1;
        }
    }

    /// <summary>
    /// Posts excluded per rule (rules that exclude none are left out). <paramref name="nearby"/>: the <see cref="PostGrid"/> runs
    /// of the box of the person's travel distance. Null when <paramref name="passed"/> says so midway: no count rather than a false one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Dictionary<Rule, int>? Count(in PersonSide side, List<(int From, int To)> nearby, Func<bool>? passed = null)
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
        foreach (var (from, to) in nearby)
            for (var q = from; q < to; q++)
                if (EligibilityRules.WithinReach(side.Vector.ChordSquaredTo(_sides[q].Vector), side)) reachable++;
        Add(Rule.Distance, _sides.Length - reachable);

        if (person.ExclusionZones.Count > 0)
        {
            var inZones = 0;
            var box = person.ExclusionZones.SearchBox;
            var runs = new List<(int From, int To)>();
            if (box is null) runs.Add((0, _sides.Length));
            else _grid.Runs(box.MinY, box.MaxY, box.MinX, box.MaxX, runs);
            foreach (var (from, to) in runs)
                for (var q = from; q < to; q++)
                    if (person.ExclusionZones.Contains(_sides[q].Post.Location)) inZones++;
            Add(Rule.ExclusionZone, inZones);
        }

        // Rule 11, post by post in grid order (each distinct window's overlap once).
        var late = 0;
        for (var q = 0; q < _sides.Length; q++)
        {
            if ((q & 4095) == 0 && passed?.Invoke() == true) return null;
            var weeks = EligibilityRules.Weeks(side.ReferenceDay, side.DeadlineDay, _openFrom[q], _openUntil[q]);
            if (!side.MayCompleteInTime(_maxWeekly[q], weeks) || !EligibilityRules.CompletesInTime(side.WeeklyHours(_sides[q]), weeks, person.HoursRemaining)) late++;
        }
        Add(Rule.Schedule, late);
        return counts;
    }
}
