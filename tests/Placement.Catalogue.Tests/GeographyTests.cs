using Placement.Catalogue.Contracts;
using Placement.Catalogue.Geography;

namespace Placement.Catalogue.Tests;

public sealed class GeographyFixture
{
    public FranceGeography Geography { get; } = FranceGeography.Load(Path.Combine(AppContext.BaseDirectory, "seed", "geo"));
}

public class FranceGeographyTests(GeographyFixture fixture) : IClassFixture<GeographyFixture>
{
    private FranceGeography Geo => fixture.Geography;

    [Fact]
    public void Seed_HoldsTheCommunesOfFrance_WithCoordinatesForAtLeast30000()
    {
        Assert.InRange(Geo.Communes.Count, 34_000, 36_000);
        Assert.True(Geo.Communes.Count(c => c.Location is not null) >= 30_000);
        Assert.All(Geo.Communes.Where(c => c.Location is null), c => Assert.Equal(CoordinatePrecision.None, c.Precision));
    }

    [Fact]
    public void Seed_HoldsTheDepartements_WithOutlinesForMetropolitanFrance()
    {
        Assert.True(Geo.Departements.Count(d => d.Outline is not null) >= 96);
        var rhone = Geo.Departement("69")!;
        Assert.Equal("Rhône", rhone.Name);
        Assert.True(rhone.Outline!.IsValid);
        Assert.True(rhone.Outline.Contains(new NetTopologySuite.Geometries.Point(4.8357, 45.7640)), "Lyon lies in the Rhône outline");
    }

    [Fact]
    public void Region84_IsAuvergneRhoneAlpes_WithTwelveDepartements()
    {
        Assert.Equal(["01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"], Geo.Region("84").Select(d => d.Code));
    }

    [Fact]
    public void Commune_Lyon_HasItsRealPosition()
    {
        var lyon = Geo.Commune("69123")!;
        Assert.Equal("Lyon", lyon.Name);
        Assert.Equal(CoordinatePrecision.Commune, lyon.Precision);
        Assert.InRange(lyon.Location!.Value.DistanceKmTo(new(45.764, 4.8357)), 0, 5);
        Assert.Contains("69001", lyon.PostalCodes);
    }

    [Fact]
    public void Search_ByName_IgnoresAccentsCaseHyphensAndSaint()
    {
        Assert.Equal("42218", Geo.Search("saint etienne").First().Insee);
        Assert.Equal("42218", Geo.Search("St-Étienne").First().Insee);
        Assert.Equal("38185", Geo.Search("greno").First().Insee);
    }

    [Fact]
    public void Search_ByPostalCodePrefix_ReturnsTheCommunesOfThatCode()
    {
        var hits = Geo.Search("69001");
        Assert.Equal("69123", hits[0].Insee); // Lyon 1er, the largest first
        Assert.All(hits, c => Assert.True(c.PostalCodes.Any(p => p.StartsWith("69001", StringComparison.Ordinal)) || c.Insee.StartsWith("69001", StringComparison.Ordinal)));
        Assert.All(Geo.Search("380", 100), c => Assert.StartsWith("38", c.Departement, StringComparison.Ordinal));
    }

    [Fact]
    public void Complete_FillsDepartementAndPosition_AndReportsAnUnknownCommune()
    {
        var errors = new FieldErrors();
        var completed = Geo.Complete(new AddressDto { CommuneInsee = "38185" }, errors, "address")!;
        Assert.False(errors.Any);
        Assert.Equal("38", completed.Departement);
        Assert.NotNull(completed.Location);

        Geo.Complete(new AddressDto { CommuneInsee = "99999" }, errors, "address");
        Geo.Complete(new AddressDto { CommuneInsee = "38185", Departement = "69" }, errors, "home");
        var e = Assert.Throws<ValidationFailedException>(errors.ThrowIfAny);
        Assert.Equal(["address.communeInsee", "home.departement"], e.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
