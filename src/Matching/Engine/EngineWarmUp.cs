using NetTopologySuite.Geometries;
using Placement.Catalogue.Domain;
using Placement.Matching.Domain;

namespace Placement.Matching.Engine;

/// <summary>
/// A small solve that compiles the engine's code and loads OR-Tools before the real one — what a process that solves once
/// (the <c>match</c> command) runs on its idle core while it reads its instance, so that the time limit is not spent on the
/// just-in-time compiler. Its instance is built here, deterministic, and every path is taken: candidates, zones, blocking
/// counts, flows, co-defendants for CP-SAT, explanations. Its result is thrown away.
/// </summary>
public static class EngineWarmUp
{
    /// <summary>Solves the warm-up instance until it is done or <paramref name="stop"/> (the real work is ready); never throws.</summary>
    public static void Run(AssignmentSolver solver, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(solver);
        try
        {
            solver.Solve(Instance(), ct: stop);
        }
#pragma warning disable CA1031 // a warm-up that fails only leaves the real solve to compile its code itself
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static MatchingInstance Instance()
    {
        var today = new DateOnly(2026, 1, 5);
        var week = WeeklySchedule.Parse("mon 09:00-12:00; wed 14:00-18:00; sat 08:00-12:00");
        var evenings = WeeklySchedule.Parse("tue 18:00-21:00; thu 18:00-21:00");
        var zone = new Polygon(new LinearRing([new(4.80, 45.70), new(4.90, 45.70), new(4.90, 45.80), new(4.80, 45.80), new(4.80, 45.70)]));
        var posts = Enumerable.Range(0, 400).Select(i => new MatchPost(
            $"q{i}", $"o{i % 37}", "entretien-espaces-verts", i % 3 == 0 ? ["jardinage"] : [], new GeoPoint(45.5 + i % 20 * 0.03, 4.6 + i / 20 * 0.03),
            1 + i % 2, 6 + i % 4 * 4, i % 2 == 0 ? week : evenings, today.AddDays(-30), today.AddDays(300 + i),
            i % 4 != 0, i % 5 == 0, i % 7 == 0, i % 6 == 0, (PhysicalDemand)(i % 3), false, i % 2 == 0, i % 3 != 0)).ToList();
        var persons = Enumerable.Range(0, 300).Select(i => new MatchPerson(
            $"p{i}", new DateOnly(1990 + i % 18, 1 + i % 12, 1), new GeoPoint(45.52 + i % 15 * 0.04, 4.62 + i / 15 * 0.03), 5 + i % 6 * 5,
            i % 2 == 0, i % 5 == 0, i % 9 == 0 ? 0 : 20 + i % 10 * 12, today.AddDays(120 + i), i % 3 == 0 ? evenings : week,
            i % 4 == 0 ? ["jardinage"] : [], (PhysicalDemand)(i % 3), i % 11 == 0, i % 4 == 1, i % 6 == 1,
            i % 10 == 0 ? new HashSet<string>(["o3"], StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal),
            i % 20 == 0 && i + 1 < 300 ? new HashSet<string>([$"p{i + 1}"], StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal),
            i % 8 == 0 ? new ExclusionZones([zone]) : ExclusionZones.None)).ToList();
        return new MatchingInstance(today, posts, persons, [], new MatchingOptions(TimeLimitSeconds: 2));
    }
}
