using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PartyDomain.Reminders;

namespace PartyDomain.Notifications;

/// <summary>Registers the reminder channels.</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>Adds the e-mail channel: every organization's reminders by SMTP to its recipients.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the server, the sender and the recipients.</param>
    public static IServiceCollection AddSmtpReminders(this IServiceCollection services, Action<SmtpReminderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SmtpReminderOptions>().Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host), "PartyDomain:Reminders:Smtp:Host is required (the SMTP server).")
            .Validate(o => o.Port is > 0 and < 65536, "PartyDomain:Reminders:Smtp:Port must be a TCP port.")
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "PartyDomain:Reminders:Smtp:From must be an e-mail address.")
            .Validate(o => o.To.Concat(o.ByOrganization.Values.SelectMany(v => v)).All(a => MimeKit.MailboxAddress.TryParse(a, out _)),
                "PartyDomain:Reminders:Smtp:To and ByOrganization must hold e-mail addresses.");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReminderChannel, SmtpReminderChannel>());
        return services;
    }

    /// <summary>Adds the webhook channel: every organization's reminders as a JSON POST to its URLs.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the URLs and the format.</param>
    public static IServiceCollection AddWebhookReminders(this IServiceCollection services, Action<WebhookReminderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<WebhookReminderOptions>().Configure(configure)
            .Validate(o => o.Urls.Concat(o.ByOrganization.Values.SelectMany(v => v)).All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
                "PartyDomain:Reminders:Webhook:Urls and ByOrganization must hold http(s) URLs.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "PartyDomain:Reminders:Webhook:Timeout must be positive.");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReminderChannel, WebhookReminderChannel>());
        return services;
    }
}
