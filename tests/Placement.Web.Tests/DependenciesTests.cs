using System.Text.RegularExpressions;

namespace Placement.Web.Tests;

/// <summary><c>docs/dependencies.md</c> is kept with the packages: each package the solution pins is listed there, with what it says of its licence.</summary>
public partial class DependenciesTests
{
    [Fact]
    public void EveryPinnedPackage_IsListed_WithItsVersionAndLicence()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Placement.sln"))) root = root.Parent!;
        var props = File.ReadAllText(Path.Combine(root.FullName, "Directory.Packages.props"));
        var doc = File.ReadAllLines(Path.Combine(root.FullName, "docs", "dependencies.md"));
        foreach (Match pin in PackageVersion().Matches(props))
        {
            // The version listed is the one restored, which a transitive requirement may raise above the pin.
            var row = doc.FirstOrDefault(l => l.StartsWith($"| {pin.Groups[1].Value} | ", StringComparison.Ordinal));
            Assert.True(row is not null, $"{pin.Groups[1].Value} absent de docs/dependencies.md : node tools/dependencies/generate.mjs");
            Assert.DoesNotContain("| ? |", row, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<PackageVersion Include=\"([^\"]+)\" Version=\"([^\"]+)\"")]
    private static partial Regex PackageVersion();
}
