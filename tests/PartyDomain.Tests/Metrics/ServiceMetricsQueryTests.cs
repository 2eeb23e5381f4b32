using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Time;
using static PartyDomain.Tests.Metrics.MetricsTestData;

namespace PartyDomain.Tests.Metrics;

public class ServiceMetricsQueryTests
{
    private static readonly IndicatorCode Calls = IndicatorCodes.HotlineCalls;

    /// <summary>
    /// C ⊃ G ⊃ B1 (covering F1, 浉河区); C ⊃ B2 (covering F2, 平桥区); F3 has no district. M1 practises at F1, M2 at F2.
    /// </summary>
    private static TestCity City() => new TestCity()
        .GeneralBranch("G").Branch("B1", parent: "G").Branch("B2")
        .Firm("F1").FirmIn("F2", "平桥区").FirmIn("F3", string.Empty)
        .Cover("B1", "F1").Cover("B2", "F2")
        .FullMember("M1").Register("M1", "B1").Employ("M1", "F1")
        .FullMember("M2").Register("M2", "B2").Employ("M2", "F2");

    private static decimal? Total(TestCity city, MetricsQuery query, IndicatorCode? indicator = null)
    {
        var code = indicator ?? Calls;
        return city.Metrics().Query(query with { Indicators = [code] }).Total(code);
    }

    private static MetricsQuery In(ReportingPeriod period) => new() { Period = period };

    // ---- period -------------------------------------------------------------------------------------------------

    [Fact]
    public void A_record_counts_when_every_day_it_covers_is_in_the_period()
    {
        var city = City()
            .YearFigure(Calls, 2024, 1000)
            .MonthFigure(Calls, 2024, 2, 100)
            .Service(Calls, D(2024, 3, 31), 10)
            .Service(Calls, D(2024, 4, 1), 1);
        var metrics = city.Metrics();
        decimal? In(ReportingPeriod p) => metrics.Query(p, MetricGrouping.None, Calls).Total(Calls);

        In(ReportingPeriod.Year(2024)).Should().Be(1111, "a whole year's figure counts in its year");
        In(ReportingPeriod.Quarter(2024, 1)).Should().Be(110, "a year's figure does not count in a quarter; a month's counts in its quarter");
        In(ReportingPeriod.Quarter(2024, 2)).Should().Be(1);
        In(ReportingPeriod.Month(new YearMonth(2024, 2))).Should().Be(100);
        In(ReportingPeriod.Month(new YearMonth(2024, 3))).Should().Be(10);
        In(ReportingPeriod.Of(new DateInterval(D(2024, 2, 15), D(2024, 12, 31)))).Should().Be(11, "a month only half inside the period does not count");
        In(ReportingPeriod.Of(new DateInterval(D(2023, 12, 1), D(2025, 1, 31)))).Should().Be(1111);
        In(ReportingPeriod.Year(2023)).Should().BeNull("nothing was recorded in 2023");
    }

    // ---- filters ------------------------------------------------------------------------------------------------

    [Fact]
    public void Filtering_by_organization_takes_its_whole_subtree()
    {
        var city = City()
            .Service(Calls, D(2025, 1, 5), 1, organization: "G")
            .Service(Calls, D(2025, 1, 5), 10, organization: "B1")
            .Service(Calls, D(2025, 1, 5), 100, organization: "B2")
            .Service(Calls, D(2025, 1, 5), 1000, organization: TestCity.Committee)
            .Service(Calls, D(2025, 1, 5), 10000);
        var year = In(ReportingPeriod.Year(2025));

        Total(city, year with { Organization = TestCity.O("G") }).Should().Be(11);
        Total(city, year with { Organization = TestCity.O("B1") }).Should().Be(10);
        Total(city, year with { Organization = TestCity.O("B2") }).Should().Be(100);
        Total(city, year with { Organization = TestCity.O(TestCity.Committee) }).Should().Be(1111, "a record of no organization is in no subtree");
        Total(city, year).Should().Be(11111);
    }

    [Fact]
    public void Filtering_by_firm_and_member()
    {
        var city = City()
            .Service(Calls, D(2025, 1, 5), 1, firm: "F1", member: "M1")
            .Service(Calls, D(2025, 1, 5), 10, firm: "F1", member: "M2")
            .Service(Calls, D(2025, 1, 5), 100, firm: "F2", member: "M2")
            .Service(Calls, D(2025, 1, 5), 1000);
        var year = In(ReportingPeriod.Year(2025));

        Total(city, year with { Firm = TestCity.F("F1") }).Should().Be(11);
        Total(city, year with { Firm = TestCity.F("F2") }).Should().Be(100);
        Total(city, year with { Firm = TestCity.F("F3") }).Should().BeNull();
        Total(city, year with { Firm = TestCity.F("no-such-firm") }).Should().BeNull();
        Total(city, year with { Member = TestCity.P("M2") }).Should().Be(110);
        Total(city, year with { Member = TestCity.P("M1"), Firm = TestCity.F("F2") }).Should().BeNull("filters combine");
        Total(city, year with { Member = TestCity.P("M2"), Firm = TestCity.F("F2") }).Should().Be(100);
    }

    [Fact]
    public void Filtering_by_district_falls_back_to_the_firms_district()
    {
        var city = City()
            .Service(Calls, D(2025, 1, 5), 1, firm: "F1")
            .Service(Calls, D(2025, 1, 5), 10, firm: "F1", district: "平桥区")
            .Service(Calls, D(2025, 1, 5), 100, firm: "F2")
            .Service(Calls, D(2025, 1, 5), 1000, district: "罗山县")
            .Service(Calls, D(2025, 1, 5), 10000, firm: "F3")
            .Service(Calls, D(2025, 1, 5), 100000);
        var year = In(ReportingPeriod.Year(2025));

        Total(city, year with { District = "浉河区" }).Should().Be(1, "F1's district, unless the record names its own");
        Total(city, year with { District = "平桥区" }).Should().Be(110);
        Total(city, year with { District = "罗山县" }).Should().Be(1000);
        Total(city, year with { District = "光山县" }).Should().BeNull();
    }

    [Fact]
    public void Filtering_by_tags_takes_records_with_any_of_them()
    {
        var city = City()
            .Service(Calls, D(2025, 1, 5), 1, tags: ["春节"])
            .Service(Calls, D(2025, 1, 5), 10, tags: ["普法", "春节"])
            .Service(Calls, D(2025, 1, 5), 100, tags: ["其他"])
            .Service(Calls, D(2025, 1, 5), 1000);
        var year = In(ReportingPeriod.Year(2025));

        Total(city, year with { Tags = ["普法", "春节"] }).Should().Be(11, "a record with both tags counts once");
        Total(city, year with { Tags = ["春节"] }).Should().Be(11);
        Total(city, year with { Tags = ["其他", "没有这个标签"] }).Should().Be(100);
        Total(city, year with { Tags = ["没有这个标签"] }).Should().BeNull();
        Total(city, year).Should().Be(1111);
    }

    // ---- grouping -----------------------------------------------------------------------------------------------

    [Fact]
    public void Without_indicators_every_visible_indicator_with_data_is_a_row_in_catalog_order()
    {
        var city = City()
            .Service(IndicatorCodes.CivilCases, D(2025, 1, 5), 2)
            .Service(Calls, D(2025, 1, 5), 10)
            .Service(IndicatorCodes.CriminalCases, D(2025, 1, 5), 3);

        var table = city.Metrics().Query(ReportingPeriod.Year(2025));

        table.Rows.Select(r => (r.Indicator, r.Value)).Should().Equal(
            (Calls, 10m),
            (IndicatorCodes.HotlineAnswerRate, 0m),
            (IndicatorCodes.CriminalCases, 3m),
            (IndicatorCodes.CivilCases, 2m),
            (IndicatorCodes.CasesHandled, 5m));
        table.Rows.Should().OnlyContain(r => r.Period == null && r.Organization == null && r.Firm == null && r.District == null);
    }

    [Fact]
    public void Rows_follow_the_order_of_the_indicators_asked_for()
    {
        var city = City().Service(IndicatorCodes.CivilCases, D(2025, 1, 5), 2).Service(Calls, D(2025, 1, 5), 10);

        var table = city.Metrics().Query(ReportingPeriod.Year(2025), MetricGrouping.None, IndicatorCodes.CivilCases, Calls);

        table.Rows.Select(r => r.Indicator).Should().Equal(IndicatorCodes.CivilCases, Calls);
        table.Of(Calls).Should().ContainSingle().Which.Value.Should().Be(10);
    }

    [Fact]
    public void Grouping_by_month_shows_a_whole_years_figure_under_the_year()
    {
        var city = City()
            .Service(Calls, D(2024, 1, 5), 1)
            .Service(Calls, D(2024, 1, 20), 2)
            .MonthFigure(Calls, 2024, 2, 10)
            .Service(Calls, D(2024, 12, 31), 5)
            .YearFigure(Calls, 2024, 100);

        var table = city.Metrics().Query(ReportingPeriod.Year(2024), MetricGrouping.Month, Calls);

        table.Rows.Select(r => (r.Period, r.Value, r.Records)).Should().Equal(("2024-01", 3m, 2L), ("2024-02", 10m, 1L), ("2024-12", 5m, 1L), ("2024", 100m, 1L));
    }

    [Fact]
    public void Grouping_by_quarter_puts_month_figures_in_their_quarter_and_year_figures_under_the_year()
    {
        var city = City()
            .Service(Calls, D(2024, 1, 5), 1)
            .MonthFigure(Calls, 2024, 3, 10)
            .MonthFigure(Calls, 2024, 4, 20)
            .Service(Calls, D(2024, 12, 31), 5)
            .YearFigure(Calls, 2024, 100);

        var table = city.Metrics().Query(ReportingPeriod.Year(2024), MetricGrouping.Quarter, Calls);

        table.Rows.Select(r => (r.Period, r.Value)).Should().Equal(("2024-Q1", 11m), ("2024-Q2", 20m), ("2024-Q4", 5m), ("2024", 100m));
    }

    [Fact]
    public void Grouping_by_year_across_years()
    {
        var city = City()
            .Service(Calls, D(2023, 7, 5), 1)
            .YearFigure(Calls, 2023, 10)
            .Service(Calls, D(2024, 12, 31), 100)
            .Service(Calls, D(2025, 1, 1), 1000);

        var table = city.Metrics().Query(ReportingPeriod.Of(new DateInterval(D(2023, 1, 1), D(2024, 12, 31))), MetricGrouping.Year, Calls);

        table.Rows.Select(r => (r.Period, r.Value)).Should().Equal(("2023", 11m), ("2024", 100m));
    }

    [Fact]
    public void Grouping_by_month_over_a_period_starting_mid_year()
    {
        var city = City()
            .Service(Calls, D(2024, 6, 30), 1)
            .Service(Calls, D(2024, 7, 1), 10)
            .Service(Calls, D(2025, 2, 3), 100);

        var table = city.Metrics().Query(ReportingPeriod.Of(new DateInterval(D(2024, 7, 1), D(2025, 6, 15))), MetricGrouping.Month, Calls);

        table.Rows.Select(r => (r.Period, r.Value)).Should().Equal(("2024-07", 10m), ("2025-02", 100m));
    }

    [Fact]
    public void Grouping_by_organization_firm_and_district()
    {
        var city = City()
            .Service(Calls, D(2025, 1, 5), 1, organization: "B1", firm: "F1")
            .Service(Calls, D(2025, 1, 6), 2, organization: "B1", firm: "F1", district: "平桥区")
            .Service(Calls, D(2025, 1, 7), 10, organization: "B2", firm: "F2")
            .Service(Calls, D(2025, 1, 8), 100);
        var metrics = city.Metrics();

        metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.Organization, Calls).Rows.Select(r => (r.Organization, r.Value))
            .Should().BeEquivalentTo(new[] { ((OrganizationId?)TestCity.O("B1"), (decimal?)3m), (TestCity.O("B2"), 10m), (null, 100m) });
        metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.Firm, Calls).Rows.Select(r => (r.Firm, r.Value))
            .Should().BeEquivalentTo(new[] { ((FirmId?)TestCity.F("F1"), (decimal?)3m), (TestCity.F("F2"), 10m), (null, 100m) });
        metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.District, Calls).Rows.Select(r => (r.District, r.Value))
            .Should().BeEquivalentTo(new[] { ("浉河区", (decimal?)1m), ("平桥区", 12m), ("未登记区县", 100m) });
    }

    [Fact]
    public void Grouping_by_several_dimensions_at_once()
    {
        var city = City()
            .Service(Calls, D(2025, 1, 5), 1, firm: "F1")
            .Service(Calls, D(2025, 2, 5), 2, firm: "F1")
            .Service(Calls, D(2025, 2, 6), 4, firm: "F1", district: "平桥区")
            .Service(Calls, D(2025, 4, 5), 8, firm: "F1")
            .Service(Calls, D(2025, 3, 5), 16, firm: "F2")
            .YearFigure(Calls, 2024, 32);

        var table = city.Metrics().Query(ReportingPeriod.Of(new DateInterval(D(2024, 1, 1), D(2025, 6, 15))), MetricGrouping.Quarter | MetricGrouping.Firm | MetricGrouping.District, Calls);

        table.Rows.Select(r => (r.Period, r.Firm?.Value, r.District, r.Value)).Should().Equal(
            ("2025-Q1", "F1", "浉河区", 3m),
            ("2025-Q1", "F1", "平桥区", 4m),
            ("2025-Q1", "F2", "平桥区", 16m),
            ("2025-Q2", "F1", "浉河区", 8m),
            ("2024", null, "未登记区县", 32m));
    }

    [Fact]
    public void Grouping_by_two_time_units_throws()
    {
        var metrics = City().Metrics();

        foreach (var grouping in new[] { MetricGrouping.Month | MetricGrouping.Quarter, MetricGrouping.Year | MetricGrouping.Month, MetricGrouping.Year | MetricGrouping.Quarter | MetricGrouping.Firm })
        {
            var query = () => metrics.Query(ReportingPeriod.Year(2025), grouping);
            query.Should().Throw<ArgumentException>(grouping.ToString());
        }
    }

    [Fact]
    public void An_unknown_indicator_in_a_query_throws()
    {
        var metrics = City().Service(Calls, D(2025, 1, 5), 1).Metrics();

        var query = () => metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.None, Calls, Code("no-such-figure"));

        query.Should().Throw<ArgumentException>().WithMessage("*no-such-figure*");
    }

    // ---- aggregations -------------------------------------------------------------------------------------------

    [Fact]
    public void Count_counts_records_whatever_their_quantity()
    {
        var catalog = IndicatorCatalog.CreateDefault().Add(OwnSum("visits") with { Aggregation = Aggregation.Count });
        var city = City()
            .Service(Code("visits"), D(2025, 1, 5), 5)
            .Service(Code("visits"), D(2025, 1, 6), 7)
            .Service(Code("visits"), D(2025, 2, 6), 0);

        var table = city.Metrics(catalog).Query(ReportingPeriod.Year(2025), MetricGrouping.Month, Code("visits"));

        table.Rows.Select(r => (r.Period, r.Value)).Should().Equal(("2025-01", 2m), ("2025-02", 1m));
    }

    [Fact]
    public void A_distinct_count_counts_the_same_subject_once()
    {
        var city = City()
            .Service(IndicatorCodes.AdviserPosts, D(2025, 1, 5), subject: "某村委会", member: "M1", firm: "F1")
            .Service(IndicatorCodes.AdviserPosts, D(2025, 2, 5), subject: "某村委会", member: "M2", firm: "F2")
            .Service(IndicatorCodes.AdviserPosts, D(2025, 2, 9), 3, subject: "某中学", member: "M2", firm: "F2")
            .Service(IndicatorCodes.AdviserPosts, D(2025, 1, 1), subject: "某村委会", span: RecordSpan.Year);
        var metrics = city.Metrics();

        var total = metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.None, IndicatorCodes.AdviserPosts).Rows.Should().ContainSingle().Which;
        total.Value.Should().Be(2, "two distinct units are advised, whatever the quantities");
        total.Records.Should().Be(4);
        metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.Month, IndicatorCodes.AdviserPosts).Rows.Select(r => (r.Period, r.Value))
            .Should().Equal(("2025-01", 1m), ("2025-02", 2m), ("2025", 1m));
        metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.Firm, IndicatorCodes.AdviserPosts).Rows.Select(r => (r.Firm?.Value, r.Value))
            .Should().BeEquivalentTo(new[] { ((string?)"F1", (decimal?)1m), ("F2", 2m), (null, 1m) });
    }

    [Fact]
    public void A_distinct_count_by_member_counts_each_member_once()
    {
        var catalog = IndicatorCatalog.CreateDefault().Add(OwnSum("serving-lawyers") with { Aggregation = Aggregation.DistinctCount, DistinctBy = MetricDimensions.Member, Unit = Units.People });
        var city = City()
            .Service(Code("serving-lawyers"), D(2025, 1, 5), member: "M1", subject: "甲")
            .Service(Code("serving-lawyers"), D(2025, 1, 6), member: "M1", subject: "乙")
            .Service(Code("serving-lawyers"), D(2025, 1, 7), member: "M2", subject: "甲");

        city.Metrics(catalog).Query(ReportingPeriod.Year(2025), MetricGrouping.None, Code("serving-lawyers")).Total(Code("serving-lawyers")).Should().Be(2);
    }

    [Fact]
    public void Latest_takes_the_quantity_of_the_latest_dated_record_in_each_group()
    {
        var catalog = IndicatorCatalog.CreateDefault().Add(OwnSum("workstations") with { Aggregation = Aggregation.Latest, Unit = Units.Establishments });
        var city = City()
            .Service(Code("workstations"), D(2025, 1, 1), 100, organization: "B1")
            .Service(Code("workstations"), D(2025, 3, 1), 120, organization: "B1")
            .Service(Code("workstations"), D(2025, 2, 1), 130, organization: "B1")
            .Service(Code("workstations"), D(2025, 4, 1), 7.5m, organization: "B2");
        var metrics = city.Metrics(catalog);

        metrics.Query(ReportingPeriod.Quarter(2025, 1), MetricGrouping.None, Code("workstations")).Total(Code("workstations")).Should().Be(120, "the latest by date, not by insertion");
        metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.None, Code("workstations")).Total(Code("workstations")).Should().Be(7.5m);
        metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.Quarter | MetricGrouping.Organization, Code("workstations")).Rows
            .Select(r => (r.Period, r.Organization?.Value, r.Value))
            .Should().Equal(("2025-Q1", "B1", 120m), ("2025-Q2", "B2", 7.5m));
    }

    [Fact]
    public void Cases_handled_is_the_sum_of_its_four_components_in_each_group()
    {
        var city = City()
            .Service(IndicatorCodes.CriminalCases, D(2025, 1, 5), 1, firm: "F1")
            .Service(IndicatorCodes.CivilCases, D(2025, 1, 5), 2, firm: "F1")
            .Service(IndicatorCodes.NonLitigationCases, D(2025, 1, 5), 3, firm: "F1")
            .Service(IndicatorCodes.ArbitrationCases, D(2025, 1, 5), 4, firm: "F1")
            .Service(IndicatorCodes.CivilCases, D(2025, 2, 5), 5.5m, firm: "F2")
            .Service(IndicatorCodes.LegalAidCases, D(2025, 2, 5), 1000, firm: "F2");
        var metrics = city.Metrics();

        var byFirm = metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.Firm, IndicatorCodes.CasesHandled);
        var total = metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.None, IndicatorCodes.CasesHandled).Rows.Should().ContainSingle().Which;
        var filtered = metrics.Query(new MetricsQuery { Period = ReportingPeriod.Year(2025), Firm = TestCity.F("F1"), Indicators = [IndicatorCodes.CasesHandled] });

        byFirm.Rows.Select(r => (r.Firm?.Value, r.Value, r.Records)).Should().BeEquivalentTo(new[] { ((string?)"F1", (decimal?)10m, 4L), ("F2", 5.5m, 1L) });
        total.Value.Should().Be(15.5m);
        total.Records.Should().Be(5);
        total.Unit.Should().Be(Units.Cases);
        filtered.Total(IndicatorCodes.CasesHandled).Should().Be(10);
    }

    [Fact]
    public void Answer_rate_is_answered_over_calls_as_a_percentage_rounded_to_two_places()
    {
        var city = City()
            .Service(Calls, D(2025, 1, 5), 3).Service(IndicatorCodes.HotlineAnswered, D(2025, 1, 5), 2)
            .Service(Calls, D(2025, 2, 5), 0).Service(IndicatorCodes.HotlineAnswered, D(2025, 2, 5), 0)
            .Service(IndicatorCodes.HotlineAnswered, D(2025, 3, 5), 5)
            .Service(Calls, D(2025, 4, 5), 4)
            .Service(Calls, D(2025, 5, 5), 8).Service(IndicatorCodes.HotlineAnswered, D(2025, 5, 5), 1);
        var metrics = city.Metrics();

        var byMonth = metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.Month, IndicatorCodes.HotlineAnswerRate);

        byMonth.Rows.Select(r => (r.Period, r.Value)).Should().Equal(
            ("2025-01", 66.67m),
            ("2025-02", (decimal?)null),
            ("2025-03", (decimal?)null),
            ("2025-04", 0m),
            ("2025-05", 12.5m));
        byMonth.Rows.Should().OnlyContain(r => r.Unit == Units.Percent);
        byMonth.Rows[0].Records.Should().Be(2);
        metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.None, IndicatorCodes.HotlineAnswerRate).Total(IndicatorCodes.HotlineAnswerRate)
            .Should().Be(53.33m, "8 of 15 over the year, not the average of the monthly rates");
    }

    [Fact]
    public void Satisfaction_rate_is_satisfied_over_surveyed()
    {
        var city = City()
            .Service(IndicatorCodes.HotlineSurveyed, D(2025, 1, 5), 50).Service(IndicatorCodes.HotlineSatisfied, D(2025, 1, 5), 45)
            .Service(IndicatorCodes.HotlineSurveyed, D(2025, 2, 5), 30).Service(IndicatorCodes.HotlineSatisfied, D(2025, 2, 5), 29);

        city.Metrics().Query(ReportingPeriod.Year(2025), MetricGrouping.None, IndicatorCodes.HotlineSatisfactionRate).Total(IndicatorCodes.HotlineSatisfactionRate)
            .Should().Be(92.5m);
    }

    [Fact]
    public void Sums_are_exact_to_four_decimal_places()
    {
        var city = City();
        for (var i = 0; i < 10_000; i++)
        {
            city.Service(Calls, D(2025, 1, 1).PlusDays(i % 150), 0.0001m);
        }

        city.Service(IndicatorCodes.CivilCases, D(2025, 1, 5), 0.1m).Service(IndicatorCodes.CivilCases, D(2025, 1, 5), 0.2m)
            .Service(IndicatorCodes.CriminalCases, D(2025, 1, 5), 1234.5678m).Service(IndicatorCodes.CriminalCases, D(2025, 1, 5), 0.0002m);
        var table = city.Metrics().Query(ReportingPeriod.Year(2025));

        table.Total(Calls).Should().Be(1m);
        table.Total(IndicatorCodes.CivilCases).Should().Be(0.3m);
        table.Total(IndicatorCodes.CriminalCases).Should().Be(1234.568m);
        table.Total(IndicatorCodes.CasesHandled).Should().Be(1234.868m);
    }

    [Fact]
    public void Large_sums_do_not_overflow()
    {
        var city = new TestCity();
        for (var i = 0; i < 10_000; i++)
        {
            city.Service(Calls, D(2025, 1, 1).PlusDays(i % 150), 100_000_000_000m);
        }

        city.Metrics().Query(ReportingPeriod.Year(2025), MetricGrouping.None, Calls).Total(Calls).Should().Be(1_000_000_000_000_000m);
    }

    // ---- names, units, hidden -----------------------------------------------------------------------------------

    [Fact]
    public void Rows_carry_the_indicators_name_and_unit()
    {
        var catalog = IndicatorCatalog.CreateDefault().Rename(IndicatorCodes.VillageLegalOpinions, new("为村居提供法律意见书", "Village opinions"));
        var city = City()
            .Service(IndicatorCodes.VillageLegalOpinions, D(2025, 1, 5), 3)
            .Service(IndicatorCodes.LegalAidCases, D(2025, 1, 5), 3);

        var table = city.Metrics(catalog).Query(ReportingPeriod.Year(2025));

        var village = table.Of(IndicatorCodes.VillageLegalOpinions).Should().ContainSingle().Which;
        village.Name.Should().Be(new LocalizedText("为村居提供法律意见书", "Village opinions"));
        village.Unit.Should().Be(Units.Items);
        village.Unit.Chinese.Should().Be("条");
        var aid = table.Of(IndicatorCodes.LegalAidCases).Should().ContainSingle().Which;
        aid.Name.Should().Be(new LocalizedText("办理法律援助案件", "Legal-aid cases handled"));
        aid.Unit.Chinese.Should().Be("件");
    }

    [Fact]
    public void Hidden_indicators_are_left_out_unless_asked_for_and_still_feed_derived_ones()
    {
        var catalog = IndicatorCatalog.CreateDefault().Hide(Calls);
        var city = City().Service(Calls, D(2025, 1, 5), 10).Service(IndicatorCodes.HotlineAnswered, D(2025, 1, 5), 9);
        var metrics = city.Metrics(catalog);

        var report = metrics.Query(ReportingPeriod.Year(2025));
        var asked = metrics.Query(ReportingPeriod.Year(2025), MetricGrouping.None, Calls);

        report.Of(Calls).Should().BeEmpty();
        report.Total(IndicatorCodes.HotlineAnswered).Should().Be(9);
        report.Total(IndicatorCodes.HotlineAnswerRate).Should().Be(90);
        asked.Total(Calls).Should().Be(10);
    }

    // ---- dense and sparse tables --------------------------------------------------------------------------------

    [Fact]
    public void A_query_with_too_many_groups_for_a_dense_table_gives_the_same_rows()
    {
        // 31 organizations × 30 firms × 2 districts grouped by month: over a year the table is dense; over 26 years it
        // is too big (more than eight million cells) and the engine switches to a sparse one.
        var city = new TestCity();
        for (var i = 1; i <= 30; i++)
        {
            city.Branch($"B{i}").FirmIn($"F{i}", i % 2 == 0 ? "平桥区" : "浉河区").Cover($"B{i}", $"F{i}");
            city.Service(Calls, D(2025, (i % 5) + 1, 10), i, organization: $"B{i}", firm: $"F{i}");
            city.Service(IndicatorCodes.HotlineAnswered, D(2025, (i % 5) + 1, 11), i - 1, organization: $"B{i}", firm: $"F{i}", district: i % 3 == 0 ? "罗山县" : null);
            city.Service(IndicatorCodes.AdviserPosts, D(2025, (i % 5) + 1, 12), subject: i % 4 == 0 ? "某村" : $"单位{i}", organization: $"B{i}", firm: $"F{i}");
        }

        var metrics = city.Metrics();
        var grouping = MetricGrouping.Month | MetricGrouping.Organization | MetricGrouping.Firm | MetricGrouping.District;
        var indicators = new[] { Calls, IndicatorCodes.HotlineAnswered, IndicatorCodes.HotlineAnswerRate, IndicatorCodes.AdviserPosts };

        var dense = metrics.Query(ReportingPeriod.Year(2025), grouping, indicators);
        var sparse = metrics.Query(ReportingPeriod.Of(new DateInterval(D(2000, 1, 1), D(2025, 6, 15))), grouping, indicators);

        dense.Rows.Should().HaveCount(30 + 30 + 40 + 30);
        sparse.Rows.Should().Equal(dense.Rows);
        dense.Rows.Should().Contain(r => r.Indicator == Calls && r.Organization == TestCity.O("B7") && r.Firm == TestCity.F("F7") && r.District == "浉河区" && r.Period == "2025-03" && r.Value == 7);
    }
}
