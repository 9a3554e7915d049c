using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Placement.Web.Tests.Model;

/// <summary>
/// The model-based test of the whole service (issue 24): random sequences of operations — persons created and edited through the
/// API and imports, posts created, edited, suspended and closed, placements made directly and from a run's proposals (one and in
/// bulk), confirmed, declined, cancelled, their hours logged until completion, habilitations changed — each on a fresh world of 30
/// persons and 40 posts beside the demo data, the independent oracle (<c>Model/Oracle</c>, from matching.md) judging every step.
/// A failure is shrunk by delta debugging and printed with its seed; <c>MODEL_SEED</c> replays one seed, <c>MODEL_SEQUENCES</c>
/// and <c>MODEL_STEPS</c> set the size.
/// </summary>
public abstract class ModelBasedTestsBase
{
    public const int BaseSeed = 20_261_128;

    private readonly PlacementApp app;
    private readonly ITestOutputHelper output;

    protected ModelBasedTestsBase(PlacementApp app, ITestOutputHelper output)
    {
        this.app = app;
        this.output = output;
        // Each world signs its host bodies' partners in: cheap password hashes for this service only (its one test starts it).
        app.TestServices.Add(services => services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1));
    }

    protected async Task RunSequencesAsync(int defaultSequences, int defaultSteps)
    {
        var service = new ModelService(app);
        var sequences = new ModelSequences(service);
        var count = ModelSequences.Count("MODEL_SEQUENCES", defaultSequences);
        var steps = ModelSequences.Count("MODEL_STEPS", defaultSteps);
        var seeds = ModelSequences.ReplaySeed is { } replay ? [replay] : Enumerable.Range(0, count).Select(i => BaseSeed + i * 7919).ToArray();
        var clock = Stopwatch.StartNew();
        foreach (var seed in seeds)
        {
            var failure = await sequences.RunAsync(seed, steps);
            if (failure is null) continue;
            output.WriteLine(failure.Describe("Failing sequence as drawn"));
            var shrunk = await Shrinker.ShrinkAsync(sequences, failure);
            output.WriteLine(sequences.TimingReport());
            output.WriteLine(service.CountReport());
            Assert.Fail(shrunk.Describe($"An invariant broke (shrunk from {failure.Steps.Count} steps)"));
        }
        output.WriteLine($"{seeds.Length} sequences × {steps} steps ({sequences.StepsRun} steps) in {clock.Elapsed.TotalSeconds:0.0} s on {app.GetType().Name}");
        output.WriteLine(sequences.TimingReport());
        output.WriteLine(service.CountReport());
    }
}

/// <summary>
/// The model's tests run alone, after the others: minutes of both cores at work would starve the tests that time a
/// restart (<c>CrashTests</c> timed out beside them in CI).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ModelCollection
{
    public const string Name = "Model-based tests";
}

/// <summary>200 sequences of 30 steps on SQLite (the CI's size).</summary>
[Collection(ModelCollection.Name)]
public sealed class ModelBasedTests(ModelBasedTests.App app, ITestOutputHelper output) : ModelBasedTestsBase(app, output), IClassFixture<ModelBasedTests.App>
{
    /// <summary>The service on a data folder in memory when the machine has one (/dev/shm): the sequences write a lot.</summary>
    public sealed class App() : PlacementApp(Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), "placement-model", Guid.NewGuid().ToString("N")));

    [Fact]
    public Task EveryStep_KeepsTheRules_NoCoDefendantsMeet_NoPostOverCapacity_RefusalsNameTheRules_AndSuggestionsAreExactlyTheEligiblePosts() =>
        RunSequencesAsync(200, 30);
}

/// <summary>The same on PostgreSQL, fewer sequences (the CI starts a cluster; skipped without one).</summary>
[Collection(ModelCollection.Name)]
public sealed class ModelBasedTestsOnPostgres(PostgresPlacementApp app, ITestOutputHelper output) : ModelBasedTestsBase(app, output), IClassFixture<PostgresPlacementApp>
{
    [SkippableFact]
    public Task EveryStep_KeepsTheRules_NoCoDefendantsMeet_NoPostOverCapacity_RefusalsNameTheRules_AndSuggestionsAreExactlyTheEligiblePosts() =>
        RunSequencesAsync(20, 30);
}
