using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Placement.Catalogue.Contracts;
using Placement.Web.Features.Shared;
using Placement.Catalogue.Features.Posts;

namespace Placement.Web.Features.Posts.Partner;

/// <summary>
/// A post as the partner's form holds it: the contract's fields, the address with its movable point, and the weekly
/// schedule as a grid of days × time windows. <see cref="ToFields"/> gives the contract the handlers validate; their
/// field errors on the schedule (<c>schedule[3].end</c>) are moved back onto the grid cell they came from (<see cref="MoveErrors"/>).
/// </summary>
public sealed class PostForm
{
    public const int MinWindowsPerDay = 2;

    public sealed class WindowForm
    {
        public string? Start { get; set; }
        public string? End { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Start) && string.IsNullOrWhiteSpace(End);
    }

    public sealed class DayForm
    {
        public string Day { get; set; } = "";
        public List<WindowForm> Windows { get; set; } = [];
    }

    public string? Title { get; set; }
    public string? Reference { get; set; }
    public string? Description { get; set; }
    public string? Activity { get; set; }
    public string? Skills { get; set; }
    public string? Street { get; set; }
    public string? CommuneInsee { get; set; }
    /// <summary>The point on the map; kept when the address is unchanged or the pin was moved, otherwise geocoded again.</summary>
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public bool PointMoved { get; set; }
    public int Capacity { get; set; } = 1;
    public double MaxWeeklyHoursPerPerson { get; set; } = 7;
    public DateOnly? OpenFrom { get; set; }
    public DateOnly? OpenUntil { get; set; }
    public string? TutorName { get; set; }
    public string? TutorEmail { get; set; }
    public string? TutorPhone { get; set; }
    public string? PhysicalDemand { get; set; } = "low";
    public bool AcceptsMinors { get; set; }
    public bool ContactWithMinors { get; set; }
    public bool VulnerablePublic { get; set; }
    public bool RequiresDrivingLicence { get; set; }
    public bool NightWork { get; set; }
    public bool WheelchairAccessible { get; set; }
    public bool NearPublicTransport { get; set; }
    public bool ParticularRisks { get; set; }
    public bool CareSetting { get; set; }
    public List<DayForm> Days { get; set; } = [];

    /// <summary>The checkboxes of the form, in the order shown, with what they mean for the person placed.</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> Flags =
    [
        (nameof(AcceptsMinors), "Accepte des personnes mineures (13 à 17 ans)"),
        (nameof(ContactWithMinors), "Contact avec des mineurs"),
        (nameof(VulnerablePublic), "Contact avec un public vulnérable"),
        (nameof(RequiresDrivingLicence), "Permis B nécessaire"),
        (nameof(NightWork), "Travail de nuit"),
        (nameof(ParticularRisks), "Risques particuliers (produits, machines)"),
        (nameof(CareSetting), "Établissement de soins (vaccinations obligatoires)"),
        (nameof(WheelchairAccessible), "Accessible en fauteuil roulant"),
        (nameof(NearPublicTransport), "Desservi par les transports en commun"),
    ];

    private static readonly string[] Demands = ["low", "medium", "high"];

    public static IEnumerable<SelectListItem> DemandItems => Demands.Select(d => new SelectListItem(Labels.Demand(d), d));

    public static PostForm Blank(DateOnly today) => new PostForm { OpenFrom = today, OpenUntil = today.AddYears(1) }.Padded();

    public static PostForm From(PostResponse post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return new PostForm
        {
            Title = post.Title,
            Reference = post.Reference,
            Description = post.Description,
            Activity = post.Activity,
            Skills = string.Join(", ", post.Skills ?? []),
            Street = post.Address?.Street,
            CommuneInsee = post.Address?.CommuneInsee,
            Lat = post.Address?.Location?.Lat,
            Lon = post.Address?.Location?.Lon,
            Capacity = post.Capacity,
            MaxWeeklyHoursPerPerson = post.MaxWeeklyHoursPerPerson,
            OpenFrom = post.OpenFrom,
            OpenUntil = post.OpenUntil,
            TutorName = post.Tutor?.Name,
            TutorEmail = post.Tutor?.Email,
            TutorPhone = post.Tutor?.Phone,
            PhysicalDemand = post.PhysicalDemand,
            AcceptsMinors = post.AcceptsMinors,
            ContactWithMinors = post.ContactWithMinors,
            VulnerablePublic = post.VulnerablePublic,
            RequiresDrivingLicence = post.RequiresDrivingLicence,
            NightWork = post.NightWork,
            WheelchairAccessible = post.WheelchairAccessible,
            NearPublicTransport = post.NearPublicTransport,
            ParticularRisks = post.ParticularRisks,
            CareSetting = post.CareSetting,
            Days = [.. Labels.Days.Select(d => new DayForm
            {
                Day = d.Code,
                Windows = [.. (post.Schedule ?? []).Where(w => w.Day == d.Code).Select(w => new WindowForm { Start = w.Start, End = w.End })],
            })],
        }.Padded();
    }

    /// <summary>Every day of the week, each with as many windows as the busiest day and at least <see cref="MinWindowsPerDay"/>.</summary>
    public PostForm Padded()
    {
        Days = [.. Labels.Days.Select(d => Days.FirstOrDefault(x => x.Day == d.Code) ?? new DayForm { Day = d.Code })];
        var width = Math.Max(MinWindowsPerDay, Days.Max(d => d.Windows.Count));
        foreach (var day in Days)
            while (day.Windows.Count < width) day.Windows.Add(new WindowForm());
        return this;
    }

    /// <summary>The filled windows in the order they are sent, with the grid cell each came from.</summary>
    private IEnumerable<(TimeWindowDto Window, int Day, int Slot)> Windows() =>
        Days.SelectMany((day, d) => day.Windows.Select((w, s) => (w, d, s)).Where(x => !x.w.IsBlank)
            .Select(x => (new TimeWindowDto { Day = day.Day, Start = x.w.Start?.Trim(), End = x.w.End?.Trim() }, d, x.s)));

    /// <summary>The contract; <paramref name="current"/> is the post's address before the edit (null for a new post).</summary>
    public PostFields ToFields(AddressDto? current)
    {
        var insee = CommuneInsee?.Trim();
        var sameAddress = current is not null && current.CommuneInsee == insee && (current.Street ?? "") == (Street?.Trim() ?? "");
        var location = PointMoved && Lat is { } lat && Lon is { } lon ? new PointDto { Lat = lat, Lon = lon }
            : sameAddress ? current!.Location : null;
        return new PostFields
        {
            Title = Title,
            Reference = Blank(Reference),
            Description = Description,
            Activity = Activity,
            Skills = [.. (Skills ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Address = new AddressDto { Street = string.IsNullOrWhiteSpace(Street) ? null : Street.Trim(), CommuneInsee = insee, Location = location },
            Capacity = Capacity,
            MaxWeeklyHoursPerPerson = MaxWeeklyHoursPerPerson,
            Schedule = [.. Windows().Select(w => w.Window)],
            OpenFrom = OpenFrom,
            OpenUntil = OpenUntil,
            Tutor = new ContactDto { Name = TutorName, Email = Blank(TutorEmail), Phone = Blank(TutorPhone) },
            PhysicalDemand = PhysicalDemand,
            AcceptsMinors = AcceptsMinors,
            ContactWithMinors = ContactWithMinors,
            VulnerablePublic = VulnerablePublic,
            RequiresDrivingLicence = RequiresDrivingLicence,
            NightWork = NightWork,
            WheelchairAccessible = WheelchairAccessible,
            NearPublicTransport = NearPublicTransport,
            ParticularRisks = ParticularRisks,
            CareSetting = CareSetting,
        };
    }

    /// <summary>
    /// The handler names the contract's fields; this form names some differently. Each error is moved to the field the
    /// partner sees: <c>schedule[i].x</c> to its grid cell, <c>address.*</c> and <c>tutor.*</c> to their inputs.
    /// </summary>
    public void MoveErrors(ModelStateDictionary state, string prefix)
    {
        ArgumentNullException.ThrowIfNull(state);
        var cells = Windows().ToList();
        foreach (var key in state.Keys.ToList())
        {
            var field = key.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase) ? key[(prefix.Length + 1)..] : null;
            var target = field is null ? null : Target(field, cells);
            if (target is null || state[key] is not { } entry) continue;
            foreach (var error in entry.Errors) state.AddModelError($"{prefix}.{target}", error.ErrorMessage);
            state.Remove(key);
        }
    }

    private static string? Target(string field, List<(TimeWindowDto Window, int Day, int Slot)> cells)
    {
        var lower = field.ToLowerInvariant();
        if (lower.StartsWith("schedule[", StringComparison.Ordinal))
        {
            var close = lower.IndexOf(']', StringComparison.Ordinal);
            if (close > 0 && int.TryParse(lower[9..close], NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < cells.Count)
            {
                var part = lower[(close + 1)..].TrimStart('.') is "start" ? "Start" : "End";
                return $"Days[{cells[i].Day}].Windows[{cells[i].Slot}].{part}";
            }
            return null;
        }
        return lower switch
        {
            "address" or "address.street" => nameof(Street),
            "address.communeinsee" or "address.departement" => nameof(CommuneInsee),
            "address.location" or "address.location.lat" or "address.location.lon" => nameof(CommuneInsee),
            "schedule" => nameof(Days),
            "tutor.name" => nameof(TutorName),
            "tutor.email" => nameof(TutorEmail),
            "tutor.phone" => nameof(TutorPhone),
            _ => null,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
