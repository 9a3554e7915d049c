using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Features.Applications;
using Placement.Web.Features.Shared;
using Placement.Web.Hosting;
using Placement.Catalogue.Features.HostBodies;

namespace Placement.Web.Features.Applications;

/// <summary>
/// « Devenir structure d'accueil » (public): an organisation applies through <see cref="ApplyAsHostBody"/>, the use case of
/// <c>POST /api/host-body-applications</c>. The form mirrors the contract, so each field error lands on its field.
/// </summary>
[AllowAnonymous]
public sealed class ApplyModel(ApplyAsHostBody apply) : PageModel
{
    public sealed class ContactForm
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
    }

    public sealed class AddressForm
    {
        public string? Street { get; set; }
        public string? CommuneInsee { get; set; }
    }

    public sealed class ApplicantForm
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? PasswordConfirmation { get; set; }
    }

    public sealed class ApplicationForm
    {
        public string? Name { get; set; }
        public string? LegalType { get; set; }
        public string? Siret { get; set; }
        public AddressForm Address { get; set; } = new();
        public ContactForm Contact { get; set; } = new();
        public ApplicantForm Applicant { get; set; } = new();
    }

    [BindProperty]
    public ApplicationForm Input { get; set; } = new();

    [TempData]
    public string? Sent { get; set; }

    public IEnumerable<SelectListItem> LegalTypeItems => Labels.LegalTypes.Select(t => new SelectListItem(t.Name, t.Code));

    public void OnGet()
    {
    }

    [RateLimited(RateLimitKind.Application)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Applicant.Password != Input.Applicant.PasswordConfirmation)
            ModelState.AddModelError("Input.Applicant.PasswordConfirmation", "Les deux mots de passe ne sont pas identiques.");
        if (!ModelState.IsValid) return Page();
        var application = await apply.HandleAsync(new HostBodyApplicationRequest
        {
            Name = Input.Name,
            LegalType = Input.LegalType,
            Siret = Input.Siret?.Replace(" ", "", StringComparison.Ordinal),
            Address = new AddressDto { Street = Input.Address.Street, CommuneInsee = Input.Address.CommuneInsee?.Trim() },
            Contact = new ContactDto { Name = Input.Contact.Name, Email = Blank(Input.Contact.Email), Phone = Blank(Input.Contact.Phone) },
            Applicant = new ApplicantDto { Name = Input.Applicant.Name, Email = Input.Applicant.Email, Password = Input.Applicant.Password },
        }, ct);
        Sent = application.OrganisationName;
        return RedirectToPage();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
