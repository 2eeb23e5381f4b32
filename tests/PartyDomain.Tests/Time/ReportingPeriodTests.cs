using PartyDomain.Time;

namespace PartyDomain.Tests.Time;

public class ReportingPeriodTests
{
    [Fact]
    public void A_year_runs_from_January_first_to_December_31st()
    {
        var year = ReportingPeriod.Year(2024);

        year.Kind.Should().Be(ReportingPeriodKind.Year);
        year.Start.Should().Be(new LocalDate(2024, 1, 1));
        year.End.Should().Be(new LocalDate(2024, 12, 31));
        year.Interval.Length.Should().Be(366);
        year.ToString().Should().Be("2024");
    }

    [Theory]
    [InlineData(1, 1, 1, 3, 31)]
    [InlineData(2, 4, 1, 6, 30)]
    [InlineData(3, 7, 1, 9, 30)]
    [InlineData(4, 10, 1, 12, 31)]
    public void Quarters_are_calendar_quarters(int quarter, int startMonth, int startDay, int endMonth, int endDay)
    {
        var period = ReportingPeriod.Quarter(2025, quarter);

        period.Kind.Should().Be(ReportingPeriodKind.Quarter);
        period.Start.Should().Be(new LocalDate(2025, startMonth, startDay));
        period.End.Should().Be(new LocalDate(2025, endMonth, endDay));
        period.ToString().Should().Be($"2025-Q{quarter}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_quarter_outside_one_to_four_is_refused(int quarter)
    {
        var act = () => ReportingPeriod.Quarter(2025, quarter);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_month_knows_its_last_day()
    {
        var february = ReportingPeriod.Month(new YearMonth(2024, 2));

        february.Kind.Should().Be(ReportingPeriodKind.Month);
        february.Start.Should().Be(new LocalDate(2024, 2, 1));
        february.End.Should().Be(new LocalDate(2024, 2, 29));
        february.ToString().Should().Be("2024-02");
        ReportingPeriod.Month(new YearMonth(2025, 2)).End.Should().Be(new LocalDate(2025, 2, 28));
        ReportingPeriod.Month(new YearMonth(2025, 12)).End.Should().Be(new LocalDate(2025, 12, 31));
    }

    [Fact]
    public void Of_normalizes_calendar_periods_to_their_kind()
    {
        ReportingPeriod.Of(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31))).Should().Be(ReportingPeriod.Year(2024));
        ReportingPeriod.Of(new DateInterval(new LocalDate(2024, 10, 1), new LocalDate(2024, 12, 31))).Should().Be(ReportingPeriod.Quarter(2024, 4));
        ReportingPeriod.Of(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 3, 31))).Kind.Should().Be(ReportingPeriodKind.Quarter);
        ReportingPeriod.Of(new DateInterval(new LocalDate(2024, 2, 1), new LocalDate(2024, 2, 29))).Should().Be(ReportingPeriod.Month(new YearMonth(2024, 2)));
        ReportingPeriod.Of(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31))).ToString().Should().Be("2024");
    }

    [Theory]
    [InlineData(2024, 2, 1, 2024, 4, 30)]   // three months, but not a calendar quarter
    [InlineData(2024, 3, 5, 2024, 6, 1)]
    [InlineData(2024, 2, 1, 2024, 2, 28)]   // February 2024 has 29 days
    [InlineData(2023, 7, 1, 2024, 6, 30)]   // a year, but not a calendar year
    [InlineData(2024, 1, 2, 2024, 1, 31)]
    public void Other_intervals_are_custom(int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var period = ReportingPeriod.Of(new DateInterval(new LocalDate(y1, m1, d1), new LocalDate(y2, m2, d2)));

        period.Kind.Should().Be(ReportingPeriodKind.Custom);
        period.ToString().Should().Be($"{y1:D4}-{m1:D2}-{d1:D2}..{y2:D4}-{m2:D2}-{d2:D2}");
    }

    [Fact]
    public void Periods_compare_by_their_days()
    {
        ReportingPeriod.Quarter(2024, 1).Should().Be(ReportingPeriod.Quarter(2024, 1));
        ReportingPeriod.Quarter(2024, 1).Should().NotBe(ReportingPeriod.Quarter(2025, 1));
        ReportingPeriod.Year(2024).GetHashCode().Should().Be(ReportingPeriod.Of(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31))).GetHashCode());
    }

    [Fact]
    public void Contains_includes_both_ends()
    {
        var q2 = ReportingPeriod.Quarter(2025, 2);

        q2.Contains(new LocalDate(2025, 3, 31)).Should().BeFalse();
        q2.Contains(new LocalDate(2025, 4, 1)).Should().BeTrue();
        q2.Contains(new LocalDate(2025, 6, 30)).Should().BeTrue();
        q2.Contains(new LocalDate(2025, 7, 1)).Should().BeFalse();
    }

    [Fact]
    public void A_year_splits_into_two_halves()
    {
        ReportingPeriod.Year(2025).Slots(Cadence.HalfYearly).Select(s => s.ToString()).Should().Equal("2025-H1", "2025-H2");
        ReportingPeriod.Quarter(2025, 3).Slots(Cadence.Monthly).Select(s => s.ToString()).Should().Equal("2025-07", "2025-08", "2025-09");
    }
}
