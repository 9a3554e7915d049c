namespace Placement.Matching.Features.Placements;

/// <summary>
/// A placement would break a rule (capacity, one active placement per person, a matching rule): HTTP 409.
/// <see cref="Rules"/> names the matching rules broken (<c>coDefendant</c>, <c>distance</c>…), when any.
/// </summary>
public sealed class PlacementConflictException(string message, IReadOnlyList<string>? rules = null) : Exception(message)
{
    public IReadOnlyList<string> Rules { get; } = rules ?? [];
}
