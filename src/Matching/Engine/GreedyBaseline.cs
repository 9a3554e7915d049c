using System.Diagnostics;

namespace Placement.Matching.Engine;

/// <summary>
/// What an officer does by hand, for comparison only: the most urgent person first (earliest deadline,
/// then most hours remaining), on the nearest eligible post that still has room and no co-defendant.
/// Same rules, same candidate graph as the solver; no optimisation.
/// </summary>
public static class GreedyBaseline
{
    public static MatchingResult Solve(MatchingInstance instance) => Solve(CandidateGraph.Build(instance));

    public static MatchingResult Solve(CandidateGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var watch = Stopwatch.StartNew();
        var problem = AssignmentProblem.Create(graph);
        var persons = graph.Instance.Persons;
        var arcsByPerson = problem.Arcs.ToLookup(a => a.Person);
        var used = new int[problem.FreePlaces.Length];
        var partnerOfPerson = new Dictionary<int, int>();
        var codefendants = problem.ConflictPairs.SelectMany(p => new[] { p, (A: p.B, B: p.A) }).ToLookup(p => p.A, p => p.B);
        var chosen = new List<CandidateArc>();
        foreach (var p in Enumerable.Range(0, persons.Count).OrderBy(i => persons[i].Deadline).ThenByDescending(i => persons[i].HoursRemaining).ThenBy(i => i))
        {
            foreach (var arc in arcsByPerson[p].OrderBy(a => a.DistanceKm).ThenBy(a => a.Post))
            {
                var partner = problem.PartnerOf(arc.Post);
                if (used[arc.Post] >= problem.FreePlaces[arc.Post]) continue;
                if (codefendants[p].Any(o => partnerOfPerson.TryGetValue(o, out var x) && x == partner)) continue;
                chosen.Add(arc);
                used[arc.Post]++;
                partnerOfPerson[p] = partner;
                break;
            }
        }
        return problem.Result(chosen, [], optimal: false, watch, TimeSpan.Zero);
    }
}
