namespace Placement.Catalogue.Contracts;

/// <summary>A time window: <c>{ "day": "mon", "start": "09:00", "end": "12:00" }</c>.</summary>
public sealed record TimeWindowDto
{
    public string? Day { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }
}
