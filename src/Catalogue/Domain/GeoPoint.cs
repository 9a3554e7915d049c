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

    public override string ToString() => FormattableString.Invariant($"{Latitude:0.#####},{Longitude:0.#####}");
}
