using Microsoft.Extensions.Options;

namespace PartyDomain.Reminders;

/// <summary>The outcome of one notice on one channel.</summary>
/// <param name="Notice">The notice.</param>
/// <param name="Channel">The channel's name.</param>
/// <param name="Recipients">Its recipients on that channel; empty when the channel has none for it.</param>
/// <param name="Status">Delivered, failed after every attempt, not sent (no recipient), or shown only (dry run).</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Error">Why the last attempt failed, when it did.</param>
public sealed record ReminderDelivery(ReminderNotice Notice, string Channel, IReadOnlyList<string> Recipients, DeliveryStatus Status, int Attempts, string? Error);

/// <summary>What became of a delivery.</summary>
public enum DeliveryStatus
{
    /// <summary>The channel accepted it.</summary>
    Delivered,

    /// <summary>Every attempt failed: reported, never dropped silently.</summary>
    Failed,

    /// <summary>The channel has no recipient for this organization (configure one): reported, not sent.</summary>
    NoRecipient,

    /// <summary>A dry run: shown, not sent.</summary>
    DryRun,
}

/// <summary>
/// Sends reminder notices through every registered <see cref="IReminderChannel"/>, retrying a failed delivery with a
/// doubling wait (<see cref="ReminderDeliveryOptions"/>), and reports every outcome, so no reminder is lost silently.
/// </summary>
/// <param name="channels">The channels.</param>
/// <param name="options">Retry and language settings.</param>
public sealed class ReminderDispatcher(IEnumerable<IReminderChannel> channels, IOptions<ReminderDeliveryOptions> options)
{
    private readonly IReadOnlyList<IReminderChannel> _channels = [.. channels ?? throw new ArgumentNullException(nameof(channels))];
    private readonly ReminderDeliveryOptions _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;

    /// <summary>The registered channels.</summary>
    public IReadOnlyList<IReminderChannel> Channels => _channels;

    /// <summary>Delivers every notice through every channel that has a recipient for it, or only lists them when <paramref name="dryRun"/>.</summary>
    /// <param name="notices">The notices.</param>
    /// <param name="dryRun">Whether to show what would be sent, to whom, without sending.</param>
    /// <param name="cancellationToken">Cancels the remaining deliveries.</param>
    /// <returns>One outcome per notice and channel.</returns>
    public async Task<IReadOnlyList<ReminderDelivery>> SendAsync(IReadOnlyList<ReminderNotice> notices, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var attempts = Math.Max(1, _options.MaxAttempts);
        var outcomes = new List<ReminderDelivery>(notices.Count * _channels.Count);
        foreach (var notice in notices)
        {
            foreach (var channel in _channels)
            {
                var recipients = channel.RecipientsOf(notice);
                if (recipients.Count == 0)
                {
                    outcomes.Add(new(notice, channel.Name, recipients, DeliveryStatus.NoRecipient, 0, null));
                    continue;
                }

                if (dryRun)
                {
                    outcomes.Add(new(notice, channel.Name, recipients, DeliveryStatus.DryRun, 0, null));
                    continue;
                }

                outcomes.Add(await DeliverAsync(channel, notice, recipients, attempts, cancellationToken).ConfigureAwait(false));
            }
        }

        return outcomes;
    }

    private async Task<ReminderDelivery> DeliverAsync(IReminderChannel channel, ReminderNotice notice, IReadOnlyList<string> recipients, int attempts, CancellationToken cancellationToken)
    {
        var delay = _options.RetryDelay;
        string? error = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                await channel.DeliverAsync(notice, recipients, _options.Language, cancellationToken).ConfigureAwait(false);
                return new(notice, channel.Name, recipients, DeliveryStatus.Delivered, attempt, null);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A channel's failure is the delivery's outcome, never the host's crash: keep the reason, wait, try again.
                error = e.Message;
            }

            if (attempt < attempts && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
        }

        return new(notice, channel.Name, recipients, DeliveryStatus.Failed, attempts, error);
    }
}
