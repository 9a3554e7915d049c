using NetTopologySuite.Geometries;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Index.Strtree;
using Placement.Catalogue.Domain;

namespace Placement.Matching.Domain;

/// <summary>
/// Zones where a person may not go (interdiction de paraître): Polygon or MultiPolygon geometries in
/// lon/lat, holes allowed. A point inside or on the boundary of a zone is excluded — within 1e-7° of it counts
/// as on it (a decimal boundary point is not lost to binary rounding) — and a point in a hole is not. A
/// MultiPolygon whose parts touch or overlap (neighbouring communes) is their union; only a part that is not a
/// region by itself (open ring, fewer than 3 points, a ring crossing itself) is refused. Longitudes wrap at
/// ±180°. Geometries are indexed once for fast repeated tests (their areas, and their rings' segments for the tolerance).
/// </summary>
public sealed class ExclusionZones : IEquatable<ExclusionZones>
{
    /// <summary>How near a boundary a point is on it, in degrees (~1 cm).</summary>
    public const double BoundaryTolerance = 1e-7;

    private readonly Lazy<(Geometry[] Regions, IndexedPointInAreaLocator[] Locators, STRtree<LineSegment>[] Boundaries)> _index;
    private static long s_topologyChecks;

    /// <summary>
    /// Zones whose topology (rings closed, not crossing) this process has checked — only ever when a zone is written, never
    /// when a stored one is read or tested: the tests count it.
    /// </summary>
    public static long TopologyChecks => Interlocked.Read(ref s_topologyChecks);

    public ExclusionZones(IEnumerable<Geometry> zones, string field = "restrictions.exclusionZones")
    {
        var list = zones.ToList();
        // Checked when written; a stored zone is not validated again at every read (TrustedRead).
        for (var i = 0; i < list.Count && !TrustedRead.Active; i++)
        {
            var at = $"{field}[{i}]";
            Ensure.That(list[i] is Polygon or MultiPolygon, at, "Une zone d'exclusion est un Polygon ou un MultiPolygon GeoJSON.");
            Ensure.That(!list[i].IsEmpty && Parts(list[i]).All(IsRegion), at, "La géométrie de la zone d'exclusion est invalide (anneaux non fermés ou qui se croisent).");
            Ensure.That(list[i].Coordinates.All(c => c.X is >= -180 and <= 180 && c.Y is >= -90 and <= 90), at,
                "Coordonnées hors limites : GeoJSON s'écrit [longitude, latitude].");
        }
        Geometries = list;
        // Indexed at the first test, not at every read of the person.
        _index = new(() =>
        {
            // Each part alone (checked valid when written): a point is in the union of the parts when it is in one of them,
            // so overlapping parts need no union — and no topology check at read time.
            Geometry[] regions = [.. list.SelectMany(Parts).Where(part => !part.IsEmpty)];
            return (regions, [.. regions.Select(Locator)], [.. regions.Select(Segments)]);
        });
    }

    /// <summary>The topology check (rings closed, not crossing): up to the square of the vertices; counted.</summary>
    private static bool IsRegion(Geometry part)
    {
        Interlocked.Increment(ref s_topologyChecks);
        return part.IsValid;
    }

    private static IEnumerable<Geometry> Parts(Geometry geometry) =>
        geometry is MultiPolygon many ? Enumerable.Range(0, many.NumGeometries).Select(many.GetGeometryN) : [geometry];

    public static ExclusionZones None { get; } = new([]);

    public IReadOnlyList<Geometry> Geometries { get; }
    public int Count => Geometries.Count;

    /// <summary>True when the point lies inside, on, or within <see cref="BoundaryTolerance"/> of the boundary of a zone (holes are outside).</summary>
    public bool Contains(GeoPoint point)
    {
        if (Geometries.Count == 0) return false;
        if (Contains(point.Longitude, point.Latitude)) return true;
        // The same meridian written the other way round: 180 and −180.
        return point.Longitude >= 180 - BoundaryTolerance ? Contains(point.Longitude - 360, point.Latitude)
            : point.Longitude <= -180 + BoundaryTolerance && Contains(point.Longitude + 360, point.Latitude);
    }

    private bool Contains(double lon, double lat)
    {
        var (regions, locators, boundaries) = _index.Value;
        for (var i = 0; i < locators.Length; i++)
        {
            var box = regions[i].EnvelopeInternal;
            if (lon < box.MinX - BoundaryTolerance || lon > box.MaxX + BoundaryTolerance || lat < box.MinY - BoundaryTolerance || lat > box.MaxY + BoundaryTolerance) continue;
            if (locators[i].Locate(new Coordinate(lon, lat)) != Location.Exterior || NearBoundary(boundaries[i], lon, lat)) return true;
        }
        return false;
    }

    /// <summary>Inside or on a region (holes outside), its index built at once: later tests from several threads only read it.</summary>
    private static IndexedPointInAreaLocator Locator(Geometry region)
    {
        var locator = new IndexedPointInAreaLocator(region);
        locator.Locate(region.EnvelopeInternal.Centre);
        return locator;
    }

    /// <summary>The segments of a region's rings, indexed by their boxes.</summary>
    private static STRtree<LineSegment> Segments(Geometry region)
    {
        var tree = new STRtree<LineSegment>();
        foreach (var ring in Parts(region).Cast<Polygon>().SelectMany(p => p.InteriorRings.Prepend(p.ExteriorRing)))
            for (var i = 1; i < ring.NumPoints; i++)
            {
                var segment = new LineSegment(ring.GetCoordinateN(i - 1), ring.GetCoordinateN(i));
                tree.Insert(new Envelope(segment.P0, segment.P1), segment);
            }
        tree.Build();
        return tree;
    }

    /// <summary>Within <see cref="BoundaryTolerance"/> of a ring: the segments whose box meets the point's, measured exactly.</summary>
    private static bool NearBoundary(STRtree<LineSegment> segments, double lon, double lat)
    {
        var point = new Coordinate(lon, lat);
        var near = segments.Query(new Envelope(lon - BoundaryTolerance, lon + BoundaryTolerance, lat - BoundaryTolerance, lat + BoundaryTolerance));
        for (var i = 0; i < near.Count; i++)
            if (near[i].Distance(point) <= BoundaryTolerance) return true;
        return false;
    }

    /// <summary>
    /// The box (lon, lat) of every point <see cref="Contains(GeoPoint)"/> may accept — the zones' envelope widened by the tolerance —
    /// or null when there is none, or when it touches ±180° (a point there is also tested on the other side).
    /// </summary>
    public Envelope? SearchBox
    {
        get
        {
            if (Geometries.Count == 0) return null;
            var box = new Envelope();
            foreach (var region in _index.Value.Regions) box.ExpandToInclude(region.EnvelopeInternal);
            box.ExpandBy(BoundaryTolerance);
            return box.MinX <= -180 + 2 * BoundaryTolerance || box.MaxX >= 180 - 2 * BoundaryTolerance ? null : box;
        }
    }

    public bool Equals(ExclusionZones? other) =>
        other is not null && Count == other.Count && Geometries.Zip(other.Geometries).All(z => z.First.EqualsExact(z.Second));
    public override bool Equals(object? obj) => Equals(obj as ExclusionZones);
    public override int GetHashCode() => Count;
}
