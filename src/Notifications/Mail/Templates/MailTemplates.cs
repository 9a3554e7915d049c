using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Placement.Notifications.Mail.Templates;

/// <summary>
/// The two parts of every e-mail from one <see cref="MailModel"/>: the HTML part rendered from the Razor component
/// <see cref="MailBody"/> (ASP.NET Core's <see cref="HtmlRenderer"/>, which encodes every value), and the plain-text part.
/// </summary>
public sealed class MailTemplates(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    public async Task<string> HtmlAsync(MailModel mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        await using var scope = scopes.CreateAsyncScope(); // the renderer's services are scoped
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MailBody>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(MailBody.Mail)] = mail }));
            return output.ToHtmlString();
        });
    }

    public static string Text(MailModel mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var text = new StringBuilder();
        text.Append(mail.Heading).Append("\n\n");
        foreach (var item in mail.Items)
        {
            if (mail.Items.Count > 1) text.Append("■ ").Append(item.Subject).Append(" (").Append(item.At).Append(")\n");
            foreach (var paragraph in item.Paragraphs) text.Append(paragraph).Append('\n');
            text.Append(item.LinkLabel == MailItem.OpenLabel ? "Voir" : item.LinkLabel).Append(" : ").Append(item.Link).Append("\n\n");
        }
        text.Append("— Message automatique de Placement TIG, merci de ne pas y répondre.\n");
        if (mail.PreferencesLink is not null) text.Append("Choisir les messages reçus par courriel : ").Append(mail.PreferencesLink).Append('\n');
        return text.ToString();
    }
}
