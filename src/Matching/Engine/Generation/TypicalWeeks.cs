using NetTopologySuite.Geometries;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;

namespace Placement.Matching.Engine.Generation;

/// <summary>
/// Realistic weekly patterns and places shared by the generators (demo data set, synthetic instances):
/// when persons are free, when posts are open, and the shape of an exclusion zone.
/// </summary>
public static class TypicalWeeks
{
    public static readonly IReadOnlyList<string> Weekdays = ["mon", "tue", "wed", "thu", "fri"];

    private static TimeWindowDto W(string day, string start, string end) => new() { Day = day, Start = start, End = end };

    /// <summary>
    /// A person's availability. Minors: Wednesday afternoon and Saturday. Adults, by <paramref name="pattern"/>
    /// (0–3): without a job (weekdays), working (Saturday and one evening, <paramref name="evening"/>), part-time
    /// (mornings), or three free days.
    /// </summary>
    public static List<TimeWindowDto> Availability(int pattern, bool minor, string evening = "tue")
    {
        if (minor) return [W("wed", "13:30", "18:00"), W("sat", "08:00", "18:00")];
        return pattern switch
        {
            0 => [.. Weekdays.Select(d => W(d, "08:00", "18:00"))],
            1 => [W("sat", "08:00", "18:00"), W(evening, "18:00", "22:00")],
            2 => [.. Weekdays.Where(d => d is "mon" or "tue" or "thu").Select(d => W(d, "08:00", "12:30")), W("sat", "08:00", "12:00")],
            _ => [W("wed", "08:00", "18:00"), W("fri", "08:00", "18:00"), W("sat", "08:00", "13:00")],
        };
    }

    /// <summary>
    /// A post's schedule on <paramref name="days"/> by <paramref name="pattern"/> (0–3): mornings, afternoons,
    /// full days, or two mornings and Saturday morning. Events: weekend days, or Friday and Saturday evenings
    /// (night work) when <paramref name="evening"/>.
    /// </summary>
    public static List<TimeWindowDto> PostSchedule(int pattern, IReadOnlyList<string> days, string activity, bool evening)
    {
        if (activity == "evenementiel")
            return evening
                ? [W("fri", "18:00", "23:30"), W("sat", "18:00", "23:30")]
                : [W("sat", "08:00", "12:00"), W("sat", "13:00", "18:00"), W("sun", "09:00", "13:00")];
        return pattern switch
        {
            0 => [.. days.Select(d => W(d, "08:30", "12:00"))],
            1 => [.. days.Select(d => W(d, "13:30", "17:00"))],
            2 => [.. days.SelectMany(d => new[] { W(d, "09:00", "12:00"), W(d, "13:30", "16:30") })],
            _ => [.. days.Take(2).Select(d => W(d, "08:00", "12:00")), W("sat", "09:00", "12:00")],
        };
    }

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>An interdiction de paraître around a place: a 32-sided disc, with a hole of <paramref name="holeKm"/> if given.</summary>
    public static Polygon Disc(GeoPoint centre, double radiusKm, double? holeKm = null) =>
        Factory.CreatePolygon(Ring(centre, radiusKm), holeKm is { } h ? [Ring(centre, h)] : []);

    private static LinearRing Ring(GeoPoint centre, double radiusKm)
    {
        const int sides = 32;
        return Factory.CreateLinearRing([.. Enumerable.Range(0, sides + 1).Select(i =>
        {
            var p = Offset(centre, radiusKm, 2 * Math.PI * (i % sides) / sides);
            return new Coordinate(p.Lon, p.Lat);
        })]);
    }

    /// <summary>The point <paramref name="km"/> away towards <paramref name="angle"/> (radians from east), rounded to 5 decimals (~1 m); flat-earth, for small distances.</summary>
    public static PointDto Offset(GeoPoint from, double km, double angle) => new()
    {
        Lat = Math.Round(from.Latitude + km / 111.32 * Math.Sin(angle), 5),
        Lon = Math.Round(from.Longitude + km / (111.32 * Math.Cos(from.Latitude * Math.PI / 180)) * Math.Cos(angle), 5),
    };
}
