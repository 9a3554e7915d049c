using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Placement.Web.Tests.Model;

/// <summary>A sequence that broke an invariant: its seed, its steps up to the failing one, and what broke.</summary>
public sealed record SequenceFailure(int Seed, IReadOnlyList<ModelStep> Steps, IReadOnlyList<string> Violations)
{
    public string Describe(string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title} — seed {Seed} (replay: MODEL_SEED={Seed}), {Steps.Count} step(s):");
        for (var i = 0; i < Steps.Count; i++) text.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1,2}. {Steps[i]}");
        text.AppendLine("broken after the last step:");
        foreach (var v in Violations.Take(12)) text.AppendLine("  - " + v);
        if (Violations.Count > 12) text.AppendLine(CultureInfo.InvariantCulture, $"  … and {Violations.Count - 12} more");
        return text.ToString();
    }
}

/// <summary>Runs sequences of steps on fresh worlds of one service, the invariants checked after every step.</summary>
public sealed class ModelSequences(ModelService service)
{
    public static int Count(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    public static int? ReplaySeed =>
        int.TryParse(Environment.GetEnvironmentVariable("MODEL_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;

    public int StepsRun { get; private set; }

    private void Time(string what, Stopwatch watch) => service.Time(what, watch);

    public string TimingReport() => service.TimingReport();

    /// <summary>
    /// Runs the sequence of <paramref name="seed"/>: its world, then <paramref name="steps"/> as given (a replay), or
    /// <paramref name="length"/> steps drawn as it goes. Null when every invariant held after every step.
    /// </summary>
    public async Task<SequenceFailure?> RunAsync(int seed, int length, IReadOnlyList<ModelStep>? steps = null)
    {
        var watch = Stopwatch.StartNew();
        var world = new ModelWorld(seed, service.NextTag());
        var run = await service.StartAsync(world);
        Time("world", watch);
        var random = new Random(seed ^ 0x5EED);
        var done = new List<ModelStep>();
        var count = steps?.Count ?? length;
        for (var k = 0; k < count; k++)
        {
            service.App.Clock.Advance(TimeSpan.FromMilliseconds(100)); // 200 × 30 steps stay well within the tokens' hour
            run.Step = k;
            var step = steps?[k] ?? ModelGenerator.Next(random, run);
            done.Add(step);
            var result = new StepResult();
            var before = run.Before;
            try
            {
                await step.ExecuteAsync(run, result);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                result.Problems.Add($"the step threw {e.GetType().Name}: {e.Message}");
            }
            Time(step.GetType().Name, watch);
            if (result.Skipped) service.Count("steps that found nothing to act on");
            var after = await service.Database.ReadAsync();
            run.Before = after;
            StepsRun++;
            Time("read", watch);
            var violations = await ModelInvariants.CheckAsync(run, random, result, before, after);
            Time("judge", watch);
            if (violations.Count > 0) return new SequenceFailure(seed, done, violations);
        }
        return null;
    }
}
