using PartyDomain.Metrics;
using PartyDomain.Time;
using static PartyDomain.Tests.Metrics.MetricsTestData;

namespace PartyDomain.Tests.Metrics;

public class YearOverYearTests
{
    private static readonly IndicatorCode Calls = IndicatorCodes.HotlineCalls;

    private static TestCity City() => new TestCity().Branch("B1").Branch("B2");

    [Fact]
    public void Each_row_is_paired_with_the_same_group_a_year_earlier()
    {
        var city = City()
            .Service(Calls, D(2024, 1, 10), 10).Service(Calls, D(2025, 1, 10), 12)
            .Service(Calls, D(2024, 2, 5), 5).Service(Calls, D(2025, 2, 5), 0)
            .Service(Calls, D(2025, 3, 5), 7)
            .Service(Calls, D(2024, 4, 5), 0).Service(Calls, D(2025, 4, 5), 3)
            .Service(Calls, D(2024, 5, 5), 99)
            .Service(Calls, D(2023, 1, 10), 1000);

        var pairs = city.Metrics().CompareWithPreviousYear(new MetricsQuery { Period = ReportingPeriod.Year(2025), GroupBy = MetricGrouping.Month, Indicators = [Calls] });

        pairs.Select(p => (p.Current.Period, p.Current.Value, p.Previous?.Period, p.Previous?.Value, p.Change)).Should().Equal(
            ("2025-01", 12m, "2024-01", 10m, 0.2m),
            ("2025-02", 0m, "2024-02", 5m, -1m),
            ("2025-03", 7m, null, null, null),
            ("2025-04", 3m, "2024-04", 0m, null));
    }

    [Fact]
    public void An_ungrouped_total_is_compared_with_last_years_total()
    {
        var city = City()
            .Service(Calls, D(2024, 3, 10), 10).Service(Calls, D(2024, 11, 10), 5)
            .Service(Calls, D(2025, 3, 10), 22);

        var pair = city.Metrics().CompareWithPreviousYear(new MetricsQuery { Period = ReportingPeriod.Year(2025), Indicators = [Calls] }).Should().ContainSingle().Which;

        pair.Current.Value.Should().Be(22);
        pair.Previous!.Value.Should().Be(15);
        pair.Change.Should().Be((22m - 15m) / 15m);
    }

    [Fact]
    public void Nothing_last_year_means_no_change()
    {
        var city = City().Service(Calls, D(2025, 3, 10), 22);

        var pair = city.Metrics().CompareWithPreviousYear(new MetricsQuery { Period = ReportingPeriod.Year(2025), Indicators = [Calls] }).Should().ContainSingle().Which;

        pair.Previous.Should().BeNull();
        pair.Change.Should().BeNull();
    }

    [Fact]
    public void Groups_are_matched_by_organization_and_quarter()
    {
        var city = City()
            .Service(Calls, D(2024, 2, 10), 10, organization: "B1").Service(Calls, D(2025, 2, 10), 15, organization: "B1")
            .Service(Calls, D(2024, 2, 10), 40, organization: "B2").Service(Calls, D(2025, 2, 10), 30, organization: "B2")
            .Service(Calls, D(2024, 5, 10), 8, organization: "B1").Service(Calls, D(2025, 5, 10), 2, organization: "B2");

        var pairs = city.Metrics().CompareWithPreviousYear(new MetricsQuery
        {
            Period = ReportingPeriod.Year(2025), GroupBy = MetricGrouping.Quarter | MetricGrouping.Organization, Indicators = [Calls],
        });

        pairs.Select(p => (p.Current.Period, p.Current.Organization?.Value, p.Previous?.Organization?.Value, p.Change)).Should().Equal(
            ("2025-Q1", "B1", "B1", 0.5m),
            ("2025-Q1", "B2", "B2", -0.25m),
            ("2025-Q2", "B2", null, null));
    }

    [Fact]
    public void Year_figures_are_compared_under_the_year_when_grouping_by_month()
    {
        var city = City().YearFigure(Calls, 2024, 100).YearFigure(Calls, 2025, 120).Service(Calls, D(2025, 1, 5), 1);

        var pairs = city.Metrics().CompareWithPreviousYear(new MetricsQuery { Period = ReportingPeriod.Year(2025), GroupBy = MetricGrouping.Month, Indicators = [Calls] });

        pairs.Select(p => (p.Current.Period, p.Previous?.Period, p.Change)).Should().Equal(("2025-01", null, null), ("2025", "2024", 0.2m));
    }

    [Fact]
    public void Rates_are_compared_too()
    {
        var city = City()
            .Service(Calls, D(2024, 3, 10), 100).Service(IndicatorCodes.HotlineAnswered, D(2024, 3, 10), 80)
            .Service(Calls, D(2025, 3, 10), 100).Service(IndicatorCodes.HotlineAnswered, D(2025, 3, 10), 96);

        var pair = city.Metrics().CompareWithPreviousYear(new MetricsQuery { Period = ReportingPeriod.Quarter(2025, 1), Indicators = [IndicatorCodes.HotlineAnswerRate] })
            .Should().ContainSingle().Which;

        pair.Current.Value.Should().Be(96);
        pair.Previous!.Value.Should().Be(80);
        pair.Change.Should().Be(0.2m);
    }

    [Fact]
    public void Change_is_null_when_the_current_value_cannot_be_computed()
    {
        var previous = new MetricRow(Calls, new("甲", "a"), Units.Percent, "2024", null, null, null, 50, 1);
        var current = previous with { Period = "2025", Value = null };

        new YearOverYear(current, previous).Change.Should().BeNull();
        new YearOverYear(previous with { Value = 75 }, previous).Change.Should().Be(0.5m);
        new YearOverYear(current with { Value = 1 }, previous with { Value = null }).Change.Should().BeNull();
    }

    [Fact]
    public void February_is_compared_with_the_whole_of_last_february_in_a_leap_year()
    {
        var city = City()
            .Service(Calls, D(2024, 2, 29), 4)
            .MonthFigure(IndicatorCodes.HotlineAnswered, 2024, 2, 3)
            .Service(Calls, D(2025, 2, 10), 8)
            .Service(IndicatorCodes.HotlineAnswered, D(2025, 2, 10), 6);

        var pairs = city.Metrics().CompareWithPreviousYear(new MetricsQuery { Period = ReportingPeriod.Month(new YearMonth(2025, 2)), Indicators = [Calls, IndicatorCodes.HotlineAnswered] });

        pairs.Select(p => (p.Current.Indicator, p.Previous?.Value, p.Change)).Should().Equal((Calls, 4m, 1m), (IndicatorCodes.HotlineAnswered, 3m, 1m));
    }
}
