using PartyDomain.Metrics;
using PartyDomain.Time;
using static PartyDomain.Tests.Metrics.MetricsTestData;

namespace PartyDomain.Tests.Metrics;

/// <summary>
/// The table a query returns: its rows are made when read, and the accessors by row index, <see cref="MetricsTable.Rows"/>,
/// <see cref="MetricsTable.Of"/> and <see cref="MetricsTable.Total"/> all tell the same figures.
/// </summary>
public class MetricsTableTests
{
    private static readonly IndicatorCode Calls = IndicatorCodes.HotlineCalls;
    private static readonly IndicatorCode Answered = IndicatorCodes.HotlineAnswered;
    private static readonly IndicatorCode Visits = Code("visits");

    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.CreateDefault().Add(OwnSum("visits") with { Aggregation = Aggregation.Count });

    /// <summary>
    /// Summed (calls, answered, civil cases, with fractional quantities), counted (visits), a rate and a total of
    /// others, in two districts and none, over two years; criminal cases have no records.
    /// </summary>
    private static ServiceMetrics Metrics() => new TestCity()
        .Branch("B1").Branch("B2").FirmIn("F1", "浉河区").FirmIn("F2", "平桥区").Cover("B1", "F1").Cover("B2", "F2")
        .Service(Calls, D(2024, 1, 10), 10, organization: "B1", firm: "F1").Service(Answered, D(2024, 1, 10), 8, organization: "B1", firm: "F1")
        .Service(Calls, D(2025, 1, 10), 12.5m, organization: "B1", firm: "F1").Service(Answered, D(2025, 1, 12), 10, organization: "B1", firm: "F1")
        .Service(Calls, D(2025, 3, 2), 4, organization: "B2", firm: "F2").Service(Calls, D(2025, 3, 20), 0.25m, organization: "B2", firm: "F2")
        .Service(Calls, D(2025, 3, 21), 6)
        .Service(IndicatorCodes.CivilCases, D(2025, 3, 5), 2, organization: "B2", firm: "F2")
        .Service(Visits, D(2025, 1, 3), 5, organization: "B1", firm: "F1").Service(Visits, D(2025, 1, 4), 7, organization: "B1", firm: "F1")
        .Metrics(Catalog);

    private static MetricsQuery ByMonthAndDistrict(int year) => new()
    {
        Period = ReportingPeriod.Year(year),
        GroupBy = MetricGrouping.Month | MetricGrouping.District,
        Indicators = [Calls, Visits, IndicatorCodes.CriminalCases, IndicatorCodes.HotlineAnswerRate, IndicatorCodes.CasesHandled],
    };

    [Fact]
    public void Rows_carry_the_figures_of_each_group_in_indicator_then_group_order()
    {
        var query = ByMonthAndDistrict(2025);

        var table = Metrics().Query(query);

        table.Rows.Select(r => (r.Indicator, r.Period, r.District, r.Value, r.Records)).Should().Equal(
            (Calls, "2025-01", "浉河区", 12.5m, 1L),
            (Calls, "2025-03", "未登记区县", 6m, 1L),
            (Calls, "2025-03", "平桥区", 4.25m, 2L),
            (Visits, "2025-01", "浉河区", 2m, 2L),
            (IndicatorCodes.HotlineAnswerRate, "2025-01", "浉河区", 80m, 2L),
            (IndicatorCodes.HotlineAnswerRate, "2025-03", "未登记区县", 0m, 1L),
            (IndicatorCodes.HotlineAnswerRate, "2025-03", "平桥区", 0m, 2L),
            (IndicatorCodes.CasesHandled, "2025-03", "平桥区", 2m, 1L));
        table.Count.Should().Be(8);
        table.Rows.Should().HaveCount(8);
        table.Rows[0].Name.Should().BeSameAs(Catalog.Get(Calls).Name, "names and units are the indicator's own, not copies");
        table.Rows[0].Unit.Should().BeSameAs(Catalog.Get(Calls).Unit);
        table.Query.Should().BeSameAs(query);
    }

    [Fact]
    public void Reading_the_rows_by_index_and_by_enumeration_gives_equal_rows_each_time()
    {
        var table = Metrics().Query(ByMonthAndDistrict(2025));

        var enumerated = table.Rows.ToList();

        Enumerable.Range(0, table.Rows.Count).Select(i => table.Rows[i]).Should().Equal(enumerated);
        table.Rows.Should().Equal(enumerated, "a second enumeration makes equal rows");
        table.Rows[2].Should().Be(table.Rows[2]).And.NotBeSameAs(table.Rows[2], "a row is made on each read");
    }

    [Fact]
    public void Of_gives_an_indicators_rows_and_none_for_an_indicator_without_rows_or_not_asked_for()
    {
        var table = Metrics().Query(ByMonthAndDistrict(2025));

        foreach (var code in ByMonthAndDistrict(2025).Indicators)
        {
            table.Of(code).Should().Equal(table.Rows.Where(r => r.Indicator == code), code.Value);
        }

        table.Of(IndicatorCodes.HotlineAnswerRate).Select(r => r.District).Should().Equal("浉河区", "未登记区县", "平桥区");
        table.Of(IndicatorCodes.HotlineAnswerRate)[1].Period.Should().Be("2025-03");
        table.Of(IndicatorCodes.CriminalCases).Should().BeEmpty("it has no records");
        table.Of(IndicatorCodes.CivilCases).Should().BeEmpty("it was not asked for, though cases handled needs it");
    }

    [Fact]
    public void Total_is_the_value_of_an_ungrouped_query_and_null_without_rows()
    {
        var table = Metrics().Query(ByMonthAndDistrict(2025) with { GroupBy = MetricGrouping.None });

        table.Total(Calls).Should().Be(22.75m);
        table.Total(Visits).Should().Be(2);
        table.Total(IndicatorCodes.HotlineAnswerRate).Should().Be(43.96m, "10 answered of 22.75 calls");
        table.Total(IndicatorCodes.CasesHandled).Should().Be(2);
        table.Total(IndicatorCodes.CriminalCases).Should().BeNull();
        table.Total(IndicatorCodes.CivilCases).Should().BeNull("it was not asked for");
        table.Rows.Select(r => r.Value).Should().Equal(22.75m, 2m, 43.96m, 2m);
    }

    [Fact]
    public void A_row_index_outside_the_table_is_refused()
    {
        var table = Metrics().Query(ByMonthAndDistrict(2025));

        foreach (var row in new[] { -1, table.Count })
        {
            FluentActions.Invoking(() => table.Rows[row]).Should().Throw<ArgumentOutOfRangeException>();
        }

        FluentActions.Invoking(() => table.Of(Visits)[1]).Should().Throw<ArgumentOutOfRangeException>("visits has one row");
        Metrics().Query(ByMonthAndDistrict(2023)).Rows.Should().BeEmpty();
        Metrics().Query(ByMonthAndDistrict(2023)).Count.Should().Be(0);
    }

    [Fact]
    public void Year_over_year_pairs_the_rows_of_the_two_tables()
    {
        var pairs = Metrics().CompareWithPreviousYear(ByMonthAndDistrict(2025));

        pairs.Select(p => p.Current).Should().Equal(Metrics().Query(ByMonthAndDistrict(2025)).Rows);
        pairs.Select(p => (p.Current.Indicator, p.Current.Period, p.Current.District, p.Previous?.Period, p.Previous?.Value, p.Change)).Should().Equal(
            (Calls, "2025-01", "浉河区", "2024-01", 10m, 0.25m),
            (Calls, "2025-03", "未登记区县", null, null, null),
            (Calls, "2025-03", "平桥区", null, null, null),
            (Visits, "2025-01", "浉河区", null, null, null),
            (IndicatorCodes.HotlineAnswerRate, "2025-01", "浉河区", "2024-01", 80m, 0m),
            (IndicatorCodes.HotlineAnswerRate, "2025-03", "未登记区县", null, null, null),
            (IndicatorCodes.HotlineAnswerRate, "2025-03", "平桥区", null, null, null),
            (IndicatorCodes.CasesHandled, "2025-03", "平桥区", null, null, null));
    }
}
