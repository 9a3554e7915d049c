using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Placement.Catalogue.Geography;
using Placement.Web.Demo;

namespace Placement.Web.Tests;

[Collection(ApiCollection.Name)]
public class DemoDataTests(PlacementApp app)
{
    private DemoDataGenerator Generator => new(app.Services.GetRequiredService<FranceGeography>());

    private static string Serialize(DemoDataSet data) => JsonSerializer.Serialize(data);

    [Fact]
    public void Generator_IsDeterministic_ForAGivenSeed()
    {
        var small = new DemoDataSize(60, 200, 50, 5);
        Assert.Equal(Serialize(Generator.Generate(7, small)), Serialize(Generator.Generate(7, small)));
        Assert.NotEqual(Serialize(Generator.Generate(7, small)), Serialize(Generator.Generate(8, small)));
    }

    [Fact]
    public void CommittedDemoData_IsExactlyWhatTheGeneratorWrites()
    {
        var written = Path.Combine(app.DataDirectory, "regenerated-demo");
        Generator.Generate().Write(written);
        var committed = Path.Combine(RepositoryRoot(), "data", "seed", "demo");
        foreach (var file in Directory.GetFiles(committed, "*.json"))
            Assert.True(File.ReadAllText(file) == File.ReadAllText(Path.Combine(written, Path.GetFileName(file))),
                $"{Path.GetFileName(file)} differs from the generator's output: run `dotnet run --project src/Web -- generate-demo`.");
    }

    [Fact]
    public void DemoVocabulary_DescribesPostsOfEveryDefaultActivity_AndNoOther()
    {
        var codes = Placement.Catalogue.Features.Activities.ActivityVocabulary.DefaultCodes;
        Assert.Equal(codes.Order(StringComparer.Ordinal), DemoVocabulary.PostKinds.Select(k => k.Activity).Order(StringComparer.Ordinal));
        Assert.All(DemoVocabulary.HostKinds.SelectMany(k => k.Activities), a => Assert.Contains(a, codes));
    }

    [Fact]
    public void DemoData_HasRealisticProportions_OverTheTwelveDepartementsOfAuvergneRhoneAlpes()
    {
        var data = DemoDataSet.Read(Path.Combine(RepositoryRoot(), "data", "seed", "demo"));
        Assert.Equal(600, data.HostBodies.Count);
        // 2,000 posts drawn at random, and the demo partner's showcase: one more published post and one in each other state.
        Assert.Equal(2005, data.Posts.Count);
        Assert.Equal(540, data.Persons.Count);
        // Up to 40 placements under way, and the showcase's three (proposed, confirmed with hours, completed).
        Assert.InRange(data.Placements.Count, 33, 43);
        Assert.Equal(["completed", "confirmed", "proposed"], data.Placements.TakeLast(3).Select(p => p.Status == "proposed" ? "proposed" : p.Hours.Sum(h => h.Hours) >= p.HoursTarget ? "completed" : "confirmed"));
        var region = new[] { "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74" };
        Assert.Equal(region, data.HostBodies.Select(h => h.Address!.Departement!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(region, data.Persons.Select(p => p.Departement!).Distinct().Order(StringComparer.Ordinal));
        Assert.InRange(data.Persons.Count(p => p.BirthDate!.Value.AddYears(18) > DemoDataGenerator.ReferenceDate), 10, 60);
        Assert.InRange(data.Persons.Average(p => p.HoursOrdered), 80, 140);
        Assert.Contains(data.Persons, p => p.Restrictions?.ExclusionZones is { Count: > 0 });
        Assert.Contains(data.Persons, p => p.Restrictions?.NoContactWithPersonIds is { Count: > 0 });
        var activities = data.Posts.Select(p => p.Activity).Distinct().Count();
        Assert.Equal(12, activities);
        // Placements never exceed a post's capacity.
        Assert.All(data.Placements.GroupBy(p => p.PostId), g => Assert.True(g.Count() <= data.Posts.Single(p => p.Id == g.Key).Capacity));
    }

    [Fact]
    public async Task DemoData_IsLoadedAtFirstStart()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        Assert.True((await (await coordinator.GetAsync("/api/posts")).Json()).GetProperty("total").GetInt32() >= 2000);
        var rhone = await (await coordinator.GetAsync("/api/posts?departement=69&status=published")).Json();
        Assert.True(rhone.GetProperty("total").GetInt32() > 100);
    }

    [Fact]
    public async Task DemoAccounts_AllSignIn()
    {
        foreach (var email in new[] { PlacementApp.Admin, PlacementApp.Coordinator, PlacementApp.Officer69, PlacementApp.Officer38, PlacementApp.Partner })
            Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(email)).GetAsync("/api/auth/me")).StatusCode);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Placement.sln"))) return dir.FullName;
        throw new InvalidOperationException("Placement.sln not found above the test folder.");
    }
}
