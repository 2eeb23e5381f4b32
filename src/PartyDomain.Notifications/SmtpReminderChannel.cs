using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using PartyDomain.Reminders;

namespace PartyDomain.Notifications;

/// <summary>
/// Delivers each organization's reminders as one plain-text e-mail (UTF-8) to its recipients, through the configured
/// SMTP server (MailKit). A refused recipient, a refused login or an unreachable server fails the delivery with the
/// server's reason; the dispatcher retries and reports it.
/// </summary>
/// <param name="options">The server, the sender and the recipients.</param>
public sealed class SmtpReminderChannel(IOptions<SmtpReminderOptions> options) : IReminderChannel
{
    private readonly SmtpReminderOptions _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;

    /// <inheritdoc/>
    public string Name => "smtp";

    /// <inheritdoc/>
    public IReadOnlyList<string> RecipientsOf(ReminderNotice notice) => RecipientMap.For(notice, _options.ByOrganization, _options.To);

    /// <inheritdoc/>
    public async Task DeliverAsync(ReminderNotice notice, IReadOnlyList<string> recipients, TextLanguage language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(recipients);
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.FromName, _options.From));
        foreach (var recipient in recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = notice.Title(language);
        message.Body = new TextPart("plain") { Text = notice.Body(language) };

        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        var security = _options.Security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(_options.Host, _options.Port, security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
    }
}
