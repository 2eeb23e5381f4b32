using PartyDomain.Metrics;
using PartyDomain.Time;

namespace PartyDomain.Tests.Metrics;

public class ServiceMetricsSmokeTests
{
    private static TestCity City() =>
        new TestCity().Branch("B").Firm("F").Cover("B", "F").FullMember("M").Register("M", "B").Employ("M", "F")
            .Add(new ServiceRecord { Indicator = IndicatorCodes.HotlineCalls, Date = new LocalDate(2025, 1, 5), Quantity = 10, Member = TestCity.P("M"), District = "浉河区" })
            .Add(new ServiceRecord { Indicator = IndicatorCodes.HotlineAnswered, Date = new LocalDate(2025, 1, 5), Quantity = 9, Member = TestCity.P("M"), District = "浉河区" })
            .Add(new ServiceRecord { Indicator = IndicatorCodes.HotlineCalls, Date = new LocalDate(2025, 2, 1), Span = RecordSpan.Month, Quantity = 30, District = "平桥区" })
            .Add(new ServiceRecord { Indicator = IndicatorCodes.HotlineAnswered, Date = new LocalDate(2025, 2, 1), Span = RecordSpan.Month, Quantity = 27, District = "平桥区" })
            .Add(new ServiceRecord { Indicator = IndicatorCodes.CriminalCases, Date = new LocalDate(2025, 3, 1), Quantity = 2.5m, Firm = TestCity.F("F") })
            .Add(new ServiceRecord { Indicator = IndicatorCodes.CivilCases, Date = new LocalDate(2025, 3, 2), Quantity = 4, Firm = TestCity.F("F") })
            .Add(new ServiceRecord { Indicator = IndicatorCodes.AdviserPosts, Date = new LocalDate(2025, 1, 1), Span = RecordSpan.Year, Subject = "某村委会", Member = TestCity.P("M") })
            .Add(new ServiceRecord { Indicator = IndicatorCodes.AdviserPosts, Date = new LocalDate(2025, 3, 1), Subject = "某村委会", Member = TestCity.P("M") });

    [Fact]
    public void Totals_derived_sums_ratios_and_distinct_counts()
    {
        var metrics = new ServiceMetrics(City().Build());

        var table = metrics.Query(new MetricsQuery { Period = ReportingPeriod.Year(2025) });

        table.Total(IndicatorCodes.HotlineCalls).Should().Be(40);
        table.Total(IndicatorCodes.HotlineAnswerRate).Should().Be(90);
        table.Total(IndicatorCodes.CasesHandled).Should().Be(6.5m);
        table.Total(IndicatorCodes.AdviserPosts).Should().Be(1);
    }

    [Fact]
    public void Grouped_by_month_and_district()
    {
        var metrics = new ServiceMetrics(City().Build());

        var table = metrics.Query(new MetricsQuery
        {
            Period = ReportingPeriod.Year(2025),
            Indicators = [IndicatorCodes.HotlineCalls],
            GroupBy = MetricGrouping.Month | MetricGrouping.District,
        });

        table.Rows.Select(r => (r.Period, r.District, r.Value)).Should().Equal(("2025-01", "浉河区", 10m), ("2025-02", "平桥区", 30m));
    }
}
