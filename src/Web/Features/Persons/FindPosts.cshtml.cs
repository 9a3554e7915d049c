using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Placement.Catalogue;
using Placement.Matching.Features.Persons;
using Placement.Matching.Features.Placements;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Persons;

/// <summary>
/// Trouver un poste: the person-aware search (<see cref="FindSuitablePosts"/>) with its explanations and map, and
/// « Proposer ce poste » (<see cref="CreatePlacement"/>: the same rules as every placement, rule 13 included).
/// </summary>
public sealed class FindPostsModel(Caller caller, GetPerson getPerson, FindSuitablePosts find, CreatePlacement place, Placement.Catalogue.Features.Activities.ActivityVocabulary vocabulary)
    : PageModel, IReloadsOnRefusal
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "activite")]
    public string? Activity { get; set; }

    public PersonResponse Person { get; private set; } = null!;

    public SuitablePostsResponse? Result { get; private set; }

    public MapModel Map { get; private set; } = null!;

    public IReadOnlyList<string> Activities => vocabulary.Codes;

    /// <summary>How many posts are shown at most, best first.</summary>
    public int Limit => 30;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostProposeAsync(Guid postId, CancellationToken ct)
    {
        await place.HandleAsync(caller, new CreatePlacementRequest(Id, postId), ct);
        Notice = "Le placement est proposé à la structure d'accueil, qui doit maintenant le confirmer.";
        return RedirectToPage("/Persons/Details", new { id = Id });
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        Activity = string.IsNullOrWhiteSpace(Activity) ? null : Activity;
        Person = await getPerson.HandleAsync(caller, Id, ct);
        Result = await find.HandleAsync(caller, Id, new SuitablePostsQuery(Q, Limit, Activity), ct);
        var home = Person.Home?.Location;
        Map = new MapModel("carte-postes", $"Carte des postes adaptés autour du domicile de {Person.FirstName} {Person.LastName}")
        {
            Departements = [.. Result.Items.Select(i => i.Post.Address!.Departement!).Append(Person.Home?.Departement ?? Person.Departement!).Distinct()],
            Home = home is null ? null : new MapModel.Point(home.Lat, home.Lon, "Domicile"),
            RadiusKm = Person.MaxTravelKm,
            Zones = Person.Restrictions?.ExclusionZones ?? [],
            Markers = [.. Result.Items.Select(i => new MapModel.Marker(i.Post.Address!.Location!.Lat, i.Post.Address.Location.Lon, i.Post.Title ?? "",
                [i.HostBody.Name, $"Adéquation {i.Score} / 100 · {Labels.Km(i.DistanceKm)}{(i.LocationPrecision == "address" && Result.HomePrecision == "address" ? "" : " (approchée)")}"], Url.Page("/Search/Post", new { id = i.Post.Id })))],
        };
    }
}
