using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Placement.Web.Features.Errors;

/// <summary>The error pages, in plain French; never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        if (code == 500 && Data.DatabaseFailures.Is(HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error)) code = 503;
        Code = code;
        (Title, Message) = code switch
        {
            404 => ("Page introuvable", "La page ou la fiche demandée n'existe pas, ou elle n'est pas dans votre périmètre."),
            403 => ("Accès refusé", "Votre compte ne permet pas d'ouvrir cette page. Si vous pensez que c'est une erreur, contactez votre coordinateur."),
            429 => ("Trop de demandes", "Vous avez fait beaucoup de demandes en une minute (connexions, calculs ou exports). Attendez un instant, puis réessayez."),
            503 => ("Service momentanément indisponible", "La base de données n'a pas pu traiter votre demande : rien n'a été enregistré. Réessayez dans quelques instants."),
            400 => ("Demande invalide", "La demande n'a pas pu être comprise. Revenez à la page précédente et réessayez."),
            _ => ("Erreur inattendue", "Un problème est survenu de notre côté. Réessayez dans quelques instants ; si le problème persiste, signalez-le à l'équipe Placement."),
        };
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
    }
}
