using System.Reflection;
using NetArchTest.Rules;

namespace Placement.Web.Tests;

/// <summary>Dependencies point one way: Web → Matching → Catalogue. Matching and Catalogue never know ASP.NET.</summary>
public class ArchitectureTests
{
    private static readonly Assembly Catalogue = typeof(Placement.Catalogue.CatalogueExtensions).Assembly;
    private static readonly Assembly Matching = typeof(Placement.Matching.MatchingExtensions).Assembly;

    private static string[] References(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void Catalogue_DoesNotReference_MatchingWebOrAspNetCore()
    {
        Assert.DoesNotContain(References(Catalogue), r => r.StartsWith("Placement.Matching", StringComparison.Ordinal) || r.StartsWith("Placement.Web", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var result = Types.InAssembly(Catalogue).ShouldNot().HaveDependencyOnAny("Placement.Matching", "Placement.Web", "Microsoft.AspNetCore").GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Matching_DoesNotReference_WebOrAspNetCore()
    {
        Assert.DoesNotContain(References(Matching), r => r.StartsWith("Placement.Web", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var result = Types.InAssembly(Matching).ShouldNot().HaveDependencyOnAny("Placement.Web", "Microsoft.AspNetCore").GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Matching_BuildsOnTheCatalogue() => Assert.Contains("Placement.Catalogue", References(Matching));
}
