
namespace Placement.Kernel;

/// <summary>
/// A value or an entity refused to be built or changed because an invariant would break.
/// <see cref="Field"/> names the offending input (camelCase, as in the API contracts) when known.
/// </summary>
public class DomainRuleException : Exception
{
    public DomainRuleException(string field, string message) : base(message) => Field = field;

    public string Field { get; }
}

/// <summary>A lifecycle move that the current state does not allow (HTTP 409).</summary>
public sealed class IllegalTransitionException(string entity, string from, string action)
    : Exception($"{entity} : transition « {action} » impossible depuis l'état « {from} ».")
{
    public string From { get; } = from;
    public string Action { get; } = action;
}

/// <summary>Preconditions in one place, in the NodaTime manner; not checked again while a stored document is read (<see cref="TrustedRead"/>).</summary>
public static class Ensure
{
    public static void That(bool condition, string field, string message)
    {
        if (!condition && !TrustedRead.Active) throw new DomainRuleException(field, message);
    }

    public static string NotBlank(string? value, string field, int maxLength = 200)
    {
        That(!string.IsNullOrWhiteSpace(value), field, "Ce champ est obligatoire.");
        var trimmed = (value ?? "").Trim();
        That(trimmed.Length <= maxLength, field, $"Ce champ dépasse {maxLength} caractères.");
        return trimmed;
    }

    public static string? Optional(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return NotBlank(value, field, maxLength);
    }
}
