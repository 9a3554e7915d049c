using NetTopologySuite.Geometries;
using PdfSharp.Drawing;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;

namespace Placement.Matching.Features.Documents.Templates;

/// <summary>
/// A small map of where the work is done: the département's outline projected into a box (equirectangular, longitudes
/// scaled by the cosine of the middle latitude), the post as a marker with its commune's name, and a scale bar in km.
/// </summary>
internal static class DepartementMap
{
    private static readonly int[] ScaleLengths = [1, 2, 5, 10, 20, 50, 100, 200];
    private const double KmPerDegree = Math.PI * GeoPoint.EarthRadiusKm / 180;

    public static void Draw(XGraphics g, XRect box, Departement? departement, GeoPoint place, string communeName, XFont font, XFont strong)
    {
        g.DrawRectangle(new XPen(XColor.FromArgb(0xCC, 0xCC, 0xCC), 0.5), new XSolidBrush(XColor.FromArgb(0xF6, 0xF6, 0xFA)), box);
        var rings = Rings(departement?.Outline).ToList();
        // The extent drawn: the outline's, or some 20 km around the place when there is none.
        double minLon = place.Longitude, maxLon = place.Longitude, minLat = place.Latitude, maxLat = place.Latitude;
        foreach (var c in rings.SelectMany(r => r))
        {
            minLon = Math.Min(minLon, c.X); maxLon = Math.Max(maxLon, c.X);
            minLat = Math.Min(minLat, c.Y); maxLat = Math.Max(maxLat, c.Y);
        }
        if (rings.Count == 0) { minLon -= 0.25; maxLon += 0.25; minLat -= 0.18; maxLat += 0.18; }
        var cos = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var inner = new XRect(box.X + 10, box.Y + 10, box.Width - 20, box.Height - 34);
        var scale = Math.Min(inner.Width / Math.Max((maxLon - minLon) * cos, 1e-6), inner.Height / Math.Max(maxLat - minLat, 1e-6));
        var offsetX = inner.X + (inner.Width - (maxLon - minLon) * cos * scale) / 2;
        var offsetY = inner.Y + (inner.Height - (maxLat - minLat) * scale) / 2;
        XPoint Project(double lon, double lat) => new(offsetX + (lon - minLon) * cos * scale, offsetY + (maxLat - lat) * scale);

        foreach (var ring in rings)
            g.DrawPolygon(new XPen(XColor.FromArgb(0x00, 0x00, 0x91), 0.8), new XSolidBrush(XColor.FromArgb(0xE3, 0xE3, 0xFD)),
                [.. ring.Select(c => Project(c.X, c.Y))], XFillMode.Alternate);
        if (departement is not null)
            g.DrawString($"{departement.Name} ({departement.Code})", strong, XBrushes.Black, box.X + 8, box.Y + 8, XStringFormats.TopLeft);
        if (rings.Count == 0)
            g.DrawString("Contour du département indisponible", font, XBrushes.Gray, box.X + box.Width - 8, box.Y + 8, XStringFormats.TopRight);

        var at = Project(place.Longitude, place.Latitude);
        g.DrawEllipse(new XPen(XColors.White, 1.2), new XSolidBrush(XColor.FromArgb(0xE1, 0x00, 0x0F)), at.X - 4, at.Y - 4, 8, 8);
        var label = g.MeasureString(communeName, strong);
        var labelX = at.X + 7 + label.Width > box.Right - 4 ? at.X - 7 - label.Width : at.X + 7;
        g.DrawRectangle(new XSolidBrush(XColor.FromArgb(220, 0xFF, 0xFF, 0xFF)), labelX - 2, at.Y - label.Height / 2 - 1, label.Width + 4, label.Height + 2);
        g.DrawString(communeName, strong, XBrushes.Black, labelX, at.Y, XStringFormats.CenterLeft);

        // The scale bar: a round length near a quarter of the box.
        var pointsPerKm = scale / KmPerDegree;
        var km = ScaleLengths.LastOrDefault(k => k * pointsPerKm <= box.Width / 4, 1);
        var barX = box.X + 10;
        var barY = box.Bottom - 12;
        var length = km * pointsPerKm;
        var pen = new XPen(XColors.Black, 1);
        g.DrawLine(pen, barX, barY, barX + length, barY);
        g.DrawLine(pen, barX, barY - 3, barX, barY + 1);
        g.DrawLine(pen, barX + length, barY - 3, barX + length, barY + 1);
        g.DrawString($"{km} km", font, XBrushes.Black, barX + length + 5, barY, XStringFormats.CenterLeft);
        g.DrawString("N ↑", font, XBrushes.Black, box.Right - 8, box.Bottom - 8, XStringFormats.BottomRight);
    }

    /// <summary>The outer rings of a polygon or multipolygon, in lon/lat.</summary>
    private static IEnumerable<Coordinate[]> Rings(Geometry? outline)
    {
        if (outline is null) yield break;
        for (var i = 0; i < outline.NumGeometries; i++)
            if (outline.GetGeometryN(i) is Polygon { IsEmpty: false } polygon)
                yield return polygon.ExteriorRing.Coordinates;
    }
}
