using Mapster;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Features.HostBodies;
using Placement.Catalogue.Features.Posts;
using Placement.Web.Features.Shared;
using Placement.Catalogue.Features.Activities;

namespace Placement.Web.Features.Posts.Partner;

/// <summary>A new post of the partner's host body (<see cref="CreatePost"/>), kept as a draft or submitted at once (<see cref="MovePost"/>).</summary>
public sealed class NewPostModel(Caller caller, GetHostBody getHostBody, CreatePost create, MovePost move, ActivityVocabulary vocabulary, ServiceCalendar calendar)
    : PageModel, IPostEditor, IReloadsOnRefusal
{
    [BindProperty]
    public PostForm Input { get; set; } = new();

    public IEnumerable<SelectListItem> ActivityItems => PostEditor.Activities(vocabulary, Input.Activity);

    public MapModel Map { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var host = await HostBodyAsync(ct);
        Input = PostForm.Blank(calendar.Today);
        Input.Street = host.Address?.Street;
        Input.CommuneInsee = host.Address?.CommuneInsee;
        Input.TutorName = host.Contact?.Name;
        Input.TutorEmail = host.Contact?.Email;
        Input.TutorPhone = host.Contact?.Phone;
        Map = PostEditor.MapOf(host.Address?.Location, host.Departement);
    }

    public async Task<IActionResult> OnPostAsync(bool submit, CancellationToken ct)
    {
        var host = await HostBodyAsync(ct);
        Map = PostEditor.MapOf(host.Address?.Location, host.Departement);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return Page();
        }
        var request = Input.ToFields(null).Adapt<CreatePostRequest>() with { HostBodyId = host.Id };
        var post = await create.HandleAsync(caller, request, ct);
        if (submit) await move.HandleAsync(caller, post.Id, PostAction.Submit, ct);
        Notice = submit ? "Le poste est enregistré et soumis à la validation du SPIP." : "Le poste est enregistré comme brouillon.";
        return RedirectToPage("/Posts/Partner/EditPost", new { id = post.Id });
    }

    public Task ReloadAsync(CancellationToken ct)
    {
        Map = PostEditor.Redisplay(Input, ModelState, Map);
        return Task.CompletedTask;
    }

    private async Task<HostBodyResponse> HostBodyAsync(CancellationToken ct) =>
        await getHostBody.HandleAsync(caller, caller.HostBodyId ?? throw new ForbiddenException("Votre compte n'est rattaché à aucune structure."), ct);
}
