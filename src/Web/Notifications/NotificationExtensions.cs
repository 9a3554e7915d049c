using Microsoft.Extensions.Options;

namespace Placement.Web.Notifications;

public static class NotificationExtensions
{
    /// <summary>Notifications: the job, the messages, and the e-mail sender — SMTP when <c>Placement:Mail:Host</c> is set, <c>.eml</c> files otherwise.</summary>
    public static IServiceCollection AddPlacementNotifications(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NotificationMessages>();
        services.AddSingleton<NotificationJob>();
        services.AddSingleton<ReminderJob>();
        services.AddSingleton<Templates.MailTemplates>();
        services.AddSingleton<IMailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.Host)
            ? new EmlFileMailSender(Path.Combine(dataDirectory, "mail"))
            : new SmtpMailSender(sp.GetRequiredService<IOptions<MailOptions>>()));
        return services;
    }
}
