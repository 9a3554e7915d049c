using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Features.Posts;
using Placement.Catalogue.Geography;

namespace Placement.Web.Features.Posts.Partner;

/// <summary>Mes postes: the posts of the partner's host body (<see cref="ListPosts"/>), what needs doing first.</summary>
public sealed class PostsModel(Caller caller, ListPosts list, FranceGeography geography) : PageModel
{
    public IReadOnlyList<PostResponse> Items { get; private set; } = [];

    public string Commune(PostResponse post) => geography.Commune(post?.Address?.CommuneInsee)?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = caller.HostBodyId ?? throw new ForbiddenException("Votre compte n'est rattaché à aucune structure.");
        var page = await list.HandleAsync(caller, new ListPostsQuery(null, null, id, 1, Paging.MaxPageSize), ct);
        Items = [.. page.Items.OrderBy(p => p.Status switch { PostStatus.Draft => 0, PostStatus.PendingValidation => 1, PostStatus.Published => 2, PostStatus.Suspended => 3, _ => 4 })
            .ThenBy(p => p.Title, StringComparer.Create(Shared.Labels.French, true))];
    }
}
