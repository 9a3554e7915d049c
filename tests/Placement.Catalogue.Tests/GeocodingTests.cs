using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Geocoding;

namespace Placement.Catalogue.Tests;

/// <summary>The BAN adapter against recorded answers of the national address API, and its fallback.</summary>
public class GeocodingTests(GeographyFixture fixture) : IClassFixture<GeographyFixture>
{
    private const string HouseNumber = """
        {"type":"FeatureCollection","version":"draft","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[4.835659,45.767299]},
        "properties":{"label":"1 Place de la Comédie 69001 Lyon","score":0.9712,"housenumber":"1","id":"69381_1790_00001","name":"1 Place de la Comédie",
        "postcode":"69001","citycode":"69381","x":842388.47,"y":6519938.93,"city":"Lyon","district":"Lyon 1er Arrondissement","context":"69, Rhône, Auvergne-Rhône-Alpes",
        "type":"housenumber","importance":0.78,"street":"Place de la Comédie"}}],"attribution":"BAN","licence":"ETALAB-2.0","query":"1 place de la Comédie","filters":{"citycode":"69123"},"limit":1}
        """;

    private sealed class Stub(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private (FallbackGeocoder Geocoder, Stub Stub) Geocoder(HttpStatusCode status, string body, string? baseUrl = "https://data.geopf.fr/geocodage/")
    {
        var stub = new Stub(status, body);
        var options = Options.Create(new GeocodingOptions { BaseUrl = baseUrl });
        var services = new ServiceCollection()
            .AddSingleton(new BanGeocoder(new HttpClient(stub) { BaseAddress = new Uri("https://data.geopf.fr/geocodage/") }, options))
            .BuildServiceProvider();
        return (new FallbackGeocoder(fixture.Geography, options, services, NullLogger<FallbackGeocoder>.Instance), stub);
    }

    [Fact]
    public async Task AnAddressFoundByTheBan_HasItsHouseNumberPrecision()
    {
        var (geocoder, stub) = Geocoder(HttpStatusCode.OK, HouseNumber);
        var result = await geocoder.GeocodeAsync("1 place de la Comédie", "69123");
        Assert.NotNull(result);
        Assert.Equal((GeocodePrecision.HouseNumber, "ban"), (result.Precision, result.Source));
        Assert.Equal(45.767299, result.Location.Latitude, 6);
        Assert.Equal(4.835659, result.Location.Longitude, 6);
        Assert.Equal("/geocodage/search/?q=1%20place%20de%20la%20Com%C3%A9die&citycode=69123&limit=1", Assert.Single(stub.Requests).PathAndQuery);
    }

    [Fact]
    public async Task AnUntrustworthyMatch_FallsBackToTheCommune()
    {
        var (geocoder, _) = Geocoder(HttpStatusCode.OK, HouseNumber.Replace("\"score\":0.9712", "\"score\":0.31", StringComparison.Ordinal));
        var result = await geocoder.GeocodeAsync("n'importe quoi", "69123");
        Assert.Equal((GeocodePrecision.Commune, "commune"), (result!.Precision, result.Source));
    }

    [Fact]
    public async Task AnUnreachableBan_FallsBackToTheCommune()
    {
        var (geocoder, _) = Geocoder(HttpStatusCode.ServiceUnavailable, "{}");
        var result = await geocoder.GeocodeAsync("1 place de la Comédie", "69123");
        Assert.Equal("commune", result!.Source);
        Assert.Equal(fixture.Geography.Commune("69123")!.Location, result.Location);
    }

    [Fact]
    public async Task WithoutConfiguration_TheCommuneIsUsed_WithoutAnyRequest()
    {
        var (geocoder, stub) = Geocoder(HttpStatusCode.OK, HouseNumber, baseUrl: null);
        var result = await geocoder.GeocodeAsync("1 place de la Comédie", "01001");
        Assert.Empty(stub.Requests);
        Assert.Equal(GeocodePrecision.Commune, result!.Precision); // L'Abergement-Clémenciat: the centroid of the commune
        Assert.Equal(new Placement.Catalogue.Domain.GeoPoint(46.15359, 4.92582), result.Location);
        var restored = await geocoder.GeocodeAsync(null, "15031");
        Assert.Equal(GeocodePrecision.Departement, restored!.Precision); // Celles, restored since 2018: only its département's centre
    }

    [Fact]
    public async Task AnUnknownCommune_HasNoPosition()
    {
        var (geocoder, _) = Geocoder(HttpStatusCode.OK, HouseNumber);
        Assert.Null(await geocoder.GeocodeAsync("1 rue", "99999"));
    }
}
