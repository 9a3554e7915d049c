using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Search;

namespace Placement.Catalogue.Tests;

/// <summary>What every use case relies on: who the caller is and may do, paging, and configuration checked in depth.</summary>
public class CallerTests
{
    private static readonly Guid Host = Guid.NewGuid();

    private static Caller As(CallerRoles roles, params string[] departements) =>
        new("x@test", roles, departements.ToHashSet(), roles.HasFlag(CallerRoles.Partner) ? Host : null);

    [Fact]
    public void APartner_EditsItsOwnHostBodyOnly_AndValidatesNothing()
    {
        var partner = As(CallerRoles.Partner);
        Assert.True(partner.IsPartnerOnly);
        Assert.True(partner.CanEditHostBody(Host, "69"));
        Assert.False(partner.CanEditHostBody(Guid.NewGuid(), "69"));
        Assert.False(partner.CanValidate("69"));
        Assert.False(partner.CanAccessPerson("69"));
    }

    [Fact]
    public void ACoordinator_ActsInTheirDepartementsOnly()
    {
        var coordinator = As(CallerRoles.Coordinator, "69", "38");
        Assert.True(coordinator.CanValidate("69"));
        Assert.False(coordinator.CanValidate("75"));
        Assert.True(coordinator.CanEditHostBody(Guid.NewGuid(), "38"));
        Assert.True(coordinator.CanAccessPerson("38"));
        coordinator.DemandDepartements(["69", "38"]);
        Assert.Contains("75", Assert.Throws<ForbiddenException>(() => coordinator.DemandDepartements(["69", "75"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAdministrator_ValidatesEverywhere_ButSeesNoPerson()
    {
        var admin = As(CallerRoles.Admin);
        Assert.True(admin.CanValidate("2A"));
        Assert.False(admin.CanAccessPerson("69"));
        Assert.False(admin.IsPartnerOnly);
    }

    [Fact]
    public void AnOfficer_SeesThePersonsOfTheirSpip() => Assert.True(As(CallerRoles.Officer, "69").CanAccessPerson("69"));
}

public class PagingTests
{
    [Fact]
    public void Defaults_AreTheFirstPageOfTwenty() => Assert.Equal((1, 20), (Paging.From(null, null).Page, Paging.From(null, null).PageSize));

    [Fact]
    public void Skip_CountsThePagesBefore() => Assert.Equal(40, Paging.From(3, 20).Skip);

    [Fact]
    public void BadValues_NameBothFields()
    {
        var error = Assert.Throws<ValidationFailedException>(() => Paging.From(0, 101));
        Assert.Equal(["page", "pageSize"], error.Errors.Keys.Order());
    }

    [Theory]
    [InlineData(int.MaxValue, 20)]
    [InlineData(int.MaxValue, 100)]
    [InlineData(107_374_183, 20)]
    [InlineData(-1, 20)]
    [InlineData(int.MinValue, 20)]
    public void APageBeyondTheDeepestOne_IsRefused_NamingPage_NeverAnOverflow(int page, int pageSize)
    {
        var error = Assert.Throws<ValidationFailedException>(() => Paging.From(page, pageSize));
        Assert.Equal(["page"], error.Errors.Keys);
    }

    [Fact]
    public void TheDeepestPage_SkipsWithoutOverflow() => Assert.InRange(Paging.From(int.MaxValue / 100, 100).Skip, 0, int.MaxValue - 100);

    [Fact]
    public void ASearch_IsPagedWithinItsResultWindow()
    {
        Assert.Equal(9_980, Paging.From(500, 20, 10_000).Skip);
        Assert.Equal(["page"], Assert.Throws<ValidationFailedException>(() => Paging.From(501, 20, 10_000)).Errors.Keys);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(int.MinValue, 1)]
    [InlineData(int.MaxValue, int.MaxValue / 20)]
    public void APage_BringsThePageAskedWithinBounds(int? page, int expected) => Assert.Equal(expected, Paging.Clamp(page, 20));
}

public class ValidatedOptionsTests
{
    private static IReadOnlyList<string> Check(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddValidatedOptions<SearchOptions>(SearchOptions.Section);
        services.PostConfigure<SearchOptions>(o => o.IndexDirectory ??= "/tmp/index");
        using var provider = services.BuildServiceProvider();
        return ValidatedOptions.Check(provider);
    }

    [Fact]
    public void AGoodSection_HasNoError() => Assert.Empty(Check([]));

    [Fact]
    public void AnEnumThatDoesNotParse_IsOneLine_WithTheAllowedValues() =>
        Assert.Equal(["Placement:Search:Engine = « Solr » : valeurs permises : Embedded, Elasticsearch."], Check(new() { ["Placement:Search:Engine"] = "Solr" }));

    [Fact]
    public void ANestedSection_IsValidatedToo() =>
        Assert.Contains("Placement:Search:Elasticsearch:IndexName = « Mon Index »", Assert.Single(Check(new() { ["Placement:Search:Elasticsearch:IndexName"] = "Mon Index" })),
            StringComparison.Ordinal);

    [Fact]
    public void SecretsAreNeverEchoed()
    {
        var line = Assert.Single(Check(new() { ["Placement:Search:Engine"] = "Elasticsearch", ["Placement:Search:Elasticsearch:Password"] = "s3cret" }));
        Assert.StartsWith("Placement:Search:Elasticsearch:Url", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", line, StringComparison.Ordinal);
    }
}
