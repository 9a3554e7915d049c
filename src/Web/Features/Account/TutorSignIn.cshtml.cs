using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placement.Web.Hosting;
using Placement.Web.Identity;

namespace Placement.Web.Features.Account;

/// <summary>
/// A tutor asks for a sign-in link (<see cref="TutorLinkSignIn"/>): one answer whatever the address, the field's error for a
/// malformed one, a wait when too many links were asked for the same address within the hour.
/// </summary>
[AllowAnonymous]
public sealed class TutorSignInModel(TutorLinkSignIn links) : PageModel
{
    /// <summary>What the page says once a well-formed address is sent, known or not.</summary>
    public const string Answer = "Si cette adresse est celle d'un tuteur, un lien de connexion vient de lui être envoyé. Il est valable 15 minutes.";

    public sealed class LinkRequest
    {
        public string? Email { get; set; }
    }

    [BindProperty]
    public LinkRequest Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet() { }

    [RateLimited(RateLimitKind.SignIn)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var email = Input.Email?.Trim();
        if (string.IsNullOrEmpty(email)) ModelState.AddModelError("Input.Email", "Saisissez votre adresse électronique.");
        else if (!IsAddress(email)) ModelState.AddModelError("Input.Email", "Saisissez une adresse électronique valide, par exemple nom@domaine.fr.");
        if (!ModelState.IsValid) return Page();

        var wait = await links.RequestAsync(email!, ct);
        if (wait > TimeSpan.Zero)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ModelState.AddModelError("", $"Plusieurs liens ont déjà été demandés pour cette adresse : réessayez dans {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minutes, ou utilisez le dernier lien reçu.");
            return Page();
        }
        Sent = true;
        return Page();
    }

    /// <summary>One address, as a mail system reads it: a local part, an « @ », a domain with a dot; no name, no spaces.</summary>
    internal static bool IsAddress(string text) =>
        text.Length <= 254 && !text.Any(char.IsWhiteSpace) && System.Net.Mail.MailAddress.TryCreate(text, out var parsed)
        && parsed.Address == text && parsed.Host.Contains('.', StringComparison.Ordinal) && !parsed.Host.EndsWith('.');
}
