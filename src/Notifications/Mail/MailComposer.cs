using Microsoft.Extensions.Options;
using MimeKit;
using Placement.Notifications.Mail.Templates;

namespace Placement.Notifications.Mail;

/// <summary>
/// Every e-mail of the service as one <see cref="MimeMessage"/>: from <see cref="MailOptions.From"/>, its plain-text and HTML
/// parts from one <see cref="MailModel"/> (<see cref="MailTemplates"/>), its links absolute on <see cref="MailOptions.BaseUrl"/>.
/// The notifications and the tutors' sign-in links both go through it.
/// </summary>
public sealed class MailComposer(MailTemplates templates, IOptions<MailOptions> options)
{
    /// <summary>The domain of the sender's address, for Message-Ids.</summary>
    public string Domain => MailboxAddress.Parse(options.Value.From).Domain;

    /// <summary>A page of the service as an absolute link (<c>/connexion/lien?…</c> → <c>https://placement…/connexion/lien?…</c>).</summary>
    public string Absolute(string page) => options.Value.BaseUrl.TrimEnd('/') + page;

    public async Task<MimeMessage> ComposeAsync(MailModel mail, string to, string messageId, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var o = options.Value;
        var message = new MimeMessage { Subject = mail.Heading, MessageId = messageId, Date = date };
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new BodyBuilder { TextBody = MailTemplates.Text(mail), HtmlBody = await templates.HtmlAsync(mail) }.ToMessageBody();
        return message;
    }
}
