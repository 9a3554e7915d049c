using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Matching.Features.Persons;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Persons;

/// <summary>A person's page (<see cref="GetPersonFile"/>, the use case of <c>GET /api/persons/{id}/file</c>).</summary>
public sealed class DetailsModel(Caller caller, GetPersonFile file, PersonReferent referent) : PageModel, IReloadsOnRefusal
{
    /// <summary>The officers of the person's SPIP, for « Agent référent » (<see cref="PersonReferent"/>).</summary>
    public IReadOnlyList<ReferentCandidate> Referents { get; private set; } = [];

    [BindProperty(Name = "Input")]
    public ReferentRequest Input { get; set; } = new();

    public PersonFileResponse Dossier { get; private set; } = null!;

    public MapModel Map { get; private set; } = null!;

    public IReadOnlyList<string> Restrictions { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public Task OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    /// <summary>Designates the referent officer among the officers of the person's SPIP.</summary>
    public async Task<IActionResult> OnPostReferentAsync(Guid id, CancellationToken ct)
    {
        var person = await referent.ChooseAsync(caller, id, Input, ct);
        Notice = $"{person.ReferentOfficer?.Name} est désormais l'agent référent : les notifications sur cette personne lui sont adressées.";
        return RedirectToPage(new { id });
    }

    public Task ReloadAsync(CancellationToken ct) => LoadAsync(Guid.Parse((string)RouteData.Values["id"]!, System.Globalization.CultureInfo.InvariantCulture), ct);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Dossier = await file.HandleAsync(caller, id, ct);
        Referents = await referent.CandidatesAsync(caller, id, ct);
        var p = Dossier.Person;
        var home = p.Home?.Location;
        Map = new MapModel("carte-personne", $"Carte : domicile de {p.FirstName} {p.LastName}, distance maximale et zones interdites")
        {
            Departements = [p.Home?.Departement ?? p.Departement!],
            Home = home is null ? null : new MapModel.Point(home.Lat, home.Lon, "Domicile"),
            RadiusKm = p.MaxTravelKm,
            Zones = p.Restrictions?.ExclusionZones ?? [],
        };
        Restrictions = Describe(p);
    }

    /// <summary>The judicial obligations and the practical limits, in plain French.</summary>
    public static IReadOnlyList<string> Describe(PersonResponse p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var lines = new List<string>();
        var r = p.Restrictions;
        if (r?.NoContactWithMinors == true) lines.Add("Interdiction d'entrer en contact avec des mineurs.");
        if (r?.NoContactWithVulnerablePublic == true) lines.Add("Pas de contact avec un public vulnérable.");
        if (r?.ExcludedHostBodyIds is { Count: > 0 } excluded) lines.Add($"{excluded.Count} {Plural.Of(excluded.Count, "structure exclue", "structures exclues")} par la décision.");
        if (r?.NoContactWithPersonIds is { Count: > 0 } others)
            lines.Add($"Ne doit pas rencontrer {others.Count} {Plural.Of(others.Count, "co-auteur ou victime", "co-auteurs ou victimes")}"
                + (p.NoContactCaseNumbers is { Count: > 0 } numbers ? $" ({Plural.Of(numbers.Count, "dossier", "dossiers")} {string.Join(", ", numbers)})" : "")
                + " : jamais placé·e dans la même structure.");
        if (r?.ExclusionZones is { Count: > 0 } zones) lines.Add($"{zones.Count} {Plural.Of(zones.Count, "zone", "zones")} d'interdiction de paraître (en rouge sur la carte).");
        if (lines.Count == 0) lines.Add("Aucune obligation particulière.");
        lines.Add($"Se déplace jusqu'à {Labels.Km(p.MaxTravelKm)}" + (p.PublicTransportOnly ? ", en transports en commun seulement" : "")
            + (p.HasDrivingLicence ? " ; titulaire du permis B." : " ; sans permis de conduire."));
        lines.Add($"Effort physique : {Labels.Demand(p.MaxPhysicalDemand)} au plus" + (p.NeedsWheelchairAccess ? " ; se déplace en fauteuil roulant." : "."));
        if (p.Skills is { Count: > 0 } skills) lines.Add("Savoir-faire : " + string.Join(", ", skills) + ".");
        return lines;
    }
}
