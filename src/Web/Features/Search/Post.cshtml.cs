using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Features.HostBodies;
using Placement.Catalogue.Features.Posts;
using Placement.Catalogue.Geography;
using Placement.Web.Features.Shared;

namespace Placement.Web.Features.Search;

/// <summary>A post's page (<see cref="GetPost"/> and <see cref="GetHostBody"/>, the use cases of the API's gets).</summary>
public sealed class PostModel(Caller caller, GetPost getPost, GetHostBody getHostBody, FranceGeography geography) : PageModel
{
    public PostResponse Post { get; private set; } = null!;
    public HostBodyResponse HostBody { get; private set; } = null!;
    public MapModel Map { get; private set; } = null!;
    public IReadOnlyList<string> Conditions { get; private set; } = [];
    public string Commune => geography.Commune(Post.Address?.CommuneInsee) is { } c ? $"{c.Name} ({c.Departement})" : Post.Address?.CommuneInsee ?? "";

    public string Status => Post.Status.Label();

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Post = await getPost.HandleAsync(caller, id, ct);
        HostBody = await getHostBody.HandleAsync(caller, Post.HostBodyId, ct);
        var at = Post.Address?.Location;
        Map = new MapModel("carte-poste", $"Carte : lieu du poste {Post.Title}")
        {
            Small = true,
            Departements = [Post.Address?.Departement ?? ""],
            Markers = at is null ? [] : [new MapModel.Marker(at.Lat, at.Lon, Post.Title ?? "", [HostBody.Name ?? ""], null)],
        };
        var c = new List<string>
        {
            Post.AcceptsMinors ? "Ouvert aux mineurs." : "Réservé aux majeurs.",
            $"Effort physique {Labels.Demand(Post.PhysicalDemand)}.",
        };
        if (Post.ContactWithMinors) c.Add("Contact avec des mineurs.");
        if (Post.VulnerablePublic) c.Add("Contact avec un public vulnérable.");
        if (Post.RequiresDrivingLicence) c.Add("Permis de conduire nécessaire.");
        if (Post.NightWork) c.Add("Travail de nuit.");
        if (Post.ParticularRisks) c.Add("Risques particuliers (produits, machines) : visite médicale avant le début du travail.");
        if (Post.CareSetting) c.Add("Établissement de soins (vaccinations obligatoires) : visite médicale avant le début du travail.");
        c.Add(Post.WheelchairAccessible ? "Accessible en fauteuil roulant." : "Non accessible en fauteuil roulant.");
        c.Add(Post.NearPublicTransport ? "Desservi par les transports en commun." : "Peu ou pas desservi par les transports en commun.");
        Conditions = c;
    }
}
