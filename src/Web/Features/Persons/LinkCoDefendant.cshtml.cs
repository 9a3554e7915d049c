using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Matching.Features.Persons;
using Placement.Web.Features.Shared;
using Placement.Web.Hosting;

namespace Placement.Web.Features.Persons;

/// <summary>
/// « Lier un co-auteur ou une victime » (<see cref="LinkCoDefendant"/>, the use case of <c>POST /api/persons/{id}/co-defendants</c>):
/// the other person's case number and birth date, both to match; a miss is shown on the field as the API says it.
/// </summary>
public sealed class LinkCoDefendantModel(Caller caller, GetPerson getPerson, LinkCoDefendant link) : PageModel, IReloadsOnRefusal
{
    public sealed class LinkForm
    {
        public string? CaseNumber { get; set; }
        public DateOnly? BirthDate { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public LinkForm Input { get; set; } = new();

    public string Name { get; private set; } = "";

    [TempData]
    public string? Notice { get; set; }

    public Task OnGetAsync(CancellationToken ct) => ReloadAsync(ct);

    [RateLimited(RateLimitKind.CoDefendantLink)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (!ModelState.IsValid) return Page();
        await link.HandleAsync(caller, Id, new CoDefendantLinkRequest { CaseNumber = Input.CaseNumber, BirthDate = Input.BirthDate }, ct);
        Notice = $"Le co-auteur ou la victime du dossier {Input.CaseNumber?.Trim().ToUpperInvariant()} est lié·e : {Name} ne sera jamais placé·e dans la même structure.";
        return RedirectToPage("Details", new { id = Id });
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        var person = await getPerson.HandleAsync(caller, Id, ct);
        Name = $"{person.FirstName} {person.LastName}";
    }
}
