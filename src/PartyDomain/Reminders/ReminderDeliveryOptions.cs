namespace PartyDomain.Reminders;

/// <summary>How <see cref="ReminderDispatcher"/> retries (configuration section <c>PartyDomain:Reminders</c>).</summary>
public sealed class ReminderDeliveryOptions
{
    /// <summary>Attempts per delivery before it is reported as failed, at least 1. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the second attempt; each later wait doubles it. Default 2 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The language of the messages. Default Chinese.</summary>
    public TextLanguage Language { get; set; } = TextLanguage.Chinese;
}
