using System.Diagnostics;

namespace Placement.Matching.Engine;

/// <summary>
/// The instance prepared for solving: pinned pairs applied (their places taken, their co-defendants
/// kept away from their partner), the arcs left to choose from, the co-defendant pairs, and what turns
/// a choice of arcs into a <see cref="MatchingResult"/>.
/// </summary>
internal sealed class AssignmentProblem
{
    private readonly int[] _partnerOfPost;
    private readonly int?[] _pinnedPost;
    private readonly HashSet<(int Person, int Partner)> _forbidden = [];

    private AssignmentProblem(CandidateGraph graph)
    {
        Graph = graph;
        var instance = graph.Instance;
        var personIndex = instance.Persons.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var postIndex = instance.Posts.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var partners = new Dictionary<string, int>(StringComparer.Ordinal);
        _partnerOfPost = [.. instance.Posts.Select(p => partners.TryGetValue(p.PartnerId, out var id) ? id : partners[p.PartnerId] = partners.Count)];

        _pinnedPost = new int?[instance.Persons.Count];
        FreePlaces = [.. instance.Posts.Select(p => p.Capacity)];
        foreach (var pin in instance.Pinned)
        {
            var person = personIndex[pin.PersonId];
            var post = postIndex[pin.PostId];
            _pinnedPost[person] = post;
            FreePlaces[post] = Math.Max(0, FreePlaces[post] - 1);
        }

        var pairs = new HashSet<(int, int)>();
        for (var p = 0; p < instance.Persons.Count; p++)
            foreach (var other in instance.Persons[p].NoContactWithPersonIds)
                if (personIndex.TryGetValue(other, out var o) && o != p) pairs.Add((Math.Min(p, o), Math.Max(p, o)));
        // A pinned person's co-defendants may not join their partner; pairs of two free persons go to the solver.
        var free = new List<(int, int)>();
        foreach (var (a, b) in pairs)
        {
            if (_pinnedPost[a] is { } pa && _pinnedPost[b] is null) _forbidden.Add((b, _partnerOfPost[pa]));
            else if (_pinnedPost[b] is { } pb && _pinnedPost[a] is null) _forbidden.Add((a, _partnerOfPost[pb]));
            else if (_pinnedPost[a] is null && _pinnedPost[b] is null) free.Add((a, b));
        }
        ConflictPairs = free;
        ConflictCliques = Cliques(free);

        var arcs = new List<CandidateArc>(graph.PairCount);
        foreach (var personArcs in graph.ByPerson)
            foreach (var a in personArcs)
                if (Usable(a)) arcs.Add(a);
        Arcs = arcs;
        PlacedWeight = 100L * instance.Persons.Count + 1;
    }

    public static AssignmentProblem Create(CandidateGraph graph) => new(graph);

    /// <summary>An eligible pair the solve may choose: its person not pinned, its post with a free place, no pinned co-defendant's partner.</summary>
    public bool Usable(CandidateArc arc) =>
        _pinnedPost[arc.Person] is null && FreePlaces[arc.Post] > 0 && (_forbidden.Count == 0 || !_forbidden.Contains((arc.Person, _partnerOfPost[arc.Post])));

    public CandidateGraph Graph { get; }
    public int[] FreePlaces { get; }
    public IReadOnlyList<CandidateArc> Arcs { get; }
    public IReadOnlyList<(int A, int B)> ConflictPairs { get; }

    /// <summary>
    /// Groups of persons all barred from one another, covering every pair of <see cref="ConflictPairs"/>: « at most one of
    /// the group with each partner » is one constraint where the pairs would make one per pair — and a far tighter model
    /// when co-defendants come in networks.
    /// </summary>
    public IReadOnlyList<int[]> ConflictCliques { get; }
    public long PlacedWeight { get; }

    public int PartnerOf(int post) => _partnerOfPost[post];

    /// <summary>A greedy cover of the conflict pairs by cliques: each pair not yet covered grows into a clique with the persons barred from all its members.</summary>
    private static List<int[]> Cliques(IReadOnlyList<(int A, int B)> pairs)
    {
        var barred = new Dictionary<int, HashSet<int>>();
        foreach (var (a, b) in pairs)
        {
            (barred.TryGetValue(a, out var x) ? x : barred[a] = []).Add(b);
            (barred.TryGetValue(b, out var y) ? y : barred[b] = []).Add(a);
        }
        var covered = new HashSet<(int, int)>();
        var cliques = new List<int[]>();
        foreach (var (a, b) in pairs.Order())
        {
            if (covered.Contains((a, b))) continue;
            var clique = new List<int> { a, b };
            foreach (var c in barred[a].Where(barred[b].Contains).Order())
                if (clique.All(m => barred[m].Contains(c))) clique.Add(c);
            foreach (var m in clique)
                foreach (var n in clique)
                    if (m < n) covered.Add((m, n));
            cliques.Add([.. clique]);
        }
        return cliques;
    }

    /// <summary>Connected components of persons and posts linked by arcs, co-defendants linked too.</summary>
    public List<Component> Components()
    {
        var persons = Graph.Instance.Persons.Count;
        var parent = Enumerable.Range(0, persons + Graph.Instance.Posts.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        void Union(int a, int b) => parent[Find(a)] = Find(b);
        var hasArc = new bool[persons];
        foreach (var arc in Arcs)
        {
            Union(arc.Person, persons + arc.Post);
            hasArc[arc.Person] = true;
        }
        foreach (var (a, b) in ConflictPairs)
            if (hasArc[a] && hasArc[b]) Union(a, b);
        // Bucket the arcs by root without hashing: component index per root, then one pass.
        var index = new int[parent.Length];
        Array.Fill(index, -1);
        var buckets = new List<List<CandidateArc>>();
        foreach (var arc in Arcs)
        {
            var root = Find(arc.Person);
            if (index[root] < 0)
            {
                index[root] = buckets.Count;
                buckets.Add([]);
            }
            buckets[index[root]].Add(arc);
        }
        return [.. buckets.Select(arcs =>
        {
            var posts = new HashSet<int>();
            var members = new HashSet<int>();
            foreach (var a in arcs) { members.Add(a.Person); posts.Add(a.Post); }
            return new Component(members, [.. posts.Order()], arcs);
        }).OrderByDescending(c => c.Arcs.Count)];
    }

    /// <summary>Co-defendant pairs that <paramref name="chosen"/> puts with the same partner.</summary>
    public List<(int A, int B)> ViolatedConflicts(IEnumerable<CandidateArc> chosen)
    {
        if (ConflictPairs.Count == 0) return [];
        var partnerOf = chosen.ToDictionary(a => a.Person, a => _partnerOfPost[a.Post]);
        return [.. ConflictPairs.Where(p => partnerOf.TryGetValue(p.A, out var x) && partnerOf.TryGetValue(p.B, out var y) && x == y)];
    }

    /// <summary>A feasible solution near <paramref name="chosen"/>: of each violating pair, the lower score leaves; then the freed persons are re-placed greedily.</summary>
    public List<CandidateArc> Repair(IReadOnlyList<CandidateArc> chosen, IEnumerable<CandidateArc> pool)
    {
        var result = chosen.ToList();
        foreach (var (a, b) in ViolatedConflicts(result))
        {
            var arcA = result.FirstOrDefault(x => x.Person == a);
            var arcB = result.FirstOrDefault(x => x.Person == b);
            if (result.Contains(arcA) && result.Contains(arcB)) result.Remove(arcA.Score <= arcB.Score ? arcA : arcB);
        }
        Augment(result, pool);
        return result;
    }

    /// <summary>
    /// The part of a large component re-opened around <paramref name="core"/> (persons of violated co-defendant pairs, then
    /// wider): the core and their co-defendants, the <paramref name="width"/> best posts of each, and the persons holding those
    /// posts in <paramref name="chosen"/>; arcs restricted to those posts and to the posts each person already holds.
    /// Everyone else keeps their place.
    /// </summary>
    public Component Neighbourhood(Component component, IReadOnlyList<CandidateArc> chosen, IReadOnlySet<int> core, int width)
    {
        var open = new HashSet<int>(core);
        foreach (var (a, b) in ConflictPairs)
            if (core.Contains(a) || core.Contains(b)) { open.Add(a); open.Add(b); }
        var posts = component.Arcs.Where(a => open.Contains(a.Person))
            .GroupBy(a => a.Person).SelectMany(g => g.OrderByDescending(a => a.Score).Take(width)).Select(a => a.Post).ToHashSet();
        var persons = new HashSet<int>(open.Where(component.Persons.Contains));
        foreach (var arc in chosen)
            if (posts.Contains(arc.Post)) persons.Add(arc.Person);
        var held = chosen.Where(a => persons.Contains(a.Person)).Select(a => a.Post);
        posts.UnionWith(held);
        var arcs = component.Arcs.Where(a => persons.Contains(a.Person) && posts.Contains(a.Post)).ToList();
        return new Component(persons, [.. posts.Order()], arcs);
    }

    /// <summary>How many of their best posts each person in conflict may move to in the first neighbourhood (doubled each round).</summary>
    public const int NeighbourhoodPosts = 40;

    /// <summary>Adds unplaced persons to arcs of <paramref name="pool"/> whose post still has room and no co-defendant of theirs (best score first).</summary>
    public void Augment(List<CandidateArc> chosen, IEnumerable<CandidateArc> pool)
    {
        var used = new int[FreePlaces.Length];
        var placed = new HashSet<int>();
        var partnerOfPerson = new Dictionary<int, int>();
        foreach (var arc in chosen)
        {
            used[arc.Post]++;
            placed.Add(arc.Person);
            partnerOfPerson[arc.Person] = _partnerOfPost[arc.Post];
        }
        var codefendants = ConflictPairs.SelectMany(p => new[] { p, (A: p.B, B: p.A) }).ToLookup(p => p.A, p => p.B);
        foreach (var arc in pool.OrderByDescending(a => a.Score))
        {
            if (placed.Contains(arc.Person) || used[arc.Post] >= FreePlaces[arc.Post]) continue;
            var partner = _partnerOfPost[arc.Post];
            if (codefendants[arc.Person].Any(o => partnerOfPerson.TryGetValue(o, out var x) && x == partner)) continue;
            chosen.Add(arc);
            used[arc.Post]++;
            placed.Add(arc.Person);
            partnerOfPerson[arc.Person] = partner;
        }
    }

    /// <summary>Every person once: the chosen and pinned ones as assignments, the others with their reason.</summary>
    public MatchingResult Result(IReadOnlyList<CandidateArc> chosen, IReadOnlyList<ComponentResult> components, bool optimal, Stopwatch watch, TimeSpan candidatesDone, int conflictComponents = 0)
    {
        var instance = Graph.Instance;
        var assignments = new List<Assignment>();
        // The explanations, on every core: thousands of French texts are a noticeable part of a short time limit.
        var explained = new Assignment[chosen.Count];
        Parallel.For(0, chosen.Count, i =>
        {
            var arc = chosen[i];
            var (person, post) = (instance.Persons[arc.Person], instance.Posts[arc.Post]);
            var parts = QualityScore.Parts(person, post, EligibilityRules.Evaluate(person, post, instance.ReferenceDate), instance.ReferenceDate);
            explained[i] = new Assignment(person.Id, post.Id, arc.Score, Math.Round(arc.DistanceKm, 1), arc.WeeklyHours,
                QualityScore.Explain(parts, MedicalExamination.Note(person, post, instance.ReferenceDate)));
        });
        var explanationOf = Enumerable.Range(0, chosen.Count).ToDictionary(i => chosen[i].Person, i => explained[i]);
        var used = new int[FreePlaces.Length];
        foreach (var arc in chosen) used[arc.Post]++;
        var partnerOfPerson = chosen.ToDictionary(a => a.Person, a => _partnerOfPost[a.Post]);
        var codefendants = ConflictPairs.SelectMany(p => new[] { p, (A: p.B, B: p.A) }).ToLookup(p => p.A, p => p.B);
        var unassigned = new List<Unassigned>();
        long pinnedQuality = 0;
        var unexamined = 0;
        for (var p = 0; p < instance.Persons.Count; p++)
        {
            var person = instance.Persons[p];
            if (_pinnedPost[p] is { } pinned)
            {
                var post = instance.Posts[pinned];
                var evaluation = EligibilityRules.Evaluate(person, post, instance.ReferenceDate);
                var parts = QualityScore.Parts(person, post, evaluation, instance.ReferenceDate);
                var score = QualityScore.Total(parts);
                pinnedQuality += score;
                var kept = evaluation.IsEligible
                    ? "placement existant maintenu"
                    : "placement existant maintenu malgré : " + string.Join(", ", RuleNames.Each(evaluation.Broken).Select(RuleNames.Label));
                assignments.Add(new Assignment(person.Id, post.Id, score, Math.Round(evaluation.DistanceKm, 1), evaluation.WeeklyHours,
                    [kept, .. QualityScore.Explain(parts, MedicalExamination.Note(person, post, instance.ReferenceDate))], Pinned: true));
            }
            else if (explanationOf.TryGetValue(p, out var assignment)) assignments.Add(assignment);
            else if (person.HoursRemaining <= 0)
                unassigned.Add(new Unassigned(person.Id, UnassignedReasons.Completed));
            else if (Graph.Unexamined[p] || Graph.Coarse[p])
            {
                // Not placed on their nearest posts, and the limit came before their full examination: no reason can be claimed.
                unassigned.Add(new Unassigned(person.Id, UnassignedReasons.NotExamined));
                unexamined++;
            }
            else if (Graph.ByPerson[p].Length == 0)
            {
                // Without counts only when the time limit ended before them: the reason is certain, the detail missing.
                var blocking = Graph.Blocking[p];
                unassigned.Add(new Unassigned(person.Id, UnassignedReasons.NoEligiblePost,
                    blocking is null ? null : RuleNames.All.Where(blocking.ContainsKey).ToDictionary(RuleNames.Name, r => blocking[r])));
            }
            else
            {
                // Eligible posts exist. If one still had room, only a co-defendant there (or a pinned one's partner) kept the person out.
                var roomLeft = Graph.ByPerson[p].Where(a => used[a.Post] < FreePlaces[a.Post]).ToList();
                var conflict = roomLeft.Count > 0 && roomLeft.All(a =>
                    _forbidden.Contains((p, _partnerOfPost[a.Post])) || codefendants[p].Any(o => partnerOfPerson.TryGetValue(o, out var x) && x == _partnerOfPost[a.Post]));
                unassigned.Add(new Unassigned(person.Id, conflict ? UnassignedReasons.Conflict : UnassignedReasons.Capacity));
            }
        }

        var pinnedCount = instance.Pinned.Count;
        var placed = chosen.Count + pinnedCount;
        var quality = chosen.Sum(a => (long)a.Score) + pinnedQuality;
        // A person not examined, or given only their nearest posts, might have been placed elsewhere with the best score there
        // is (the optimum over every pair loses at most that for each of them): the bound stays a bound.
        var partial = Enumerable.Range(0, instance.Persons.Count).Count(p => (Graph.Unexamined[p] || Graph.Coarse[p]) && _pinnedPost[p] is null);
        var boundPlaced = components.Sum(c => c.BoundPlaced) + pinnedCount + partial;
        var boundQuality = components.Sum(c => c.BoundQuality) + pinnedQuality + (long)QualityScore.Max * partial;
        optimal &= partial == 0;
        var objective = placed * PlacedWeight + quality;
        var bound = Math.Max(objective, boundPlaced * PlacedWeight + boundQuality);
        var elapsed = watch.Elapsed;
        var stats = new SolveStats(instance.Persons.Count, instance.Posts.Count, Graph.PairCount, placed, objective, optimal ? objective : bound,
            (long)elapsed.TotalMilliseconds, optimal ? placed : boundPlaced, quality, optimal ? quality : boundQuality, PlacedWeight,
            components.Count, conflictComponents,
            Graph.SpatialTime.TotalMilliseconds, Graph.RuleTime.TotalMilliseconds, (elapsed - candidatesDone).TotalMilliseconds)
        {
            CandidateWallMs = candidatesDone.TotalMilliseconds,
            NotExamined = unexamined,
            Coarse = Enumerable.Range(0, instance.Persons.Count).Count(p => Graph.Coarse[p] && _pinnedPost[p] is null),
        };
        var order = instance.Persons.Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return new MatchingResult(optimal ? MatchingResult.Optimal : MatchingResult.Feasible,
            [.. assignments.OrderBy(a => order[a.PersonId])], unassigned, stats);
    }
}
