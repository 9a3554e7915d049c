using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Placement.Notifications.Dispatch;
using Placement.Notifications.Mail;
using Placement.Notifications.Mail.Templates;
using Placement.Notifications.Reminders;

namespace Placement.Notifications;

public static class NotificationExtensions
{
    /// <summary>
    /// Notifications: the use cases, the reminders, the job, its recipients and texts, and the e-mail sender — SMTP when
    /// <c>Placement:Mail:Host</c> is set, <c>.eml</c> files under <paramref name="dataDirectory"/> otherwise. The host also
    /// provides <see cref="Persistence.INotificationStore"/> and <see cref="INotificationAccounts"/>.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddUseCases(typeof(NotificationExtensions).Assembly);
        services.AddScoped<CatalogueReminders>();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NotificationTexts>();
        services.AddScoped<NotificationQuery>();
        services.AddScoped<NotificationRecipients>();
        services.AddSingleton<NotificationJob>();
        services.AddSingleton<ReminderJob>();
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<IMailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.Host)
            ? new EmlFileMailSender(Path.Combine(dataDirectory, "mail"))
            : new SmtpMailSender(sp.GetRequiredService<IOptions<MailOptions>>()));
        return services;
    }
}
