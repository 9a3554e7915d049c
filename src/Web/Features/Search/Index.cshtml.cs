using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Placement.Catalogue;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.Search;
using Placement.Catalogue.Geography;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Search;

/// <summary>The catalogue search (<see cref="SearchPosts"/>, the use case of <c>GET /api/posts/search</c>): table, facets and map.</summary>
public sealed class IndexModel(Caller caller, SearchPosts search, FranceGeography geography, Placement.Catalogue.Features.Activities.ActivityVocabulary vocabulary) : PageModel, IReloadsOnRefusal
{
    /// <summary>The search form, bound from the query string with the API's names.</summary>
    public sealed class SearchForm
    {
        public string? Q { get; set; }
        public string? Commune { get; set; }
        public double? Lat { get; set; }
        public double? Lon { get; set; }
        public double? RadiusKm { get; set; }
        public string? Activity { get; set; }
        public string? Day { get; set; }
        public bool NearPublicTransport { get; set; }
        public bool WheelchairAccessible { get; set; }
        public bool AcceptsMinors { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public SearchForm Input { get; set; } = new();

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public SearchResponse? Result { get; private set; }

    public MapModel Map { get; private set; } = null!;

    public IEnumerable<SelectListItem> ActivityItems => vocabulary.Codes.Select(a => new SelectListItem(vocabulary.Label(a), a)).OrderBy(i => i.Text, StringComparer.Create(Labels.French, false));

    public IEnumerable<SelectListItem> DayItems => Labels.Days.Select(d => new SelectListItem(d.Name, d.Code));

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task ReloadAsync(CancellationToken ct)
    {
        Result = null;
        Result = await search.HandleAsync(caller, new SearchPostsQuery
        {
            Q = Blank(Input.Q),
            Commune = Blank(Input.Commune),
            Lat = Input.Lat,
            Lon = Input.Lon,
            RadiusKm = Input.RadiusKm,
            Activity = Blank(Input.Activity) is { } a ? [a] : null,
            Day = Blank(Input.Day),
            NearPublicTransport = Input.NearPublicTransport ? true : null,
            WheelchairAccessible = Input.WheelchairAccessible ? true : null,
            AcceptsMinors = Input.AcceptsMinors ? true : null,
            Page = Paging.Clamp(PageNumber, 20, SearchPosts.MaxResults),
            PageSize = 20,
        }, ct);
        var centre = Input.Commune is { Length: > 0 } c ? geography.Commune(c)?.Location : Input.Lat is { } la && Input.Lon is { } lo ? new Placement.Catalogue.Domain.GeoPoint(la, lo) : null;
        Map = new MapModel("carte-catalogue", "Carte des postes de cette page de résultats")
        {
            Small = true,
            Departements = [.. Result.Items.Select(i => i.Post.Address?.Departement ?? "").Where(d => d.Length > 0).Distinct()],
            Home = centre is { } at ? new MapModel.Point(at.Latitude, at.Longitude, "Centre de la recherche") : null,
            RadiusKm = centre is null ? null : Input.RadiusKm,
            Markers = [.. Result.Items.Where(i => i.Post.Address?.Location is not null).Select(i => new MapModel.Marker(i.Post.Address!.Location!.Lat, i.Post.Address.Location.Lon,
                i.Post.Title ?? "", [i.HostBody.Name, vocabulary.Label(i.Post.Activity)], Url.Page("/Search/Post", new { id = i.Post.Id })))],
        };
    }

    /// <summary>« autour de Lyon (69), à 30 km » when the search has a centre.</summary>
    public string Around =>
        Input.Commune is { Length: > 0 } c && geography.Commune(c) is { } commune
            ? $" autour de {commune.Name} ({commune.Departement})" + (Input.RadiusKm is { } r ? $", à moins de {Labels.Km(r)}" : "")
            : Input.Lat is not null ? " autour de votre position" + (Input.RadiusKm is { } k ? $", à moins de {Labels.Km(k)}" : "") : "";

    public string CommuneName(string? insee) => geography.Commune(insee)?.Name ?? insee ?? "";

    public string WithActivity(string activity)
    {
        var query = Request.Query.Where(q => q.Key is not ("Input.Activity" or "page")).ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["Input.Activity"] = activity;
        return QueryHelpers.AddQueryString(Url.Page("/Search/Index")!, query);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
