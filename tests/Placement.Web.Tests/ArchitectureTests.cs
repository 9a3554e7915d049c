using System.Reflection;
using NetArchTest.Rules;

namespace Placement.Web.Tests;

/// <summary>Dependencies point one way: Web → Notifications → Matching → Catalogue → Kernel. Matching and Catalogue never know ASP.NET.</summary>
public class ArchitectureTests
{
    private static readonly Assembly Catalogue = typeof(Placement.Catalogue.CatalogueExtensions).Assembly;
    private static readonly Assembly Matching = typeof(Placement.Matching.MatchingExtensions).Assembly;
    private static readonly Assembly Notifications = typeof(Placement.Notifications.NotificationExtensions).Assembly;

    private static string[] References(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void Catalogue_DoesNotReference_MatchingWebOrAspNetCore()
    {
        Assert.DoesNotContain(References(Catalogue), r => r.StartsWith("Placement.Matching", StringComparison.Ordinal) || r.StartsWith("Placement.Notifications", StringComparison.Ordinal) || r.StartsWith("Placement.Web", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var result = Types.InAssembly(Catalogue).ShouldNot().HaveDependencyOnAny("Placement.Matching", "Placement.Notifications", "Placement.Web", "Microsoft.AspNetCore").GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Matching_DoesNotReference_WebOrAspNetCore()
    {
        Assert.DoesNotContain(References(Matching), r => r.StartsWith("Placement.Notifications", StringComparison.Ordinal) || r.StartsWith("Placement.Web", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var result = Types.InAssembly(Matching).ShouldNot().HaveDependencyOnAny("Placement.Notifications", "Placement.Web", "Microsoft.AspNetCore").GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>The notifications build on Matching (and through it the catalogue) and may render Razor mail templates, but never know the host.</summary>
    [Fact]
    public void Notifications_BuildOnMatching_AndDoNotReferenceWeb()
    {
        Assert.Contains("Placement.Matching", References(Notifications));
        Assert.DoesNotContain(References(Notifications), r => r.StartsWith("Placement.Web", StringComparison.Ordinal));
        var result = Types.InAssembly(Notifications).ShouldNot().HaveDependencyOnAny("Placement.Web").GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void TheKernel_ReferencesNoModule_AndNoAspNetCore()
    {
        var kernel = typeof(Placement.Kernel.Caller).Assembly;
        Assert.DoesNotContain(References(kernel), r => r.StartsWith("Placement.", StringComparison.Ordinal) || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Matching_BuildsOnTheCatalogue() => Assert.Contains("Placement.Catalogue", References(Matching));
}

/// <summary>What the pages read comes from the services, not from a static set at start.</summary>
public class WebStateTests
{
    [Fact]
    public void NoTypeOfTheWebFeatures_HoldsAMutableStatic()
    {
        const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var web = typeof(Placement.Web.Hosting.PlacementHost).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Placement.Web.Features", StringComparison.Ordinal) == true && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)));
        var mutable = web.SelectMany(t => t.GetFields(statics).Where(f => !f.IsInitOnly && !f.IsLiteral && !f.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))).Select(f => $"{t.Name}.{f.Name}")
            .Concat(t.GetProperties(statics).Where(p => p.SetMethod is not null).Select(p => $"{t.Name}.{p.Name}"))).ToList();
        Assert.Empty(mutable);
    }
}

/// <summary>Inside the matching module, namespaces depend one way too: no cycle between the engine, the domain and the stores.</summary>
public class NamespaceLayeringTests
{
    private static readonly Assembly Matching = typeof(Placement.Matching.MatchingExtensions).Assembly;

    [Theory]
    [InlineData("Placement.Matching.Domain", new[] { "Placement.Matching.Engine", "Placement.Matching.Persistence", "Placement.Matching.Features" })]
    [InlineData("Placement.Matching.Engine", new[] { "Placement.Matching.Persistence", "Placement.Matching.Features" })]
    [InlineData("Placement.Matching.Persistence", new[] { "Placement.Matching.Features" })]
    public void ANamespace_DoesNotDependOn_TheLayersAboveIt(string layer, string[] above)
    {
        var result = Types.InAssembly(Matching).That().ResideInNamespaceStartingWith(layer).ShouldNot().HaveDependencyOnAny(above).GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void EveryUseCase_LivesInAFeatureFolderOfItsModule()
    {
        var useCases = new[] { typeof(Placement.Catalogue.CatalogueExtensions).Assembly, Matching, typeof(Placement.Notifications.NotificationExtensions).Assembly }
            .SelectMany(a => a.GetTypes()).Where(t => typeof(Placement.Kernel.IUseCase).IsAssignableFrom(t) && t.IsClass).ToList();
        Assert.True(useCases.Count >= 30);
        Assert.All(useCases, t => Assert.Matches(@"^Placement\.(Catalogue|Matching|Notifications)\.Features\.\w+$", t.Namespace));
    }

    [Fact]
    public void TheWebHost_HoldsNoUseCase_AndNoEndpointTouchesTheStores()
    {
        var web = typeof(Placement.Web.Hosting.PlacementHost).Assembly;
        Assert.DoesNotContain(web.GetTypes(), t => typeof(Placement.Kernel.IUseCase).IsAssignableFrom(t));
        var result = Types.InAssembly(web).That().ResideInNamespaceStartingWith("Placement.Web.Features")
            .ShouldNot().HaveDependencyOnAny("Placement.Catalogue.Persistence", "Placement.Matching.Persistence", "Placement.Notifications.Persistence", "Microsoft.EntityFrameworkCore").GetResult();
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
