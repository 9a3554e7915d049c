using System.Diagnostics;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Placement.Matching.Engine;

/// <summary>An eligible (person, post) pair with its quality score. Indices point into the instance's lists.</summary>
public readonly record struct CandidateArc(int Person, int Post, int Score, double DistanceKm, double WeeklyHours);

/// <summary>
/// Every pair that passes rules 1–11, found without comparing every person with every post: an
/// STR-tree over the posts yields those inside the bounding box of each person's travel distance, and
/// only those are evaluated (a box that crosses ±180° is queried on both sides). For a person with no
/// eligible post, it also counts which rules exclude the posts — over every post of the instance, as
/// matching.md asks (<see cref="BlockingCounts"/>), for those persons only. A person with no hours remaining
/// gets no candidate (rule 15).
/// </summary>
public sealed class CandidateGraph
{
    private CandidateGraph(MatchingInstance instance, CandidateArc[][] byPerson, Dictionary<Rule, int>?[] blocking, bool[] unexamined, long pairsExamined, TimeSpan spatial, TimeSpan rules)
    {
        PairsExamined = pairsExamined;
        Instance = instance;
        ByPerson = byPerson;
        Blocking = blocking;
        Unexamined = unexamined;
        SpatialTime = spatial;
        RuleTime = rules;
        PairCount = byPerson.Sum(a => a.Length);
    }

    public MatchingInstance Instance { get; }

    /// <summary>Eligible posts of each person (capacity not considered), best score first.</summary>
    public IReadOnlyList<CandidateArc[]> ByPerson { get; }

    /// <summary>For persons without any eligible post: posts excluded per rule; null otherwise.</summary>
    public IReadOnlyList<Dictionary<Rule, int>?> Blocking { get; }

    public int PairCount { get; }

    /// <summary>(person, post) pairs looked at: those inside the travel boxes, and every post for the persons without an eligible one.</summary>
    public long PairsExamined { get; }

    /// <summary>Persons the time limit left unexamined: their posts were not looked at (no arc, no count).</summary>
    public IReadOnlyList<bool> Unexamined { get; }

    /// <summary>Time spent in spatial queries (summed over threads).</summary>
    public TimeSpan SpatialTime { get; }

    /// <summary>Time spent evaluating rules and scores (summed over threads).</summary>
    public TimeSpan RuleTime { get; }

    /// <summary>
    /// The candidates of every person; once <paramref name="stop"/> is signalled (the time limit), the persons not examined yet
    /// are left so, at once. <paramref name="progress"/> hears the share of persons examined (from one thread at a time).
    /// </summary>
    public static CandidateGraph Build(MatchingInstance instance, Action<double>? progress = null, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var posts = instance.Posts;
        var tree = new STRtree<int>();
        for (var i = 0; i < posts.Count; i++)
            tree.Insert(new Envelope(posts[i].Location.Longitude, posts[i].Location.Longitude, posts[i].Location.Latitude, posts[i].Location.Latitude), i);
        tree.Build();

        var (sides, scheduleClasses) = PostSide.Of(posts);
        var counts = new BlockingCounts(sides, scheduleClasses, tree);
        var persons = instance.Persons;
        var byPerson = new CandidateArc[persons.Count][];
        var blocking = new Dictionary<Rule, int>?[persons.Count];
        var unexamined = new bool[persons.Count];
        var examined = 0;
        var reporting = new object();
        long spatialTicks = 0, ruleTicks = 0, pairs = 0;
        Parallel.For(0, persons.Count, () => (spatial: 0L, rules: 0L, cache: new WeeklyHoursCache(scheduleClasses)), (p, _, local) =>
        {
            var person = persons[p];
            var start = Stopwatch.GetTimestamp();
            if (progress is not null && Interlocked.Increment(ref examined) % 256 == 0)
                lock (reporting) progress(examined / (double)persons.Count);
            if (person.HoursRemaining <= 0)
            {
                byPerson[p] = [];
                return local;
            }
            if (stop.IsCancellationRequested)
            {
                byPerson[p] = [];
                unexamined[p] = true;
                return local;
            }
            var nearby = Nearby(tree, person);
            var afterQuery = Stopwatch.GetTimestamp();
            Interlocked.Add(ref pairs, nearby.Count);
            var arcs = new List<CandidateArc>();
            var side = new PersonSide(person, instance.ReferenceDate, local.cache);
            foreach (var q in nearby)
                if (EligibilityRules.IsEligible(side, sides[q], instance.ReferenceDate, out var evaluation))
                    arcs.Add(new CandidateArc(p, q, QualityScore.Of(person, posts[q], evaluation, instance.ReferenceDate), evaluation.DistanceKm, evaluation.WeeklyHours));
            arcs.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Post.CompareTo(b.Post));
            byPerson[p] = [.. arcs];
            if (arcs.Count == 0)
            {
                // No eligible post: which rules exclude the posts, over every post of the instance.
                Interlocked.Add(ref pairs, posts.Count);
                blocking[p] = counts.Count(side, nearby, instance.ReferenceDate, stop);
                if (blocking[p] is null) unexamined[p] = true; // cut short: no count rather than a false one
            }
            var end = Stopwatch.GetTimestamp();
            return (local.spatial + (afterQuery - start), local.rules + (end - afterQuery), local.cache);
        }, local =>
        {
            Interlocked.Add(ref spatialTicks, local.spatial);
            Interlocked.Add(ref ruleTicks, local.rules);
        });
        return new CandidateGraph(instance, byPerson, blocking, unexamined, pairs,
            TimeSpan.FromSeconds(spatialTicks / (double)Stopwatch.Frequency), TimeSpan.FromSeconds(ruleTicks / (double)Stopwatch.Frequency));
    }

    /// <summary>The posts inside the box of the person's travel distance (with the rule's tolerance), on both sides of ±180°.</summary>
    private static IList<int> Nearby(STRtree<int> tree, MatchPerson person)
    {
        var (minLat, maxLat, minLon, maxLon) = person.Location.BoundingBox(person.MaxTravelKm + EligibilityRules.DistanceToleranceKm);
        var found = tree.Query(new Envelope(Math.Max(minLon, -180), Math.Min(maxLon, 180), minLat, maxLat));
        if (minLon >= -180 && maxLon <= 180) return found;
        var all = new List<int>(found);
        if (minLon < -180) all.AddRange(tree.Query(new Envelope(minLon + 360, 180, minLat, maxLat)));
        if (maxLon > 180) all.AddRange(tree.Query(new Envelope(-180, maxLon - 360, minLat, maxLat)));
        return [.. all.Distinct()];
    }
}
