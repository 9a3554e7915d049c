using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.HostBodies;
using Placement.Catalogue.Features.Posts;
using Placement.Catalogue.Geography;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.HostBodies.Partner;

/// <summary>Ma structure: the partner's host body (<see cref="GetHostBody"/>), its habilitation, the tutors of its posts (<see cref="ListPosts"/>).</summary>
public sealed class StructureModel(Caller caller, GetHostBody getHostBody, ListPosts listPosts, FranceGeography geography, ServiceCalendar calendar) : PageModel
{
    public sealed record Tutor(string Name, string Contact, IReadOnlyList<string> Posts);

    public HostBodyResponse HostBody { get; private set; } = null!;
    public IReadOnlyList<Tutor> Tutors { get; private set; } = [];
    public string? HabilitationWarning { get; private set; }
    public string Commune => CommuneOf(HostBody.Address);

    public string CommuneOf(AddressDto? address) => geography.Commune(address?.CommuneInsee) is { } c ? $"{c.Name} ({c.Departement})" : "";

    public string HabilitationLabel => Labels.Habilitation(HostBody.Habilitation?.Status);

    public string HabilitationBadge => Labels.HabilitationBadge(HostBody.Habilitation?.Status);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = caller.HostBodyId ?? throw new ForbiddenException("Votre compte n'est rattaché à aucune structure.");
        HostBody = await getHostBody.HandleAsync(caller, id, ct);
        var posts = await listPosts.HandleAsync(caller, new ListPostsQuery(null, null, id, 1, Paging.MaxPageSize), ct);
        Tutors = [.. posts.Items.Where(p => p.Tutor?.Name is not null).GroupBy(p => p.Tutor!.Name!)
            .Select(g => new Tutor(g.Key, string.Join(" · ", new[] { g.First().Tutor!.Email, g.First().Tutor!.Phone }.Where(x => x is not null)), [.. g.Select(p => p.Title ?? "").Distinct()]))];
        var today = calendar.Today;
        if (HostBody.Habilitation?.ValidUntil is { } until && until <= today.AddMonths(3))
            HabilitationWarning = until < today
                ? $"Votre habilitation a pris fin le {Labels.Date(until)} : aucun nouveau placement n'est possible. Contactez le SPIP."
                : $"Votre habilitation prend fin le {Labels.Date(until)}. Demandez son renouvellement au SPIP pour continuer à accueillir des personnes.";
    }
}
