using NodaTime.Testing;
using PartyDomain.Time;

namespace PartyDomain.Tests.Time;

public class DateRangeTests
{
    private static readonly LocalDate Mar1 = new(2024, 3, 1);
    private static readonly LocalDate Mar31 = new(2024, 3, 31);

    [Fact]
    public void Contains_includes_both_ends()
    {
        var march = new DateRange(Mar1, Mar31);

        march.Contains(Mar1.PlusDays(-1)).Should().BeFalse();
        march.Contains(Mar1).Should().BeTrue();
        march.Contains(Mar31).Should().BeTrue();
        march.Contains(Mar31.PlusDays(1)).Should().BeFalse();
    }

    [Fact]
    public void An_open_range_contains_every_later_day()
    {
        var open = new DateRange(Mar1);

        open.IsOpen.Should().BeTrue();
        open.End.Should().BeNull();
        open.Contains(new LocalDate(9999, 12, 31)).Should().BeTrue();
        open.Contains(Mar1.PlusDays(-1)).Should().BeFalse();
    }

    [Fact]
    public void Ranges_that_share_one_day_overlap_and_adjacent_ones_do_not()
    {
        var march = new DateRange(Mar1, Mar31);

        march.Overlaps(new DateRange(Mar31, new LocalDate(2024, 4, 30))).Should().BeTrue();
        march.Overlaps(new DateRange(Mar31.PlusDays(1), new LocalDate(2024, 4, 30))).Should().BeFalse();
        new DateRange(Mar31.PlusDays(1)).Overlaps(march).Should().BeFalse();
        new DateRange(Mar1.PlusDays(-10), Mar1).Overlaps(march).Should().BeTrue();
        new DateRange(new LocalDate(2020, 1, 1)).Overlaps(new DateRange(new LocalDate(2030, 1, 1))).Should().BeTrue("two open ranges always meet");
        march.Overlaps(new DateRange(new LocalDate(2024, 3, 10), new LocalDate(2024, 3, 11))).Should().BeTrue();
    }

    [Fact]
    public void Overlaps_takes_a_date_interval_too()
    {
        var open = new DateRange(Mar31);

        open.Overlaps(new DateInterval(Mar1, Mar31)).Should().BeTrue();
        open.Overlaps(new DateInterval(Mar1, Mar31.PlusDays(-1))).Should().BeFalse();
    }

    [Fact]
    public void Intersect_gives_the_shared_days_or_null()
    {
        var open = new DateRange(new LocalDate(2024, 3, 15));

        var shared = open.Intersect(new DateInterval(Mar1, Mar31));
        shared.Should().NotBeNull();
        shared!.Start.Should().Be(new LocalDate(2024, 3, 15));
        shared.End.Should().Be(Mar31);

        var inside = new DateRange(Mar1, Mar31).Intersect(new DateInterval(new LocalDate(2024, 3, 10), new LocalDate(2024, 4, 10)));
        inside!.Start.Should().Be(new LocalDate(2024, 3, 10));
        inside.End.Should().Be(Mar31);

        new DateRange(Mar1, Mar31).Intersect(new DateInterval(new LocalDate(2024, 4, 1), new LocalDate(2024, 4, 30))).Should().BeNull();
        open.Intersect(new DateInterval(Mar1, new LocalDate(2024, 3, 14))).Should().BeNull();
    }

    [Fact]
    public void The_end_cannot_come_before_the_start()
    {
        var act = () => new DateRange(Mar31, Mar1);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("end");
        new DateRange(Mar1, Mar1).Contains(Mar1).Should().BeTrue("a one-day range is fine");
    }

    [Fact]
    public void ToString_shows_open_ends()
    {
        new DateRange(Mar1, Mar31).ToString().Should().Be("2024-03-01..2024-03-31");
        new DateRange(Mar1).ToString().Should().Be("2024-03-01..");
    }
}

public class PartyDomainTimeTests
{
    [Fact]
    public void The_default_zone_is_Shanghai()
    {
        PartyDomainTime.DefaultZoneId.Should().Be("Asia/Shanghai");
        PartyDomainTime.DefaultZone.Id.Should().Be("Asia/Shanghai");
    }

    [Fact]
    public void Five_in_the_afternoon_UTC_on_new_years_eve_is_already_new_year_in_Shanghai()
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 12, 31, 17, 0));

        PartyDomainTime.Today(clock).Should().Be(new LocalDate(2025, 1, 1));
        PartyDomainTime.Today(clock, DateTimeZone.Utc).Should().Be(new LocalDate(2024, 12, 31));
    }

    [Theory]
    [InlineData(15, 59, 59, 31)]
    [InlineData(16, 0, 0, 1)]
    public void The_Shanghai_day_turns_at_16_00_UTC(int hour, int minute, int second, int expectedDay)
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 12, 31, hour, minute, second));

        PartyDomainTime.Today(clock).Day.Should().Be(expectedDay);
    }

    [Fact]
    public void Today_follows_the_clock()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 6, 15, 2, 0));
        PartyDomainTime.Today(clock).Should().Be(new LocalDate(2025, 6, 15));

        clock.Advance(Duration.FromHours(14));

        PartyDomainTime.Today(clock).Should().Be(new LocalDate(2025, 6, 16));
    }

    [Fact]
    public void The_test_city_clock_is_ten_in_the_morning_in_Shanghai()
    {
        var clock = TestCity.ClockAt(new LocalDate(2025, 1, 1));

        clock.GetCurrentInstant().Should().Be(Instant.FromUtc(2025, 1, 1, 2, 0));
        PartyDomainTime.Today(clock).Should().Be(new LocalDate(2025, 1, 1));
    }

    [Fact]
    public void A_null_clock_is_refused()
    {
        var act = () => PartyDomainTime.Today(null!);

        act.Should().Throw<ArgumentNullException>();
    }
}
