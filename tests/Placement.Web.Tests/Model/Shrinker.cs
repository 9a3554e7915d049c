using System.Diagnostics;

namespace Placement.Web.Tests.Model;

/// <summary>
/// Delta debugging (ddmin) of a failing sequence: removes chunks of steps, then single steps, as long as the replay from a
/// fresh world still breaks an invariant of the same kind; bounded in replays and time.
/// </summary>
public static class Shrinker
{
    public static async Task<SequenceFailure> ShrinkAsync(ModelSequences sequences, SequenceFailure failure, int maxReplays = 80, double maxSeconds = 120)
    {
        var clock = Stopwatch.StartNew();
        var replays = 0;
        var best = failure;
        var kind = Kind(failure.Violations[0]);
        var chunks = 2;
        while (best.Steps.Count > 1 && replays < maxReplays && clock.Elapsed.TotalSeconds < maxSeconds)
        {
            var size = (int)Math.Ceiling(best.Steps.Count / (double)chunks);
            var reduced = false;
            for (var start = 0; start < best.Steps.Count && replays < maxReplays && clock.Elapsed.TotalSeconds < maxSeconds; start += size)
            {
                var candidate = best.Steps.Take(start).Concat(best.Steps.Skip(start + size)).ToList();
                if (candidate.Count == 0) continue;
                replays++;
                var again = await sequences.RunAsync(failure.Seed, 0, candidate);
                if (again is not null && again.Violations.Any(v => Kind(v) == kind))
                {
                    best = again;
                    chunks = Math.Max(chunks - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced)
            {
                if (size == 1) break;
                chunks = Math.Min(chunks * 2, best.Steps.Count);
            }
        }
        return best;
    }

    /// <summary>The kind of a violation: its words, without the ids and numbers that change from one replay to the next.</summary>
    public static string Kind(string violation) =>
        string.Join(' ', violation.Split(' ').Where(w => !w.Any(char.IsDigit)).Take(8));
}
