using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Features.Posts;
using Placement.Web.Features.Shared;
using Placement.Catalogue.Features.Activities;

namespace Placement.Web.Features.Posts.Partner;

/// <summary>
/// One of the partner's posts: edited through <see cref="UpdatePost"/> (a change of substance to a validated post sends it
/// back to validation) and moved through <see cref="MovePost"/> — only the moves the lifecycle allows from its status are offered.
/// </summary>
public sealed class EditPostModel(Caller caller, GetPost getPost, UpdatePost update, MovePost move, ActivityVocabulary vocabulary)
    : PageModel, IPostEditor, IReloadsOnRefusal
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public PostForm Input { get; set; } = new();

    public PostResponse Post { get; private set; } = null!;

    public IEnumerable<SelectListItem> ActivityItems => PostEditor.Activities(vocabulary, Input.Activity ?? Post?.Activity);

    public MapModel Map { get; private set; } = null!;

    public IEnumerable<(PostAction Action, string Label, bool Secondary)> Moves => PostEditor.PartnerMoves(Post.Status);

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = PostForm.From(Post);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }
        var before = Post.Status;
        var saved = await update.HandleAsync(caller, Id, Input.ToFields(Post.Address), ct);
        Notice = saved.Status == PostStatus.PendingValidation && before != saved.Status
            ? "Le poste est enregistré. Ces changements (activité, conditions, adresse ou places en plus) doivent être validés par le SPIP : il n'est plus proposé d'ici là."
            : "Le poste est enregistré.";
        return RedirectToPage("/Posts/Partner/EditPost", new { id = Id });
    }

    public async Task<IActionResult> OnPostMoveAsync(PostAction action, CancellationToken ct)
    {
        if (action is PostAction.Publish or PostAction.Refuse) return Forbid();
        await move.HandleAsync(caller, Id, action, ct);
        Notice = PostEditor.MoveNotice(action);
        return RedirectToPage("/Posts/Partner/EditPost", new { id = Id });
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // A refused save shows the form as posted; a refused move, the post as it is.
        if (Request.Form.ContainsKey("Input.Title")) Map = PostEditor.Redisplay(Input, ModelState, Map);
        else Input = PostForm.From(Post);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Post = await getPost.HandleAsync(caller, Id, ct);
        if (caller.HostBodyId != Post.HostBodyId) throw new NotFoundException("Poste");
        Map = PostEditor.MapOf(Post.Address?.Location, Post.Departement);
    }
}
