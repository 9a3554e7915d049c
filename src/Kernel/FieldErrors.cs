

namespace Placement.Kernel;

/// <summary>
/// Collects <see cref="DomainRuleException"/>s while an input is turned into domain values, so
/// that one answer names every bad field.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    /// <summary>The failure of one field, to throw.</summary>
    public static ValidationFailedException OneField(string field, string message) =>
        new(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>Adds every error of <paramref name="other"/> (one part of an input checked apart, on another thread).</summary>
    public void AddAll(FieldErrors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (field, messages) in other._errors)
            foreach (var message in messages) Add(field, message);
    }

    /// <summary>Runs <paramref name="build"/>; a rule it breaks is recorded under <paramref name="prefix"/>.</summary>
    public T? Try<T>(string prefix, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (DomainRuleException e)
        {
            Add(Join(prefix, e.Field), e.Message);
            return default;
        }
    }

    /// <summary>As <see cref="Try{T}"/> for value types: null when a rule broke.</summary>
    public T? TryValue<T>(string prefix, Func<T> build) where T : struct
    {
        try
        {
            return build();
        }
        catch (DomainRuleException e)
        {
            Add(Join(prefix, e.Field), e.Message);
            return null;
        }
    }

    /// <summary>Records a missing value; returns it unchanged.</summary>
    public T? Required<T>(string field, T? value) where T : class
    {
        if (value is null) Add(field, "Ce champ est obligatoire.");
        return value;
    }

    /// <summary>
    /// Runs a validating factory after checks already recorded here, and throws one
    /// <see cref="ValidationFailedException"/> with the errors of both.
    /// </summary>
    public T Build<T>(Func<T> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        try
        {
            var built = build();
            ThrowIfAny();
            return built;
        }
        catch (ValidationFailedException e) when (!ReferenceEquals(e.Data["source"], this))
        {
            // An object already explained here (« address.communeInsee » unknown) needs no further
            // consequences of it (« address.departement » missing): keep the first explanation.
            var explained = _errors.Keys.Select(Parent).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
            foreach (var (field, messages) in e.Errors)
                if (!explained.Contains(Parent(field)))
                    foreach (var m in messages) Add(field, m);
            ThrowIfAny();
            throw;
        }
    }

    public void ThrowIfAny()
    {
        if (!Any) return;
        var exception = new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        exception.Data["source"] = this;
        throw exception;
    }

    private static string Parent(string field) => field.LastIndexOf('.') is var i and > 0 ? field[..i] : "";

    private static string Join(string prefix, string field) =>
        prefix.Length == 0 ? field : field.Length == 0 || field == prefix || field.StartsWith(prefix + ".", StringComparison.Ordinal) ? (field.Length == 0 ? prefix : field) : $"{prefix}.{field}";
}
