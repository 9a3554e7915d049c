using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Contracts;

/// <summary>A position as the API and the matching format write it.</summary>
public sealed record PointDto
{
    public double Lat { get; init; }
    public double Lon { get; init; }

    public GeoPoint ToGeoPoint() => new(Lat, Lon);
}

/// <summary>A time window: <c>{ "day": "mon", "start": "09:00", "end": "12:00" }</c>.</summary>
public sealed record TimeWindowDto
{
    public string? Day { get; init; }
    public string? Start { get; init; }
    public string? End { get; init; }
}

public sealed record ContactDto
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}

public sealed record AddressDto
{
    public string? Street { get; init; }
    public string? CommuneInsee { get; init; }
    /// <summary>Filled from the commune when omitted.</summary>
    public string? Departement { get; init; }
    /// <summary>Filled from the commune (geocoding fallback) when omitted.</summary>
    public PointDto? Location { get; init; }
}

/// <summary>All the errors of one input, by field path (camelCase, <c>schedule[1].end</c>).</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("Données invalides : " + string.Join(" ; ", errors.Select(e => $"{e.Key} : {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

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

/// <summary>Enum names in contracts are kebab-case: <c>PendingValidation</c> ⇄ <c>pending-validation</c>.</summary>
public static class EnumNames
{
    public static string ToKebab<T>(T value) where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string? text, string field) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(ToKebab(v), text?.Trim(), StringComparison.OrdinalIgnoreCase)) return v;
        throw new DomainRuleException(field, $"Valeur inconnue « {text} » ; attendu : {string.Join(", ", Enum.GetValues<T>().Select(ToKebab))}.");
    }
}

public static class ContractConversions
{
    public static WeeklySchedule ToSchedule(this IReadOnlyList<TimeWindowDto>? windows, FieldErrors errors, string field)
    {
        if (windows is null) return WeeklySchedule.Empty;
        var built = new List<TimeWindow>();
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            var window = errors.Try($"{field}[{i}]", () => TimeWindow.Parse(w.Day, w.Start, w.End));
            if (window is not null) built.Add(window);
        }
        return new WeeklySchedule(built);
    }

    public static TimeWindowDto ToDto(this TimeWindow w) => new()
    {
        Day = TimeWindow.DayCode(w.Day),
        Start = w.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        End = w.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static Contact? ToContact(this ContactDto? dto, FieldErrors errors, string field) =>
        errors.Try(field, () => new Contact(dto?.Name, dto?.Email, dto?.Phone, field));

    public static Address? ToAddress(this AddressDto? dto, FieldErrors errors, string field)
    {
        if (dto is null)
        {
            errors.Add(field, "Ce champ est obligatoire.");
            return null;
        }
        if (dto.Location is null) errors.Add($"{field}.location", "Ce champ est obligatoire.");
        var location = dto.Location is { } p ? errors.TryValue($"{field}.location", p.ToGeoPoint) : null;
        return location is { } point ? errors.Try(field, () => new Address(dto.Street, dto.CommuneInsee ?? "", dto.Departement ?? "", point)) : null;
    }
}
