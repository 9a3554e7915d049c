using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Placement.Catalogue.Geography;
using Placement.Matching.Features.Documents;
using Placement.Web.Features.Shared;
using Placement.Matching.Domain;

namespace Placement.Web.Features.Documents.Administration;

/// <summary>
/// The administrator writes each SPIP's letterhead (<see cref="GetLetterhead"/>, <see cref="ChangeLetterhead"/>: the use cases of
/// <c>GET|PUT /api/spips/{departement}/letterhead</c>), with a preview of the top of a document as printed — the preview of what
/// is typed (« Aperçu ») before it is kept.
/// </summary>
public sealed class LetterheadsModel(Caller caller, GetLetterhead get, ChangeLetterhead change, DocumentComposer composer, FranceGeography geography) : PageModel, IReloadsOnRefusal
{
    public sealed class LetterheadForm
    {
        public string? Name { get; set; }
        public string? Address { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? SignatoryName { get; set; }
        public string? SignatoryTitle { get; set; }
    }

    /// <summary>The SPIP shown, by its département's code (the first one by default).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Departement { get; set; }

    [BindProperty]
    public LetterheadForm Input { get; set; } = new();

    public LetterheadResponse Current { get; private set; } = null!;

    /// <summary>What the preview shows: what was typed (« Aperçu »), else what is kept.</summary>
    public Letterhead Preview { get; private set; } = null!;

    public bool Previewing { get; private set; }

    public IEnumerable<SelectListItem> Spips =>
        geography.Departements.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => new SelectListItem($"{d.Code} – {d.Name}", d.Code, d.Code == Current.Departement));

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        Input = new LetterheadForm
        {
            Name = Current.Name, Address = string.Join('\n', Current.AddressLines), Phone = Current.Phone, Email = Current.Email,
            SignatoryName = Current.SignatoryName, SignatoryTitle = Current.SignatoryTitle,
        };
    }

    /// <summary>Shows the letterhead as typed, checked as it would be kept, without keeping it.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (!ModelState.IsValid) return Page();
        Preview = SpipLetterhead.Valid(Typed());
        Previewing = true;
        return Page();
    }

    /// <summary>The letterhead as typed, on a one-page PDF specimen, without keeping it.</summary>
    public async Task<IActionResult> OnPostSpecimenAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var pdf = composer.Specimen(SpipLetterhead.Valid(Typed()), Current.Departement);
        Response.Headers.CacheControl = "private, no-store";
        return File(pdf, "application/pdf", $"specimen-en-tete-{Current.Departement}.pdf");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var kept = await change.HandleAsync(caller, Current.Departement, new LetterheadRequest
        {
            Name = Input.Name, Address = Input.Address, Phone = Input.Phone, Email = Input.Email, SignatoryName = Input.SignatoryName, SignatoryTitle = Input.SignatoryTitle,
        }, ct);
        Notice = $"En-tête du SPIP {kept.Departement} enregistré : les prochains documents émis le porteront.";
        return RedirectToPage(new { departement = kept.Departement });
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(Departement) ? geography.Departements.Select(d => d.Code).Order(StringComparer.Ordinal).First() : Departement;
        Current = await get.HandleAsync(caller, code, ct);
        Preview = new Letterhead(Current.Name, Current.AddressLines, Current.Phone, Current.Email, Current.SignatoryName, Current.SignatoryTitle);
    }

    private Letterhead Typed() =>
        new(Input.Name ?? "", (Input.Address ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), Input.Phone, Input.Email,
            Input.SignatoryName ?? "", Input.SignatoryTitle ?? "");
}
