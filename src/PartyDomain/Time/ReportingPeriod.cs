using NodaTime;

namespace PartyDomain.Time;

/// <summary>The shape of a <see cref="ReportingPeriod"/>.</summary>
public enum ReportingPeriodKind
{
    /// <summary>A calendar year (年度).</summary>
    Year,

    /// <summary>A calendar quarter (季度).</summary>
    Quarter,

    /// <summary>A calendar month (月度).</summary>
    Month,

    /// <summary>Any other run of days.</summary>
    Custom,
}

/// <summary>
/// The days a report or an evaluation covers (报告期): a calendar year, quarter or month, or any
/// <see cref="DateInterval"/>. Periods are immutable and compare by their days.
/// </summary>
public sealed record ReportingPeriod
{
    private ReportingPeriod(ReportingPeriodKind kind, DateInterval interval)
    {
        Kind = kind;
        Interval = interval;
    }

    /// <summary>Whether this is a year, quarter, month or custom period.</summary>
    public ReportingPeriodKind Kind { get; }

    /// <summary>The days of the period, both ends inclusive.</summary>
    public DateInterval Interval { get; }

    /// <summary>The first day of the period.</summary>
    public LocalDate Start => Interval.Start;

    /// <summary>The last day of the period.</summary>
    public LocalDate End => Interval.End;

    /// <summary>The calendar year <paramref name="year"/>.</summary>
    /// <param name="year">The year, for example 2025.</param>
    public static ReportingPeriod Year(int year) =>
        new(ReportingPeriodKind.Year, new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)));

    /// <summary>Quarter <paramref name="quarter"/> (1–4) of <paramref name="year"/>.</summary>
    /// <param name="year">The year.</param>
    /// <param name="quarter">The quarter, 1 to 4.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quarter"/> is not 1–4.</exception>
    public static ReportingPeriod Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new LocalDate(year, ((quarter - 1) * 3) + 1, 1);
        return new(ReportingPeriodKind.Quarter, new DateInterval(start, start.PlusMonths(3).PlusDays(-1)));
    }

    /// <summary>The calendar month <paramref name="month"/>.</summary>
    /// <param name="month">The month.</param>
    public static ReportingPeriod Month(YearMonth month) =>
        new(ReportingPeriodKind.Month, new DateInterval(month.OnDayOfMonth(1), month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1)));

    /// <summary>
    /// A period of the given days. An interval that is exactly a calendar year, quarter or month gets that kind,
    /// so two ways of naming the same days give equal periods.
    /// </summary>
    /// <param name="interval">The days.</param>
    public static ReportingPeriod Of(DateInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        var s = interval.Start;
        if (s.Day == 1 && interval.End == s.PlusMonths(1).PlusDays(-1))
        {
            return new(ReportingPeriodKind.Month, interval);
        }

        if (s.Day == 1 && s.Month % 3 == 1 && interval.End == s.PlusMonths(3).PlusDays(-1))
        {
            return new(ReportingPeriodKind.Quarter, interval);
        }

        if (s.Day == 1 && s.Month == 1 && interval.End == s.PlusYears(1).PlusDays(-1))
        {
            return new(ReportingPeriodKind.Year, interval);
        }

        return new(ReportingPeriodKind.Custom, interval);
    }

    /// <summary>Whether <paramref name="date"/> falls in the period.</summary>
    /// <param name="date">The date.</param>
    public bool Contains(LocalDate date) => Interval.Contains(date);

    /// <summary>Splits the period into the slots of <paramref name="cadence"/>.</summary>
    /// <param name="cadence">The cadence.</param>
    public IReadOnlyList<CadenceSlot> Slots(Cadence cadence)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        return cadence.Slots(Interval);
    }

    /// <summary>Formats the period as <c>2025</c>, <c>2025-Q1</c>, <c>2025-03</c> or <c>2025-03-05..2025-06-01</c>.</summary>
    public override string ToString() => Kind switch
    {
        ReportingPeriodKind.Year => Start.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
        ReportingPeriodKind.Quarter => $"{Start.Year:D4}-Q{((Start.Month - 1) / 3) + 1}",
        ReportingPeriodKind.Month => $"{Start.Year:D4}-{Start.Month:D2}",
        _ => $"{Start:uuuu-MM-dd}..{End:uuuu-MM-dd}",
    };
}
