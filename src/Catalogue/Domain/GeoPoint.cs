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
    public double DistanceKmTo(GeoPoint other) =>
        Haversine(Latitude, Longitude, Math.Cos(Latitude * Math.PI / 180.0), other.Latitude, other.Longitude, Math.Cos(other.Latitude * Math.PI / 180.0));

    /// <summary>
    /// The haversine distance of two points given in degrees with the cosines of their latitudes — precomputed by a
    /// caller that measures one point against many (candidate generation). The one formula of every distance.
    /// </summary>
    public static double Haversine(double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2)
    {
        const double toRadians = Math.PI / 180.0;
        var sinLat = Math.Sin((lat2 - lat1) * toRadians / 2);
        var sinLon = Math.Sin((lon2 - lon1) * toRadians / 2);
        var a = sinLat * sinLat + cosLat1 * cosLat2 * sinLon * sinLon;
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
