using System.Text.Json;

namespace Placement.Web.Features.Shared;

/// <summary>What a map shows: the départements drawn as background, markers, a person's home with their travel radius, exclusion zones.</summary>
public sealed record MapModel(string Id, string Label)
{
    public sealed record Point(double Lat, double Lon, string? Label = null);

    public sealed record Marker(double Lat, double Lon, string Title, IReadOnlyList<string> Lines, string? Href);

    public IReadOnlyList<string> Departements { get; init; } = [];
    public IReadOnlyList<Marker> Markers { get; init; } = [];

    /// <summary>A line from a person's home to a post (a proposal), with what its tooltip says.</summary>
    public sealed record Link(double FromLat, double FromLon, double ToLat, double ToLon, string Label);

    public IReadOnlyList<Link> Links { get; init; } = [];

    /// <summary>A place with a count (unplaced persons of a commune): a circle whose area follows the count.</summary>
    public sealed record Area(double Lat, double Lon, int Count, string Title, IReadOnlyList<string> Lines);

    public IReadOnlyList<Area> Areas { get; init; } = [];
    public Point? Home { get; init; }
    public double? RadiusKm { get; init; }
    public IReadOnlyList<JsonElement> Zones { get; init; } = [];
    public bool Small { get; init; }

    /// <summary>The id of a GeoJSON field: the map lets the user draw exclusion zones into it.</summary>
    public string? DrawInto { get; init; }

    /// <summary>The ids of the fields a movable pin writes into: latitude, longitude, and « moved by hand ».</summary>
    public sealed record PinFields(string Lat, string Lon, string Moved);

    /// <summary>A place shown as a pin; movable (drag it, or click the map) when <see cref="MoveInto"/> is set.</summary>
    public Point? Pin { get; init; }

    public PinFields? MoveInto { get; init; }

    public string Json => ScriptJson.Serialize(new { departements = Departements, markers = Markers, links = Links, areas = Areas, home = Home, radiusKm = RadiusKm, zones = Zones, drawInto = DrawInto, pin = Pin, moveInto = MoveInto });
}
