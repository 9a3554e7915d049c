using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Features.Applications;
using Placement.Catalogue.Features.Posts;
using Placement.Catalogue.Features.Validation;
using Placement.Catalogue.Geography;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Validation;

/// <summary>
/// File de validation: what awaits the SPIP's decision (<see cref="ListValidationQueue"/>); a post is validated
/// (<see cref="MovePost"/>, publish) or refused with a reason the partner reads (<see cref="RefusePost"/>).
/// </summary>
public sealed class IndexModel(Caller caller, ListValidationQueue queue, MovePost move, RefusePost refuse, DecideApplication decide, Placement.Catalogue.Features.HostBodies.DecideAddressChange decideAddress, FranceGeography geography, Microsoft.Extensions.Options.IOptions<Placement.Catalogue.CatalogueOptions> catalogue, ServiceCalendar calendar)
    : PageModel, IReloadsOnRefusal
{
    public sealed class RefusalForm
    {
        public Guid PostId { get; set; }
        public string? Reason { get; set; }
    }

    public const int PageSize = 20;

    public ValidationQueue Queue { get; private set; } = new([], new([], 0, 1, PageSize));

    [BindProperty(SupportsGet = true, Name = "departement")]
    public string? Departement { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    // Not BindProperty: « page » is also the route value naming the Razor page.
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    /// <summary>This page with its filters and page number: where a decision comes back to.</summary>
    public string Here => PageUrls.With(Url.Page("/Validation/Index")!, ("departement", Departement), ("q", Q), ("page", PageNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The URL a decision's form posts to: its handler on this page, with the filters kept.</summary>
    public string Action(string handler, Guid? id = null) => PageUrls.With(Here, ("handler", handler), ("id", id?.ToString()));

    public IEnumerable<SelectListItem> DepartementItems =>
        caller.Departements.Order(StringComparer.Ordinal).Select(d => new SelectListItem($"{d} — {geography.Departement(d)?.Name}", d, d == Departement));

    [BindProperty]
    public RefusalForm Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public string Commune(PostResponse post) => geography.Commune(post?.Address?.CommuneInsee) is { } c ? $"{c.Name} ({c.Departement})" : "";

    /// <summary>« 12 rue X, Lyon (69) »: the street and its commune.</summary>
    public string Where(AddressDto? address) => string.Join(", ", new[] { address?.Street, CommuneOf(address) }.Where(x => !string.IsNullOrWhiteSpace(x)));

    public int HabilitationYears => catalogue.Value.HabilitationYears;

    public string CommuneOf(AddressDto? address) => geography.Commune(address?.CommuneInsee) is { } c ? $"{c.Name} ({c.Departement})" : "";

    /// <summary>Since when a post, an application or an address waits, in days of the service's calendar; <paramref name="today"/> agreed with what waits.</summary>
    public string Waiting(DateTimeOffset since, string today = "soumis aujourd'hui") => (calendar.Today.DayNumber - calendar.DayOf(since).DayNumber) switch
    {
        < 1 => today,
        1 => "en attente depuis 1 jour",
        var d => $"en attente depuis {d} jours",
    };

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostValidateAsync(Guid id, CancellationToken ct)
    {
        var post = await move.HandleAsync(caller, id, PostAction.Publish, ct);
        Notice = $"« {post.Title} » est validé et inscrit sur la liste départementale : les conseillers le trouvent dans le catalogue.";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostRefuseAsync(CancellationToken ct)
    {
        var post = await refuse.HandleAsync(caller, Input.PostId, new RefusalRequest(Input.Reason), ct);
        Notice = $"« {post.Title} » est refusé : la structure lira le motif et pourra le corriger.";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostAcceptApplicationAsync(Guid id, CancellationToken ct)
    {
        var application = await decide.AcceptAsync(caller, id, ct);
        Notice = $"« {application.OrganisationName} » est habilitée : {application.ApplicantName} peut se connecter et proposer des postes.";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostRefuseApplicationAsync(CancellationToken ct)
    {
        var application = await decide.RefuseAsync(caller, Input.PostId, new RefusalRequest(Input.Reason), ct);
        Notice = $"La demande de « {application.OrganisationName} » est refusée ; le motif est gardé.";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostAcceptAddressAsync(Guid id, CancellationToken ct)
    {
        var hostBody = await decideAddress.HandleAsync(caller, id, accept: true, ct);
        Notice = $"La nouvelle adresse de « {hostBody.Name} » s'applique : {Where(hostBody.Address)}.";
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostRefuseAddressAsync(Guid id, CancellationToken ct)
    {
        var hostBody = await decideAddress.HandleAsync(caller, id, accept: false, ct);
        Notice = $"Le changement d'adresse de « {hostBody.Name} » est refusé : l'adresse en vigueur reste.";
        return Redirect(Here);
    }

    public async Task ReloadAsync(CancellationToken ct) =>
        Queue = await queue.HandleAsync(caller, new ValidationQueueQuery(Departement, Q, Paging.Clamp(PageNumber, PageSize), PageSize), ct);
}
