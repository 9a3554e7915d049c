
namespace Placement.Kernel;

/// <summary>All the errors of one input, by field path (camelCase, <c>schedule[1].end</c>).</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("Données invalides : " + string.Join(" ; ", errors.Select(e => $"{e.Key} : {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
