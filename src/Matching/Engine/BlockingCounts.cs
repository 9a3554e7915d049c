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
/// the posts inside the travel box (all others are beyond it); zones from the posts inside the zones' box; rule 11 from the
/// posts of the distinct schedule windows that meet the person's availability — every other post gives them no hour; rule 16
/// (a person with a job) from each post's dates.
/// </summary>
public sealed class BlockingCounts
{
    private readonly PostGrid _grid;
    private readonly PostSide[] _sides;
    private readonly int[] _withTrait = new int[8];
    private readonly int[] _atDemand;
    private readonly Dictionary<string, int> _perPartner = new(StringComparer.Ordinal);
    /// <summary>Each distinct schedule window (<see cref="PostSide.WindowIds"/>): its start and end, and the posts that have it.</summary>
    private readonly int[] _windowStart, _windowEnd;
    private readonly int[] _postsOfWindowStart, _postsOfWindow;
    /// <summary>What rule 11 reads of each post before its schedule, side by side: the posts are then visited in grid order.</summary>
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
        _windowStart = new int[grid.Windows];
        _windowEnd = new int[grid.Windows];
        _postsOfWindowStart = new int[grid.Windows + 1];
        for (var q = 0; q < sides.Length; q++)
        {
            var schedule = sides[q].Schedule;
            var ids = sides[q].WindowIds;
            for (var w = 0; w < ids.Length; w++)
            {
                (_windowStart[ids[w]], _windowEnd[ids[w]]) = (schedule[2 * w], schedule[2 * w + 1]);
                _postsOfWindowStart[ids[w] + 1]++;
            }
        }
        for (var w = 0; w < grid.Windows; w++) _postsOfWindowStart[w + 1] += _postsOfWindowStart[w];
        _postsOfWindow = new int[_postsOfWindowStart[^1]];
        var next = _postsOfWindowStart[..^1];
        for (var q = 0; q < sides.Length; q++)
            foreach (var id in sides[q].WindowIds) _postsOfWindow[next[id]++] = q;
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
    public Dictionary<Rule, int>? Count(in PersonSide side, List<(int From, int To)> nearby, Scratch scratch, Func<bool>? passed = null)
    {
        ArgumentNullException.ThrowIfNull(nearby);
        var person = side.Person;
        var counts = new Dictionary<Rule, int>();
        void Add(Rule rule, int count)
        {
            if (count > 0) counts[rule] = counts.GetValueOrDefault(rule) + count;
        }

        foreach (var (trait, rule) in EligibilityRules.TraitRules)
            if (EligibilityRules.ForbiddenTraits(trait, side.Forbidden) != 0) Add(rule, _withTrait[BitOperations.TrailingZeroCount((uint)trait)]);
        for (var level = 0; level < _atDemand.Length; level++)
            if (EligibilityRules.TooDemanding((PhysicalDemand)level, person.MaxPhysicalDemand)) Add(Rule.PhysicalDemand, _atDemand[level]);
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

        // Rule 11: a post none of whose windows meets the person's availability gives W = 0 and breaks it. The posts of the
        // windows that do meet it are marked, then looked at in grid order by the rule itself — the bound that needs no
        // schedule first (from arrays side by side), W for the few it leaves.
        ArgumentNullException.ThrowIfNull(scratch);
        var marked = scratch.Clear();
        var availability = person.Availability.WeekMinutes;
        for (var w = 0; w < _windowStart.Length; w++)
        {
            if (EligibilityRules.Overlap(availability, _windowStart[w], _windowEnd[w], side.Minor) == 0) continue;
            for (var i = _postsOfWindowStart[w]; i < _postsOfWindowStart[w + 1]; i++) marked[_postsOfWindow[i] >> 6] |= 1UL << _postsOfWindow[i];
        }
        if (passed?.Invoke() == true) return null;
        var inTime = 0;
        for (var k = 0; k < marked.Length; k++)
            for (var bits = marked[k]; bits != 0; bits &= bits - 1)
            {
                var q = k * 64 + BitOperations.TrailingZeroCount(bits);
                var weeks = EligibilityRules.Weeks(side.ReferenceDay, side.DeadlineDay, _openFrom[q], _openUntil[q]);
                if (side.MayCompleteInTime(_maxWeekly[q], weeks) && EligibilityRules.CompletesInTime(side.WeeklyHours(_sides[q]), weeks, person.HoursRemaining)) inTime++;
            }
        var late = _sides.Length - inTime;
        Add(Rule.Schedule, late);

        // Rule 16, for a person with a job: the hours a week it leaves, over each post's weeks — from the dates alone.
        if (side.HasJob)
        {
            var over = 0;
            for (var q = 0; q < _sides.Length; q++)
                if (!side.WithinWorkingTime(EligibilityRules.Weeks(side.ReferenceDay, side.DeadlineDay, _openFrom[q], _openUntil[q]))) over++;
            Add(Rule.WorkingTime, over);
        }
        return counts;
    }

    /// <summary>One thread's marks of the posts to look at for the person being counted: a bit per post.</summary>
    public sealed class Scratch(BlockingCounts counts)
    {
        private readonly ulong[] _marked = new ulong[(counts._sides.Length + 63) / 64];

        public ulong[] Clear()
        {
            Array.Clear(_marked);
            return _marked;
        }
    }
}
