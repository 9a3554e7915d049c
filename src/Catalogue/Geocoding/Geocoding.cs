using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;

namespace Placement.Catalogue.Geocoding;

/// <summary>How precise a position is: a house number, a street, a place, or only the commune (or département) centre.</summary>
public enum GeocodePrecision { HouseNumber, Street, Locality, Commune, Departement }

public sealed record GeocodeResult(GeoPoint Location, GeocodePrecision Precision, string Source, string? Label = null, double? Score = null);

/// <summary>Address → point.</summary>
public interface IGeocoder
{
    /// <summary>The position of <paramref name="street"/> in the commune; null when the commune is unknown or has no position.</summary>
    Task<GeocodeResult?> GeocodeAsync(string? street, string communeInsee, CancellationToken ct = default);
}

/// <summary>Configuration section <c>Placement:Geocoding</c>.</summary>
public sealed class GeocodingOptions : IValidatableObject
{
    public const string Section = "Placement:Geocoding";

    /// <summary>
    /// Base URL of the national address API (BAN, now served by the Géoplateforme:
    /// <c>https://data.geopf.fr/geocodage/</c>). Empty: offline, commune positions only.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Below this BAN score (0–1) a result is not trusted and the commune position is used.</summary>
    [Range(0.0, 1.0, ErrorMessage = "un score entre 0 et 1 est attendu.")]
    public double MinScore { get; set; } = 0.5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl) && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            yield return new ValidationResult("une URL absolue http(s) est attendue, ou rien (hors ligne).", [nameof(BaseUrl)]);
    }
}

/// <summary>
/// The French national address API (<c>/search/?q=…&amp;citycode=…</c>, a GeoJSON FeatureCollection). Its
/// HttpClient carries the standard resilience handler (timeouts, retries with back-off, circuit breaker).
/// </summary>
public sealed class BanGeocoder(HttpClient http, IOptions<GeocodingOptions> options)
{
    public async Task<GeocodeResult?> SearchAsync(string street, string communeInsee, CancellationToken ct)
    {
        var url = $"search/?q={Uri.EscapeDataString(street)}&citycode={Uri.EscapeDataString(communeInsee)}&limit=1";
        using var response = await http.GetAsync(url, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!body.TryGetProperty("features", out var features) || features.GetArrayLength() == 0) return null;
        var feature = features[0];
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        var properties = feature.GetProperty("properties");
        var score = properties.TryGetProperty("score", out var s) ? s.GetDouble() : 0;
        if (score < options.Value.MinScore) return null;
        var precision = (properties.TryGetProperty("type", out var t) ? t.GetString() : null) switch
        {
            "housenumber" => GeocodePrecision.HouseNumber,
            "street" => GeocodePrecision.Street,
            "locality" => GeocodePrecision.Locality,
            _ => GeocodePrecision.Commune,
        };
        return new GeocodeResult(new GeoPoint(coordinates[1].GetDouble(), coordinates[0].GetDouble()), precision, "ban",
            properties.TryGetProperty("label", out var l) ? l.GetString() : null, Math.Round(score, 3));
    }
}

/// <summary>
/// The geocoder of Placement: the BAN when configured and reachable, otherwise — or when it finds
/// nothing trustworthy — the commune's position from <c>data/seed</c>; the result says which.
/// </summary>
public sealed class FallbackGeocoder(FranceGeography geography, IOptions<GeocodingOptions> options, IServiceProvider services, ILogger<FallbackGeocoder> logger) : IGeocoder
{
    public async Task<GeocodeResult?> GeocodeAsync(string? street, string communeInsee, CancellationToken ct = default)
    {
        var commune = geography.Commune(communeInsee);
        if (commune is null) return null;
        if (!string.IsNullOrWhiteSpace(street) && !string.IsNullOrWhiteSpace(options.Value.BaseUrl))
        {
            try
            {
                var ban = (BanGeocoder)services.GetService(typeof(BanGeocoder))!;
                if (await ban.SearchAsync(street, commune.Insee, ct) is { } found) return found;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or JsonException or KeyNotFoundException or InvalidOperationException
                                       or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
            {
                logger.LogWarning("Géocodage BAN indisponible ({Error}) ; position de la commune {Commune} utilisée.", e.Message, commune.Insee);
            }
        }
        return commune.Location is { } at
            ? new GeocodeResult(at, commune.Precision is CoordinatePrecision.Commune or CoordinatePrecision.Centroid ? GeocodePrecision.Commune : GeocodePrecision.Departement, "commune",
                string.Create(CultureInfo.InvariantCulture, $"{commune.Name} ({commune.Departement})"))
            : null;
    }
}
