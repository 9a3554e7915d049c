using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Placement.Notifications.Mail;

/// <summary>Hands an e-mail over for delivery; throws when it was not accepted (the job retries later).</summary>
public interface IMailSender
{
    /// <summary>Where e-mails go, for logs and the administrators: <c>smtp://host:port</c> or the folder of <c>.eml</c> files.</summary>
    string Destination { get; }

    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>Through an SMTP server with MailKit (<see cref="MailOptions"/>).</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public string Destination => $"smtp://{options.Value.Host}:{options.Value.Port}";

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = o.Security switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(o.Host ?? throw new InvalidOperationException("Placement:Mail:Host manquant."), o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.Username)) await client.AuthenticateAsync(o.Username, o.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}

/// <summary>Without an SMTP server (the default): each e-mail written as an <c>.eml</c> file, named by its Message-Id.</summary>
public sealed class EmlFileMailSender(string folder) : IMailSender
{
    public string Destination => folder;

    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(folder);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars())) + ".eml";
        var path = Path.Combine(folder, name);
        var temp = path + ".tmp";
        await message.WriteToAsync(temp, ct);
        File.Move(temp, path, overwrite: true); // the same message again replaces itself: once per Message-Id
    }
}
