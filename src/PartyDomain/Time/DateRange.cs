using NodaTime;

namespace PartyDomain.Time;

/// <summary>
/// A span of calendar days with an inclusive start and an optional inclusive end (open when the end is unknown
/// or has not happened yet). Unlike <see cref="DateInterval"/> it may be open-ended, which is how posts,
/// registrations and employments are recorded while they last.
/// </summary>
public readonly record struct DateRange
{
    /// <summary>Creates a range from <paramref name="start"/> to <paramref name="end"/>, both inclusive.</summary>
    /// <param name="start">The first day of the range.</param>
    /// <param name="end">The last day of the range, or <c>null</c> when the range is still open.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public DateRange(LocalDate start, LocalDate? end = null)
    {
        if (end is { } e && e < start)
        {
            throw new ArgumentException($"The end {e:uuuu-MM-dd} is before the start {start:uuuu-MM-dd}.", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>The first day of the range (inclusive).</summary>
    public LocalDate Start { get; }

    /// <summary>The last day of the range (inclusive), or <c>null</c> when the range is open.</summary>
    public LocalDate? End { get; }

    /// <summary>Whether the range has no end yet.</summary>
    public bool IsOpen => End is null;

    /// <summary>Whether <paramref name="date"/> falls inside the range.</summary>
    /// <param name="date">The date to test.</param>
    public bool Contains(LocalDate date) => date >= Start && (End is not { } e || date <= e);

    /// <summary>Whether this range and <paramref name="other"/> share at least one day.</summary>
    /// <param name="other">The other range.</param>
    public bool Overlaps(DateRange other) =>
        (End is not { } e || other.Start <= e) && (other.End is not { } oe || Start <= oe);

    /// <summary>Whether this range and <paramref name="interval"/> share at least one day.</summary>
    /// <param name="interval">A closed interval.</param>
    public bool Overlaps(DateInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return Overlaps(new DateRange(interval.Start, interval.End));
    }

    /// <summary>The days shared with <paramref name="interval"/>, or <c>null</c> when there are none.</summary>
    /// <param name="interval">A closed interval.</param>
    public DateInterval? Intersect(DateInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        var start = LocalDate.Max(Start, interval.Start);
        var end = End is { } e ? LocalDate.Min(e, interval.End) : interval.End;
        return end < start ? null : new DateInterval(start, end);
    }

    /// <summary>Formats the range as <c>2021-03-05..2023-03-04</c>, or <c>2021-03-05..</c> when open.</summary>
    public override string ToString() => End is { } e ? $"{Start:uuuu-MM-dd}..{e:uuuu-MM-dd}" : $"{Start:uuuu-MM-dd}..";
}
