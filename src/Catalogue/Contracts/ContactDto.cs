namespace Placement.Catalogue.Contracts;

public sealed record ContactDto
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}
