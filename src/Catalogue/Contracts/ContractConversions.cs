using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Contracts;

public static class ContractConversions
{
    public static WeeklySchedule ToSchedule(this IReadOnlyList<TimeWindowDto>? windows, FieldErrors errors, string field)
    {
        if (windows is null) return WeeklySchedule.Empty;
        var built = new List<TimeWindow>();
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            if (w is null)
            {
                errors.Add($"{field}[{i}]", "Ce champ est obligatoire.");
                continue;
            }
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
