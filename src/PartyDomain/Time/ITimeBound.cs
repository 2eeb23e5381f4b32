using NodaTime;

namespace PartyDomain.Time;

/// <summary>
/// A record that holds from one day to another: a post, a registration, an employment, a coverage.
/// Both days are inclusive; an open <see cref="To"/> means the record still holds.
/// </summary>
public interface ITimeBound
{
    /// <summary>The first day the record holds.</summary>
    LocalDate From { get; }

    /// <summary>The last day the record holds, or <c>null</c> while it still holds.</summary>
    LocalDate? To { get; }
}

/// <summary>Queries shared by every <see cref="ITimeBound"/> record.</summary>
public static class TimeBoundExtensions
{
    /// <summary>Whether the record holds on <paramref name="date"/>.</summary>
    /// <param name="record">The record.</param>
    /// <param name="date">The date to test.</param>
    public static bool IsActiveOn(this ITimeBound record, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(record);
        return date >= record.From && (record.To is not { } to || date <= to);
    }

    /// <summary>The record's days as a <see cref="DateRange"/>.</summary>
    /// <param name="record">The record; its <see cref="ITimeBound.To"/> must not be before its <see cref="ITimeBound.From"/>.</param>
    public static DateRange Range(this ITimeBound record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new DateRange(record.From, record.To);
    }
}
