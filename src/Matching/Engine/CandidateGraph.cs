using System.Diagnostics;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Placement.Matching.Engine;

/// <summary>An eligible (person, post) pair with its quality score. Indices point into the instance's lists.</summary>
public readonly record struct CandidateArc(int Person, int Post, int Score, double DistanceKm, double WeeklyHours);

/// <summary>
/// Every pair that passes rules 1–11, found without comparing every person with every post: an
/// STR-tree over the posts yields those inside the bounding box of each person's travel distance, and
/// only those are evaluated. For a person with no eligible post, it also counts which rules excluded
/// the posts: every rule a nearby post breaks counts once for that post; posts beyond the travel
/// distance count for <c>distance</c> only.
/// </summary>
public sealed class CandidateGraph
{
    private CandidateGraph(MatchingInstance instance, CandidateArc[][] byPerson, Dictionary<Rule, int>?[] blocking, TimeSpan spatial, TimeSpan rules)
    {
        Instance = instance;
        ByPerson = byPerson;
        Blocking = blocking;
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

    /// <summary>Time spent in spatial queries (summed over threads).</summary>
    public TimeSpan SpatialTime { get; }

    /// <summary>Time spent evaluating rules and scores (summed over threads).</summary>
    public TimeSpan RuleTime { get; }

    public static CandidateGraph Build(MatchingInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var posts = instance.Posts;
        var tree = new STRtree<int>();
        for (var i = 0; i < posts.Count; i++)
            tree.Insert(new Envelope(posts[i].Location.Longitude, posts[i].Location.Longitude, posts[i].Location.Latitude, posts[i].Location.Latitude), i);
        tree.Build();

        var persons = instance.Persons;
        var byPerson = new CandidateArc[persons.Count][];
        var blocking = new Dictionary<Rule, int>?[persons.Count];
        long spatialTicks = 0, ruleTicks = 0;
        Parallel.For(0, persons.Count, () => (spatial: 0L, rules: 0L), (p, _, local) =>
        {
            var person = persons[p];
            var start = Stopwatch.GetTimestamp();
            var (minLat, maxLat, minLon, maxLon) = person.Location.BoundingBox(person.MaxTravelKm);
            var nearby = tree.Query(new Envelope(minLon, maxLon, minLat, maxLat));
            var afterQuery = Stopwatch.GetTimestamp();
            var arcs = new List<CandidateArc>();
            Dictionary<Rule, int>? counts = null;
            foreach (var q in nearby)
            {
                var post = posts[q];
                var evaluation = EligibilityRules.Evaluate(person, post, instance.ReferenceDate);
                if (evaluation.IsEligible)
                {
                    arcs.Add(new CandidateArc(p, q, QualityScore.Of(person, post, evaluation, instance.ReferenceDate), evaluation.DistanceKm, evaluation.WeeklyHours));
                    continue;
                }
                counts ??= [];
                foreach (var rule in RuleNames.Each(evaluation.Broken)) counts[rule] = counts.GetValueOrDefault(rule) + 1;
            }
            arcs.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Post.CompareTo(b.Post));
            byPerson[p] = [.. arcs];
            if (arcs.Count == 0)
            {
                counts ??= [];
                var far = posts.Count - nearby.Count;
                if (far > 0) counts[Rule.Distance] = counts.GetValueOrDefault(Rule.Distance) + far;
                blocking[p] = counts;
            }
            var end = Stopwatch.GetTimestamp();
            return (local.spatial + (afterQuery - start), local.rules + (end - afterQuery));
        }, local =>
        {
            Interlocked.Add(ref spatialTicks, local.spatial);
            Interlocked.Add(ref ruleTicks, local.rules);
        });
        return new CandidateGraph(instance, byPerson, blocking,
            TimeSpan.FromSeconds(spatialTicks / (double)Stopwatch.Frequency), TimeSpan.FromSeconds(ruleTicks / (double)Stopwatch.Frequency));
    }
}
