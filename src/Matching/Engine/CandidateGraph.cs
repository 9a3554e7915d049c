using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Placement.Matching.Engine;

/// <summary>An eligible (person, post) pair with its quality score. Indices point into the instance's lists.</summary>
public readonly record struct CandidateArc(int Person, int Post, int Score, double DistanceKm, double WeeklyHours);

/// <summary>
/// When candidate generation must be done: <see cref="Until"/> after <see cref="Started"/> on <see cref="Clock"/>. Persons
/// are examined in full while the pace allows everyone to be by then; beyond, the others get their nearest posts first
/// (<see cref="CandidateGraph.CoarseCandidates"/>) and are examined in full afterwards while time remains. The first pass —
/// everyone's candidates, however coarse — may go on until <see cref="FirstPassUntil"/>. Whatever the shares, the work stops
/// when what follows it would not end by <see cref="Limit"/>: <see cref="Afterwards"/> plus <see cref="PerArc"/> for each
/// candidate found.
/// </summary>
public sealed record CandidateBudget(TimeProvider Clock, long Started, TimeSpan Until, TimeSpan FirstPassUntil)
{
    public TimeSpan Limit { get; init; } = TimeSpan.MaxValue;
    public TimeSpan Afterwards { get; init; }
    public TimeSpan PerArc { get; init; }

    public TimeSpan Elapsed => Clock.GetElapsedTime(Started);

    /// <summary>Past <paramref name="share"/>, or too late for the rest of the solve with <paramref name="arcs"/> candidates.</summary>
    public bool Passed(TimeSpan share, long arcs) => Passed(Elapsed, share, arcs);

    /// <summary>As <see cref="Passed(TimeSpan, long)"/>, at the moment <paramref name="at"/> (a forecast).</summary>
    public bool Passed(TimeSpan at, TimeSpan share, long arcs) =>
        at >= share || (Limit != TimeSpan.MaxValue && at + Afterwards + PerArc * arcs >= Limit);

    /// <summary>
    /// The first pass's stop: as <see cref="Passed(TimeSpan, long)"/> at <see cref="FirstPassUntil"/>, but never before half of
    /// <see cref="Limit"/> — an estimate of what follows, however large, leaves the first pass its chance.
    /// </summary>
    public bool FirstPassPassed(long arcs)
    {
        var elapsed = Elapsed;
        return elapsed >= FirstPassUntil || (Limit != TimeSpan.MaxValue && elapsed >= Limit / 2 && elapsed + Afterwards + PerArc * arcs >= Limit);
    }
}

/// <summary>
/// Every pair that passes rules 1–11, found in O(pairs within reach): a <see cref="PostGrid"/> yields the posts inside the box
/// of each person's travel distance as contiguous runs, and only those are evaluated. For a person with no eligible post,
/// <see cref="BlockingCounts"/> says which rules exclude the posts — over every post of the instance, as matching.md asks. A
/// person with no hours remaining gets no candidate (rule 15).
/// <para>
/// Persons are taken in a fixed pseudo-random order, so that whatever the time limit leaves undone is spread over the whole
/// territory and list, never « the last half ». Under a <see cref="CandidateBudget"/>: when the pace says the full examination
/// of everyone would not end in time, the remaining persons first get a coarse set — the eligible posts within a growing
/// radius, until <see cref="CoarseCandidates"/> are found — and are then examined in full, in the same order, while time
/// remains. Only when even the coarse pass cannot end in time are persons left <see cref="Unexamined"/>. The blocking counts
/// of the persons without any eligible post come after the first pass and before the refinement, while time remains: a
/// person's coarse candidates already give them their chance of a place, and an officer needs to know why someone has none.
/// </para>
/// </summary>
public sealed class CandidateGraph
{
    /// <summary>Eligible posts looked for per person in the coarse pass (the nearest rings first).</summary>
    public const int CoarseCandidates = 12;

    /// <summary>The coarse pass starts at this share of the travel distance, and doubles it.</summary>
    private const double CoarseFirstRing = 1.0 / 8;

    private readonly CandidateArc[][] _byPerson;
    private readonly bool[] _coarse;
    private readonly Lazy<Scanner> _completer;

    private CandidateGraph(MatchingInstance instance, CandidateArc[][] byPerson, Dictionary<Rule, int>?[] blocking, bool[] unexamined, bool[] coarse,
        long pairsExamined, TimeSpan spatial, TimeSpan rules, TimeSpan wall, Func<Scanner> completer)
    {
        PairsExamined = pairsExamined;
        Instance = instance;
        ByPerson = _byPerson = byPerson;
        Blocking = blocking;
        Unexamined = unexamined;
        Coarse = _coarse = coarse;
        SpatialTime = spatial;
        RuleTime = rules;
        WallTime = wall;
        PairCount = byPerson.Sum(a => a.Length);
        _completer = new(completer, LazyThreadSafetyMode.None);
    }

    /// <summary>
    /// Examines in full a person the time limit left with their nearest posts (<see cref="Coarse"/>): their candidates become
    /// all their eligible posts, returned. One thread at a time (the solve's end, for the few left unplaced).
    /// </summary>
    public CandidateArc[] Complete(int person)
    {
        if (!_coarse[person]) return _byPerson[person];
        var (arcs, _) = _completer.Value.Full(person);
        PairCount += arcs.Length - _byPerson[person].Length;
        (_byPerson[person], _coarse[person]) = (arcs, false);
        return arcs;
    }

    public MatchingInstance Instance { get; }

    /// <summary>Eligible posts of each person (capacity not considered), best score first.</summary>
    public IReadOnlyList<CandidateArc[]> ByPerson { get; }

    /// <summary>
    /// For persons without any eligible post: posts excluded per rule; null otherwise — and for such a person when the time limit
    /// ended before their counts (see the class).
    /// </summary>
    public IReadOnlyList<Dictionary<Rule, int>?> Blocking { get; }

    public int PairCount { get; private set; }

    /// <summary>(person, post) pairs looked at: those inside the travel boxes, and every post for the persons without an eligible one.</summary>
    public long PairsExamined { get; }

    /// <summary>Persons the time limit left unexamined: their posts were not looked at (no arc, no count).</summary>
    public IReadOnlyList<bool> Unexamined { get; }

    /// <summary>Persons whose candidates are only their nearest eligible posts (the time limit ended before their full examination).</summary>
    public IReadOnlyList<bool> Coarse { get; }

    /// <summary>Time spent in spatial queries (summed over threads).</summary>
    public TimeSpan SpatialTime { get; }

    /// <summary>Time spent evaluating rules and scores (summed over threads).</summary>
    public TimeSpan RuleTime { get; }

    /// <summary>Wall-clock time of the whole generation.</summary>
    public TimeSpan WallTime { get; }

    /// <summary>
    /// The candidates of every person. <paramref name="budget"/>: when they must be done (see the class); <paramref name="stop"/>:
    /// stop at once (cancellation), the persons not examined yet left so. <paramref name="progress"/> hears the share of persons
    /// examined (from one thread at a time).
    /// </summary>
    public static CandidateGraph Build(MatchingInstance instance, Action<double>? progress = null, CandidateBudget? budget = null, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var watch = Stopwatch.StartNew();
        var grid = new PostGrid(instance.Posts);
        var counts = new BlockingCounts(grid);
        var persons = instance.Persons;
        var n = persons.Count;
        var byPerson = new CandidateArc[n][];
        var blocking = new Dictionary<Rule, int>?[n];
        var unexamined = new bool[n];
        var coarse = new bool[n];
        var order = Enumerable.Range(0, n).ToArray();
        new Random(20_261_207).Shuffle(order);

        var phaseStarted = budget?.Elapsed ?? TimeSpan.Zero;
        var switched = 0; // 1 once the pace says the full examination of everyone would not end in time
        var examined = 0;
        var reporting = new object();
        long spatialTicks = 0, ruleTicks = 0, pairs = 0;
        long arcs = 0;
        bool Late() => stop.IsCancellationRequested || (budget is not null && budget.Passed(budget.Until, Interlocked.Read(ref arcs)));
        bool FirstPassLate() => stop.IsCancellationRequested || (budget is not null && budget.FirstPassPassed(Interlocked.Read(ref arcs)));

        // First pass, in the fixed order: in full while the pace allows, coarse afterwards.
        Parallel.For(0, n, Threads, () => new Scanner(instance, grid, counts), (k, _, scanner) =>
        {
            var p = order[k];
            var person = persons[p];
            var done = Interlocked.Increment(ref examined);
            if (progress is not null && done % 256 == 0)
                lock (reporting) progress(done / (double)n);
            if (person.HoursRemaining <= 0)
            {
                byPerson[p] = [];
                return scanner;
            }
            if (FirstPassLate())
            {
                byPerson[p] = [];
                unexamined[p] = true;
                return scanner;
            }
            if (budget is not null && Volatile.Read(ref switched) == 0 && done >= 32)
            {
                // The pace so far, carried to everyone: the time it would end, and the candidates it would have found by then.
                var pace = n / (double)done;
                var end = phaseStarted + (budget.Elapsed - phaseStarted) * pace;
                if (budget.Passed(end, budget.Until * 0.9, (long)(Interlocked.Read(ref arcs) * pace))) Interlocked.Exchange(ref switched, 1);
            }
            var full = Volatile.Read(ref switched) == 0;
            Apply(p, full ? scanner.Full(p) : scanner.Nearest(p));
            return scanner;
        }, scanner => scanner.Flush(ref spatialTicks, ref ruleTicks, ref pairs));

        // Then what explains the persons without any eligible post: the blocking counts, while time remains.
        WhileTimeRemains(order.Where(p => !unexamined[p] && !coarse[p] && byPerson[p].Length == 0 && persons[p].HoursRemaining > 0).ToArray(),
            (scanner, p) => blocking[p] = scanner.Count(p, Late));
        // Refinement: the persons given their nearest posts only, in full, in the same order, while time remains.
        WhileTimeRemains(order.Where(p => coarse[p]).ToArray(), (scanner, p) => Apply(p, scanner.Full(p)));

        return new CandidateGraph(instance, byPerson, blocking, unexamined, coarse, pairs,
            TimeSpan.FromSeconds(spatialTicks / (double)Stopwatch.Frequency), TimeSpan.FromSeconds(ruleTicks / (double)Stopwatch.Frequency), watch.Elapsed,
            () => new Scanner(instance, grid, counts));

        // One person after the other, in the given order, on every core, until the budget says stop.
        void WhileTimeRemains(int[] chosen, Action<Scanner, int> examine)
        {
            if (chosen.Length == 0 || Late()) return;
            Parallel.For(0, chosen.Length, Threads, () => new Scanner(instance, grid, counts), (k, state, scanner) =>
            {
                if (Late()) state.Stop();
                else examine(scanner, chosen[k]);
                return scanner;
            }, scanner => scanner.Flush(ref spatialTicks, ref ruleTicks, ref pairs));
        }

        void Apply(int p, (CandidateArc[] Arcs, bool Coarse) outcome)
        {
            Interlocked.Add(ref arcs, outcome.Arcs.Length - (byPerson[p]?.Length ?? 0));
            (byPerson[p], coarse[p]) = outcome;
        }
    }

    /// <summary>One worker per core: the work is all CPU, more would only contend.</summary>
    private static readonly ParallelOptions Threads = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>One thread's work: the runs and caches it reuses from person to person, and its time.</summary>
    private sealed class Scanner(MatchingInstance instance, PostGrid grid, BlockingCounts counts)
    {
        private readonly List<(int From, int To)> _runs = [];
        private readonly List<CandidateArc> _arcs = [];
        private readonly WindowOverlapCache _cache = new(grid.Windows);
        private readonly BlockingCounts.Scratch _scratch = new(counts);
        private long _spatial, _rules, _pairs;

        /// <summary>Every eligible post of the person.</summary>
        public (CandidateArc[] Arcs, bool Coarse) Full(int p)
        {
            var person = instance.Persons[p];
            Scan(p, new PersonSide(person, instance.ReferenceDate, _cache), person.MaxTravelKm);
            return (Sorted(), false);
        }

        /// <summary>
        /// The eligible posts in the box of a radius growing from an eighth of the travel distance, doubled until
        /// <see cref="CoarseCandidates"/> lie within the radius — so that the nearest eligible posts of all are among them; at
        /// the full distance this is <see cref="Full"/>.
        /// </summary>
        public (CandidateArc[] Arcs, bool Coarse) Nearest(int p)
        {
            var person = instance.Persons[p];
            var side = new PersonSide(person, instance.ReferenceDate, _cache);
            for (var km = person.MaxTravelKm * CoarseFirstRing; km < person.MaxTravelKm; km *= 2)
            {
                Scan(p, side, km);
                // Enough within the radius itself (not merely in its box): then the nearest of all are among them.
                var within = 0;
                foreach (var arc in _arcs)
                    if (arc.DistanceKm <= km) within++;
                if (within >= CoarseCandidates) return (Sorted(), true);
            }
            return Full(p);
        }

        /// <summary>The blocking counts of a person without any eligible post (null when <paramref name="late"/> cut them short).</summary>
        public Dictionary<Rule, int>? Count(int p, Func<bool> late)
        {
            var person = instance.Persons[p];
            var start = Stopwatch.GetTimestamp();
            grid.Runs(person.Location, person.MaxTravelKm + EligibilityRules.DistanceToleranceKm, _runs);
            _pairs += grid.Count;
            var blocking = counts.Count(new PersonSide(person, instance.ReferenceDate, _cache), _runs, _scratch, late);
            _rules += Stopwatch.GetTimestamp() - start;
            return blocking;
        }

        /// <summary>The eligible posts inside the box of <paramref name="km"/> into <see cref="_arcs"/> (rule 6 still at the person's own distance).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the hot loop: optimised from the first call, as a CLI run is one call
        private void Scan(int p, in PersonSide side, double km)
        {
            var person = side.Person;
            var start = Stopwatch.GetTimestamp();
            grid.Runs(person.Location, km + EligibilityRules.DistanceToleranceKm, _runs);
            var afterQuery = Stopwatch.GetTimestamp();
            _arcs.Clear();
            var sides = grid.Sides;
            var gates = grid.Gates;
            foreach (var (from, to) in _runs)
            {
                _pairs += to - from;
                for (var i = from; i < to; i++)
                    if (!side.Refuses(gates[i]) && EligibilityRules.IsEligible(side, sides[i], out var evaluation))
                    {
                        var post = grid.PostIndex[i];
                        _arcs.Add(new CandidateArc(p, post, QualityScore.Of(person, sides[i].Post, evaluation, instance.ReferenceDate), evaluation.DistanceKm, evaluation.WeeklyHours));
                    }
            }
            var end = Stopwatch.GetTimestamp();
            _spatial += afterQuery - start;
            _rules += end - afterQuery;
        }

        private CandidateArc[] Sorted()
        {
            _arcs.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Post.CompareTo(b.Post));
            return [.. _arcs];
        }

        public void Flush(ref long spatial, ref long rules, ref long pairs)
        {
            Interlocked.Add(ref spatial, _spatial);
            Interlocked.Add(ref rules, _rules);
            Interlocked.Add(ref pairs, _pairs);
        }
    }
}
