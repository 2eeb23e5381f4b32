namespace PartyDomain.Reminders;

/// <summary>
/// A way to deliver reminders to people: e-mail, a group-chat robot, a bureau's own messaging. Register channels with
/// <c>services.AddSingleton&lt;IReminderChannel, MyChannel&gt;()</c> (or a plugin's <c>Services</c>); the
/// <see cref="ReminderDispatcher"/> sends every notice through every channel that has a recipient for it, retries, and
/// reports each delivery's outcome.
/// </summary>
public interface IReminderChannel
{
    /// <summary>The channel's name in reports and configuration, e.g. <c>smtp</c> or <c>webhook</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The recipients of <paramref name="notice"/> on this channel (addresses, URLs), or none when the channel has no
    /// one to send this organization's reminders to.
    /// </summary>
    /// <param name="notice">The notice.</param>
    IReadOnlyList<string> RecipientsOf(ReminderNotice notice);

    /// <summary>
    /// <paramref name="recipient"/> as it may be shown in a report or a log: a webhook's URL without its key, say.
    /// By default the recipient itself.
    /// </summary>
    /// <param name="recipient">A recipient this channel gave.</param>
    string Display(string recipient) => recipient;

    /// <summary>
    /// Delivers <paramref name="notice"/> to <paramref name="recipients"/>. Throws when the delivery failed, with a
    /// message saying why (server refused, timed out, answered 500); the dispatcher retries and reports it.
    /// </summary>
    /// <param name="notice">The notice.</param>
    /// <param name="recipients">Its recipients on this channel, as <see cref="RecipientsOf"/> gave them.</param>
    /// <param name="language">The language of the message.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    Task DeliverAsync(ReminderNotice notice, IReadOnlyList<string> recipients, TextLanguage language, CancellationToken cancellationToken);
}
