using NodaTime;

namespace PartyDomain.Time;

/// <summary>Time-zone defaults. Every "today" in the library is read from an injected <see cref="IClock"/> in a zone.</summary>
public static class PartyDomainTime
{
    /// <summary>The default zone id, <c>Asia/Shanghai</c> (China Standard Time).</summary>
    public const string DefaultZoneId = "Asia/Shanghai";

    /// <summary>The default zone, <c>Asia/Shanghai</c>, from the TZDB provider.</summary>
    public static DateTimeZone DefaultZone { get; } = DateTimeZoneProviders.Tzdb[DefaultZoneId];

    /// <summary>Today's date in <paramref name="zone"/> (by default Asia/Shanghai) according to <paramref name="clock"/>.</summary>
    /// <param name="clock">The clock; <c>SystemClock.Instance</c> in production, a <c>FakeClock</c> in tests.</param>
    /// <param name="zone">The zone, or <c>null</c> for <see cref="DefaultZone"/>.</param>
    public static LocalDate Today(IClock clock, DateTimeZone? zone = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetCurrentInstant().InZone(zone ?? DefaultZone).Date;
    }
}
