using Placement.Catalogue.Domain;

namespace Placement.Matching.Engine;

/// <summary>
/// The posts of an instance in strips of latitude (<see cref="StripDegrees"/>), each strip sorted by longitude: the posts
/// inside a latitude/longitude box are a few contiguous runs of <see cref="Sides"/>, found by two binary searches per strip —
/// no allocation, no tree walk, and the posts of one run side by side in memory.
/// </summary>
public sealed class PostGrid
{
    /// <summary>Height of a strip: about 5.6 km.</summary>
    public const double StripDegrees = 0.05;
    private const int Strips = (int)(180 / StripDegrees) + 1;

    private readonly int[] _stripStart = new int[Strips + 1];
    private readonly double[] _longitude;

    public PostGrid(IReadOnlyList<MatchPost> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var (sides, windows) = PostSide.Of(posts);
        Windows = windows;
        var order = Enumerable.Range(0, posts.Count)
            .OrderBy(q => Strip(posts[q].Location.Latitude)).ThenBy(q => posts[q].Location.Longitude).ThenBy(q => q).ToArray();
        PostIndex = order;
        Sides = [.. order.Select(q => sides[q])];
        Gates = [.. Sides.Select(side => side.Gate)];
        _longitude = [.. order.Select(q => posts[q].Location.Longitude)];
        foreach (var q in order) _stripStart[Strip(posts[q].Location.Latitude) + 1]++;
        for (var s = 0; s < Strips; s++) _stripStart[s + 1] += _stripStart[s];
    }

    /// <summary>The posts' sides in grid order.</summary>
    public PostSide[] Sides { get; }

    /// <summary>The posts' <see cref="PostSide.Gate"/> in grid order, side by side: a scan reads a byte per post it can refuse.</summary>
    public byte[] Gates { get; }

    /// <summary>The instance's index of the post at each grid position.</summary>
    public int[] PostIndex { get; }

    /// <summary>Distinct schedule windows among the posts (<see cref="PostSide.WindowIds"/>).</summary>
    public int Windows { get; }

    public int Count => Sides.Length;

    /// <summary>
    /// Adds to <paramref name="runs"/> the [from, to) ranges of grid positions whose posts may lie within <paramref name="km"/> of
    /// <paramref name="point"/> (the box of that distance: every such post is in them; some beyond it are too). Each position
    /// appears once: a box crossing ±180° asks for both ends of a strip, which overlap only when it is 360° wide — then the
    /// whole strip is one run.
    /// </summary>
    public void Runs(GeoPoint point, double km, List<(int From, int To)> runs)
    {
        var (minLat, maxLat, minLon, maxLon) = point.BoundingBox(km);
        Runs(minLat, maxLat, minLon, maxLon, runs);
    }

    /// <summary>The runs of the posts inside a box (longitudes may run past ±180°: the box then wraps).</summary>
    public void Runs(double minLat, double maxLat, double minLon, double maxLon, List<(int From, int To)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        runs.Clear();
        for (var s = Strip(Math.Max(-90, minLat)); s <= Strip(Math.Min(90, maxLat)); s++)
        {
            int from = _stripStart[s], to = _stripStart[s + 1];
            if (from == to) continue;
            if (maxLon - minLon >= 360) runs.Add((from, to));
            else
            {
                Add(runs, from, to, Math.Max(minLon, -180), Math.Min(maxLon, 180));
                if (minLon < -180) Add(runs, from, to, minLon + 360, 180);
                if (maxLon > 180) Add(runs, from, to, -180, maxLon - 360);
            }
        }
    }

    private void Add(List<(int From, int To)> runs, int from, int to, double minLon, double maxLon)
    {
        var start = LowerBound(from, to, minLon);
        var end = UpperBound(start, to, maxLon);
        if (end > start) runs.Add((start, end));
    }

    private int LowerBound(int from, int to, double lon)
    {
        while (from < to)
        {
            var mid = (from + to) >>> 1;
            if (_longitude[mid] < lon) from = mid + 1;
            else to = mid;
        }
        return from;
    }

    private int UpperBound(int from, int to, double lon)
    {
        while (from < to)
        {
            var mid = (from + to) >>> 1;
            if (_longitude[mid] <= lon) from = mid + 1;
            else to = mid;
        }
        return from;
    }

    private static int Strip(double latitude) => Math.Clamp((int)Math.Floor((latitude + 90) / StripDegrees), 0, Strips - 1);
}
