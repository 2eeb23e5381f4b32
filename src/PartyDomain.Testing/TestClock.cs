using NodaTime;
using NodaTime.Testing;
using PartyDomain.Time;

namespace PartyDomain.Testing;

/// <summary>
/// Clocks for tests, on the day a test means in China Standard Time (the library reads "today" in
/// <see cref="PartyDomainTime.DefaultZone"/>), so a test never depends on the machine's time zone or the real date.
/// </summary>
public static class TestClock
{
    /// <summary>A <see cref="FakeClock"/> reading 10:00, well inside the day, on <paramref name="day"/> in Asia/Shanghai.</summary>
    /// <param name="day">The day "today" is.</param>
    public static FakeClock On(LocalDate day) => On(day, new LocalTime(10, 0));

    /// <summary>A <see cref="FakeClock"/> reading <paramref name="time"/> on <paramref name="day"/> in Asia/Shanghai.</summary>
    /// <param name="day">The day "today" is.</param>
    /// <param name="time">The time of day.</param>
    public static FakeClock On(LocalDate day, LocalTime time) =>
        new(day.At(time).InZoneStrictly(PartyDomainTime.DefaultZone).ToInstant());

    /// <summary>A <see cref="FakeClock"/> reading 10:00 on <paramref name="year"/>-<paramref name="month"/>-<paramref name="day"/> in Asia/Shanghai.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day of the month.</param>
    public static FakeClock On(int year, int month, int day) => On(new LocalDate(year, month, day));

    /// <summary>
    /// <paramref name="clock"/> read in Asia/Shanghai, as the engines' constructors take it (the container registers the
    /// same from <c>PartyDomainOptions.TimeZone</c>).
    /// </summary>
    /// <param name="clock">The clock.</param>
    public static ZonedClock InShanghai(this IClock clock) => new(clock ?? throw new ArgumentNullException(nameof(clock)), PartyDomainTime.DefaultZone, CalendarSystem.Iso);

    /// <summary>Today on <paramref name="clock"/>, in Asia/Shanghai.</summary>
    /// <param name="clock">The clock.</param>
    public static LocalDate Today(this IClock clock) => PartyDomainTime.Today(clock);
}
