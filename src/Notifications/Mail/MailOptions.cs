using System.ComponentModel.DataAnnotations;

namespace Placement.Notifications.Mail;

/// <summary>How the connection to the SMTP server is secured (MailKit's options).</summary>
public enum MailSecurity { Auto, None, StartTls, SslOnConnect }

/// <summary>
/// <c>Placement:Mail</c>: the SMTP server e-mails go through. Without <see cref="Host"/> (the default) no e-mail leaves the
/// machine: each is written as an <c>.eml</c> file under <c>{data folder}/mail</c>, and everyone sees their notifications in
/// the application.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Placement:Mail";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? Username { get; set; }
    public string? Password { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = "placement@spip.invalid";

    public string FromName { get; set; } = "Placement TIG";
    public MailSecurity Security { get; set; } = MailSecurity.Auto;

    /// <summary>
    /// The hour, on the service's clocks (<see cref="CalendarOptions.TimeZone"/>), the daily digest is sent. The former
    /// <c>Placement:Mail:TimeZone</c> is read by <see cref="CalendarOptions"/> when <c>Placement:TimeZone</c> is not set.
    /// </summary>
    [Range(0, 23)]
    public int DigestHour { get; set; } = 7;

    /// <summary>The next digest time after <paramref name="now"/>: today's digest hour when still to come, tomorrow's otherwise.</summary>
    public DateTimeOffset NextDigest(ServiceCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.Next(new TimeOnly(DigestHour, 0), now);
    }

    /// <summary>The service's public address, for the links in e-mails (e.g. <c>https://placement.spip.example</c>).</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";
}
