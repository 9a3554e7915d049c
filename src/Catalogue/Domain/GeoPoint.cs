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

    /// <summary>Great-circle distance with <see cref="EarthRadiusKm"/> (<see cref="UnitVector.DistanceKm"/>).</summary>
    public double DistanceKmTo(GeoPoint other) => UnitVector.DistanceKm(ToUnitVector(), other.ToUnitVector());

    /// <summary>The point on the unit sphere: what every distance is measured between.</summary>
    public UnitVector ToUnitVector()
    {
        const double toRadians = Math.PI / 180.0;
        var (sinLat, cosLat) = Math.SinCos(Latitude * toRadians);
        var (sinLon, cosLon) = Math.SinCos(Longitude * toRadians);
        return new UnitVector(cosLat * cosLon, cosLat * sinLon, sinLat);
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

/// <summary>
/// A point on the unit sphere. The great-circle distance is the haversine one, written through the chord c between the
/// points (hav θ = c² / 4): 2R·asin(c / 2). Comparing chords needs no trigonometry, which is what lets candidate generation
/// test millions of pairs; <see cref="ChordSquaredWithin"/> is the chord of a distance, for such comparisons.
/// </summary>
public readonly record struct UnitVector(double X, double Y, double Z)
{
    /// <summary>The squared chord to <paramref name="other"/>: 4 × the haversine of the angle between them.</summary>
    public double ChordSquaredTo(in UnitVector other)
    {
        double dx = X - other.X, dy = Y - other.Y, dz = Z - other.Z;
        return dx * dx + dy * dy + dz * dz;
    }

    /// <summary>The great-circle distance in km of a squared chord.</summary>
    public static double KmOfChordSquared(double chordSquared) =>
        2 * GeoPoint.EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(chordSquared) / 2));

    /// <summary>The squared chord of a great-circle distance of <paramref name="km"/>; infinite beyond half the Earth (every point is nearer).</summary>
    public static double ChordSquaredWithin(double km)
    {
        var half = km / (2 * GeoPoint.EarthRadiusKm);
        if (half >= Math.PI / 2) return double.PositiveInfinity;
        var chord = 2 * Math.Sin(half);
        return chord * chord;
    }

    public static double DistanceKm(in UnitVector a, in UnitVector b) => KmOfChordSquared(a.ChordSquaredTo(b));
}
