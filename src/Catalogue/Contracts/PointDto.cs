using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Contracts;

/// <summary>A position as the API and the matching format write it.</summary>
public sealed record PointDto
{
    public double Lat { get; init; }
    public double Lon { get; init; }

    public GeoPoint ToGeoPoint() => new(Lat, Lon);
}
