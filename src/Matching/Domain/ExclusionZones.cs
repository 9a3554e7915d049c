using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

/// <summary>
/// Zones where a person may not go (interdiction de paraître): Polygon or MultiPolygon geometries in
/// lon/lat, holes allowed. A point inside or on the boundary of a zone is excluded; a point in a hole
/// is not. Geometries are prepared once for fast repeated tests.
/// </summary>
public sealed class ExclusionZones : IEquatable<ExclusionZones>
{
    private readonly IPreparedGeometry[] _prepared;

    public ExclusionZones(IEnumerable<Geometry> zones, string field = "restrictions.exclusionZones")
    {
        var list = zones.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var at = $"{field}[{i}]";
            Ensure.That(list[i] is Polygon or MultiPolygon, at, "Une zone d'exclusion est un Polygon ou un MultiPolygon GeoJSON.");
            Ensure.That(!list[i].IsEmpty && list[i].IsValid, at, "La géométrie de la zone d'exclusion est invalide (anneaux non fermés ou qui se croisent).");
            Ensure.That(list[i].Coordinates.All(c => c.X is >= -180 and <= 180 && c.Y is >= -90 and <= 90), at,
                "Coordonnées hors limites : GeoJSON s'écrit [longitude, latitude].");
        }
        Geometries = list;
        _prepared = [.. list.Select(PreparedGeometryFactory.Prepare)];
    }

    public static ExclusionZones None { get; } = new([]);

    public IReadOnlyList<Geometry> Geometries { get; }
    public int Count => Geometries.Count;

    /// <summary>True when the point lies inside or on the boundary of a zone (holes are outside).</summary>
    public bool Contains(GeoPoint point)
    {
        if (_prepared.Length == 0) return false;
        var p = new Point(point.Longitude, point.Latitude);
        foreach (var zone in _prepared)
            if (zone.Intersects(p)) return true;
        return false;
    }

    public bool Equals(ExclusionZones? other) =>
        other is not null && Count == other.Count && Geometries.Zip(other.Geometries).All(z => z.First.EqualsExact(z.Second));
    public override bool Equals(object? obj) => Equals(obj as ExclusionZones);
    public override int GetHashCode() => Count;
}
