namespace Placement.Catalogue.Contracts;

public sealed record AddressDto
{
    public string? Street { get; init; }
    public string? CommuneInsee { get; init; }
    /// <summary>Filled from the commune when omitted.</summary>
    public string? Departement { get; init; }
    /// <summary>Filled from the commune (geocoding fallback) when omitted.</summary>
    public PointDto? Location { get; init; }
}
