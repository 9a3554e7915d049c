using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Features.Persons;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Persons;

/// <summary>
/// Edits a person's file through <see cref="UpdatePerson"/> (the use case of <c>PUT /api/persons/{id}</c>): the form
/// mirrors the contract, so the handler's field errors (<c>home.communeInsee</c>, <c>availability[2].end</c>) land on their fields.
/// </summary>
public sealed class EditModel(Caller caller, GetPerson getPerson, UpdatePerson update) : PageModel, IReloadsOnRefusal
{
    public const int WindowRows = 8;

    public sealed class AddressForm
    {
        public string? Street { get; set; }
        public string? CommuneInsee { get; set; }
    }

    public sealed class WindowForm
    {
        public string? Day { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
    }

    public sealed class RestrictionsForm
    {
        public bool NoContactWithMinors { get; set; }
        public bool NoContactWithVulnerablePublic { get; set; }
    }

    public sealed class PersonForm
    {
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? CaseNumber { get; set; }
        public DateOnly? BirthDate { get; set; }
        public AddressForm Home { get; set; } = new();
        public double MaxTravelKm { get; set; }
        public bool HasDrivingLicence { get; set; }
        public bool PublicTransportOnly { get; set; }
        public double HoursOrdered { get; set; }
        public double HoursDone { get; set; }
        public DateOnly? Deadline { get; set; }
        public List<WindowForm> Availability { get; set; } = [];
        public string? MaxPhysicalDemand { get; set; }
        public bool NeedsWheelchairAccess { get; set; }
        public double? WeeklyWorkHours { get; set; }
        public bool MedicalMarker { get; set; }
        public bool MedicalExaminationRequired { get; set; }
        public RestrictionsForm Restrictions { get; set; } = new();
        public string? ZonesGeoJson { get; set; }
        /// <summary>The case numbers of the co-defendants and victims, as typed.</summary>
        public string? CoDefendants { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public string Name { get; private set; } = "";

    /// <summary>The home, the radius and the zones; clicking it draws a new zone into the GeoJSON field.</summary>
    public MapModel Map { get; private set; } = null!;

    public IEnumerable<SelectListItem> DayItems => Labels.Days.Select(d => new SelectListItem(d.Name, d.Code));

    private static readonly string[] Demands = ["low", "medium", "high"];

    public IEnumerable<SelectListItem> DemandItems => Demands.Select(d => new SelectListItem(Labels.Demand(d), d));

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var p = await getPerson.HandleAsync(caller, Id, ct);
        Name = $"{p.FirstName} {p.LastName}";
        Map = MapOf(p);
        Input = new PersonForm
        {
            FirstName = p.FirstName,
            LastName = p.LastName,
            CaseNumber = p.CaseNumber,
            BirthDate = p.BirthDate,
            Home = new AddressForm { Street = p.Home?.Street, CommuneInsee = p.Home?.CommuneInsee },
            MaxTravelKm = p.MaxTravelKm,
            HasDrivingLicence = p.HasDrivingLicence,
            PublicTransportOnly = p.PublicTransportOnly,
            HoursOrdered = p.HoursOrdered,
            HoursDone = p.HoursDone,
            Deadline = p.Deadline,
            Availability = [.. (p.Availability ?? []).Select(w => new WindowForm { Day = w.Day, Start = w.Start, End = w.End })],
            MaxPhysicalDemand = p.MaxPhysicalDemand,
            NeedsWheelchairAccess = p.NeedsWheelchairAccess,
            WeeklyWorkHours = p.WeeklyWorkHours,
            MedicalMarker = p.MedicalMarker,
            MedicalExaminationRequired = p.MedicalExaminationRequired,
            Restrictions = new RestrictionsForm { NoContactWithMinors = p.Restrictions?.NoContactWithMinors == true, NoContactWithVulnerablePublic = p.Restrictions?.NoContactWithVulnerablePublic == true },
            ZonesGeoJson = p.Restrictions?.ExclusionZones is { Count: > 0 } zones ? JsonSerializer.Serialize(zones) : null,
            CoDefendants = string.Join(" ; ", p.NoContactCaseNumbers),
        };
        PadWindows();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var current = await getPerson.HandleAsync(caller, Id, ct);
        Name = $"{current.FirstName} {current.LastName}";
        Map = MapOf(current);
        var zones = ReadZones(Input.ZonesGeoJson);
        if (!ModelState.IsValid)
        {
            PadWindows();
            return Page();
        }
        var windows = Input.Availability.Where(w => !string.IsNullOrWhiteSpace(w.Day) || !string.IsNullOrWhiteSpace(w.Start) || !string.IsNullOrWhiteSpace(w.End)).ToList();
        Input.Availability = [.. windows];
        var fields = (PersonFields)current with
        {
            FirstName = Input.FirstName,
            LastName = Input.LastName,
            CaseNumber = Input.CaseNumber,
            BirthDate = Input.BirthDate,
            Home = new AddressDto { Street = Input.Home.Street, CommuneInsee = Input.Home.CommuneInsee?.Trim() },
            MaxTravelKm = Input.MaxTravelKm,
            HasDrivingLicence = Input.HasDrivingLicence,
            PublicTransportOnly = Input.PublicTransportOnly,
            HoursOrdered = Input.HoursOrdered,
            HoursDone = Input.HoursDone,
            Deadline = Input.Deadline,
            Availability = [.. windows.Select(w => new TimeWindowDto { Day = w.Day, Start = w.Start, End = w.End })],
            MaxPhysicalDemand = Input.MaxPhysicalDemand,
            NeedsWheelchairAccess = Input.NeedsWheelchairAccess,
            WeeklyWorkHours = Input.WeeklyWorkHours,
            MedicalMarker = Input.MedicalMarker,
            MedicalExaminationRequired = Input.MedicalExaminationRequired,
            Restrictions = (current.Restrictions ?? new RestrictionsDto()) with
            {
                NoContactWithMinors = Input.Restrictions.NoContactWithMinors,
                NoContactWithVulnerablePublic = Input.Restrictions.NoContactWithVulnerablePublic,
                ExclusionZones = zones,
                NoContactWithCaseNumbers = CaseNumbers.Split(Input.CoDefendants),
            },
        };
        await update.HandleAsync(caller, Id, fields, ct);
        Notice = "Le dossier est enregistré.";
        return RedirectToPage("/Persons/Details", new { id = Id });
    }

    public Task ReloadAsync(CancellationToken ct)
    {
        PadWindows();
        // The handler names zones by index (restrictions.exclusionZones[0]) and co-defendants by their contract's field.
        MoveErrors("Input.restrictions.exclusionZones", "Input.ZonesGeoJson");
        MoveErrors("Input.restrictions.noContactWithCaseNumbers", "Input.CoDefendants");
        return Task.CompletedTask;
    }

    private void MoveErrors(string handlerPrefix, string field)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(handlerPrefix, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            foreach (var error in ModelState[key]!.Errors) ModelState.AddModelError(field, error.ErrorMessage);
            ModelState.Remove(key);
        }
    }

    private static MapModel MapOf(PersonResponse p) =>
        new("carte-zones", $"Carte : domicile de {p.FirstName} {p.LastName} et zones d'interdiction ; cliquez pour dessiner une zone")
        {
            Departements = [p.Home?.Departement ?? p.Departement!],
            Home = p.Home?.Location is { } at ? new MapModel.Point(at.Lat, at.Lon, "Domicile") : null,
            RadiusKm = p.MaxTravelKm,
            Zones = p.Restrictions?.ExclusionZones ?? [],
            DrawInto = "Input-ZonesGeoJson",
        };

    private void PadWindows()
    {
        while (Input.Availability.Count < WindowRows) Input.Availability.Add(new WindowForm());
    }

    /// <summary>Geometries from what was pasted: one geometry, a list of them, a Feature or a FeatureCollection.</summary>
    private List<JsonElement> ReadZones(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement.Clone();
            IEnumerable<JsonElement> items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray()
                : root.TryGetProperty("features", out var features) ? features.EnumerateArray() : [root];
            return [.. items.Select(i => i.TryGetProperty("geometry", out var g) ? g : i)];
        }
        catch (JsonException e)
        {
            ModelState.AddModelError("Input.ZonesGeoJson", "GeoJSON illisible : " + JsonErrors.InFrench(e));
            return [];
        }
        catch (InvalidOperationException)
        {
            ModelState.AddModelError("Input.ZonesGeoJson", "GeoJSON illisible : des géométries (Polygon, MultiPolygon) sont attendues.");
            return [];
        }
    }
}
