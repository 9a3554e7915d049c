namespace Placement.Catalogue.Domain;

/// <summary>A WGS84 position. Latitude in [-90, 90], longitude in [-180, 180], both finite.</summary>
public readonly record struct GeoPoint
{
    /// <summary>Mean Earth radius (IUGG) used by every distance in Placement, in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    public GeoPoint(double latitude, double longitude)
    {
        Ensure.That(double.IsFinite(latitude) && latitude is >= -90 and <= 90, "lat", "La latitude doit être comprise entre -90 et 90.");
        Ensure.That(double.IsFinite(longitude) && longitude is >= -180 and <= 180, "lon", "La longitude doit être comprise entre -180 et 180.");
        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }
    public double Longitude { get; }

    /// <summary>Great-circle distance by the haversine formula with <see cref="EarthRadiusKm"/>.</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        static double Rad(double deg) => deg * Math.PI / 180.0;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
              + Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// The latitude/longitude box that contains every point within <paramref name="km"/> (great circle):
    /// latitude ± the meridian arc, longitude ± asin(sin(r/R) / cos φ) — the widest extent of the spherical
    /// cap. Longitudes are not wrapped at ±180° (France never crosses the antimeridian).
    /// </summary>
    public (double MinLat, double MaxLat, double MinLon, double MaxLon) BoundingBox(double km)
    {
        const double epsilon = 1e-9;
        var angular = km / EarthRadiusKm;
        var dLat = angular * 180 / Math.PI + epsilon;
        var ratio = Math.Sin(Math.Min(angular, Math.PI / 2)) / Math.Cos(Latitude * Math.PI / 180);
        var dLon = ratio >= 1 || double.IsNaN(ratio) ? 180 : Math.Asin(ratio) * 180 / Math.PI + epsilon;
        return (Latitude - dLat, Latitude + dLat, Longitude - dLon, Longitude + dLon);
    }

    public override string ToString() => FormattableString.Invariant($"{Latitude:0.#####},{Longitude:0.#####}");
}
