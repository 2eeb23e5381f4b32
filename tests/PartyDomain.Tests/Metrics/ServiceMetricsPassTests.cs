using System.Globalization;
using PartyDomain.Data;
using PartyDomain.Metrics;
using PartyDomain.Time;
using static PartyDomain.Tests.Metrics.MetricsTestData;

namespace PartyDomain.Tests.Metrics;

/// <summary>
/// The specialized pass (whole-month periods, at most one grouping dimension besides time, split over cores, several
/// passes when its table is too big) gives exactly the rows of the general pass, values printed the same way.
/// </summary>
public class ServiceMetricsPassTests
{
    private static readonly IndicatorCode Calls = IndicatorCodes.HotlineCalls;
    private static readonly IndicatorCode Visits = Code("visits");
    private static readonly IndicatorCode Fees = Code("fees");

    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.CreateDefault()
        .Add(OwnSum("visits") with { Aggregation = Aggregation.Count })
        .Add(OwnSum("fees"));

    private static readonly Lazy<CityDataset> Dataset = new(Build);

    public static TheoryData<string, MetricGrouping> Shapes()
    {
        var periods = new[] { "2024", "2024-Q2", "2025-03", "2023-01..2025-12", "2023-07..2024-06" };
        var groupings = new[] { MetricGrouping.None, MetricGrouping.Month, MetricGrouping.Quarter, MetricGrouping.Year };
        var dimensions = new[] { MetricGrouping.None, MetricGrouping.Organization, MetricGrouping.Firm, MetricGrouping.District };
        var data = new TheoryData<string, MetricGrouping>();
        foreach (var period in periods)
        {
            foreach (var time in groupings)
            {
                foreach (var dimension in dimensions)
                {
                    data.Add(period, time | dimension);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_specialized_pass_gives_the_rows_of_the_general_pass(string period, MetricGrouping groupBy)
    {
        var query = new MetricsQuery { Period = Period(period), GroupBy = groupBy };
        ServiceMetrics.IsScanShape(query).Should().BeTrue();

        var general = new ServiceMetrics(Dataset.Value) { GeneralPassOnly = true }.Query(query);

        general.Rows.Should().NotBeEmpty();
        Same(new ServiceMetrics(Dataset.Value) { MaxDegreeOfParallelism = 1 }.Query(query), general);
        Same(new ServiceMetrics(Dataset.Value) { MaxDegreeOfParallelism = 3, RecordsPerPartition = 100 }.Query(query), general);
        Same(new ServiceMetrics(Dataset.Value) { CellBudget = 4_000 }.Query(query), general);
    }

    [Theory]
    [InlineData(MetricGrouping.Month | MetricGrouping.District)]
    [InlineData(MetricGrouping.Organization)]
    public void Summed_and_counted_indicators_asked_for_alone_give_the_rows_of_the_general_pass(MetricGrouping groupBy)
    {
        var query = new MetricsQuery { Period = ReportingPeriod.Year(2024), GroupBy = groupBy, Indicators = [Fees, Visits, Calls] };

        var general = new ServiceMetrics(Dataset.Value) { GeneralPassOnly = true }.Query(query);

        general.Rows.Select(r => r.Indicator).Distinct().Should().Equal(Fees, Visits, Calls);
        Same(new ServiceMetrics(Dataset.Value) { MaxDegreeOfParallelism = 2, RecordsPerPartition = 100, CellBudget = 2_000 }.Query(query), general);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    public void Ingesting_in_shares_gives_the_same_engine(int shares)
    {
        var one = new ServiceMetrics(Dataset.Value, 1);
        var split = new ServiceMetrics(Dataset.Value, shares);
        var year = ReportingPeriod.Of(new DateInterval(D(2022, 1, 1), D(2025, 12, 31)));
        MetricsQuery[] queries =
        [
            new() { Period = year, GroupBy = MetricGrouping.Month | MetricGrouping.District },
            new() { Period = year, GroupBy = MetricGrouping.Quarter | MetricGrouping.Organization | MetricGrouping.Firm | MetricGrouping.District },
            new() { Period = year, GroupBy = MetricGrouping.Year, Tags = ["专项"] },
            new() { Period = year, GroupBy = MetricGrouping.Year, Member = TestCity.P("M1") },
            new() { Period = year, GroupBy = MetricGrouping.District, District = "新县" },
            new() { Period = ReportingPeriod.Of(new DateInterval(D(2023, 2, 10), D(2024, 11, 20))), GroupBy = MetricGrouping.Month },
        ];

        foreach (var query in queries)
        {
            var expected = one.Query(query);
            expected.Rows.Should().NotBeEmpty();
            Same(split.Query(query), expected);
        }
    }

    [Fact]
    public void Sums_are_written_as_the_decimal_division_writes_them()
    {
        var random = new Random(3);
        var sums = new List<Int128> { 0, 1, 9, 10, 100, 1_000, 10_000, 12_340, 12_345, 99_990_000, 1_000_000_000_000, long.MaxValue, (Int128)long.MaxValue + 1, -10_000 };
        for (var i = 0; i < 10_000; i++)
        {
            sums.Add(random.NextInt64(0, 1L << (1 + (i % 62))) * (i % 3 == 0 ? 1_000 : 1));
        }

        foreach (var sum in sums)
        {
            var expected = (decimal)sum / 10_000;
            ServiceMetrics.Unscaled(sum).ToString(CultureInfo.InvariantCulture).Should().Be(expected.ToString(CultureInfo.InvariantCulture), $"{sum} × 10^-4");
        }
    }

    [Fact]
    public void Queries_of_another_shape_take_the_general_pass()
    {
        var year = ReportingPeriod.Year(2024);
        ServiceMetrics.IsScanShape(new MetricsQuery { Period = ReportingPeriod.Of(new DateInterval(D(2024, 1, 2), D(2024, 12, 31))) }).Should().BeFalse();
        ServiceMetrics.IsScanShape(new MetricsQuery { Period = ReportingPeriod.Of(new DateInterval(D(2024, 1, 1), D(2024, 12, 30))) }).Should().BeFalse();
        ServiceMetrics.IsScanShape(new MetricsQuery { Period = year, GroupBy = MetricGrouping.Firm | MetricGrouping.District }).Should().BeFalse();
        ServiceMetrics.IsScanShape(new MetricsQuery { Period = year, District = "平桥区" }).Should().BeFalse();
        ServiceMetrics.IsScanShape(new MetricsQuery { Period = year, Tags = ["t"] }).Should().BeFalse();
    }

    [Fact]
    public void Quantities_beyond_32_bits_give_the_rows_of_the_general_pass()
    {
        var city = new TestCity().Firm("F1").BranchOf("B1", "F1");
        for (var i = 0; i < 200; i++)
        {
            city.Service(Calls, D(2024, 1, 1).PlusDays(i), i % 7 == 0 ? 9_000_000_000.1234m : i + 0.5m, organization: "B1", firm: "F1");
        }

        var dataset = city.Build();
        var query = new MetricsQuery { Period = ReportingPeriod.Year(2024), GroupBy = MetricGrouping.Month | MetricGrouping.Firm, Indicators = [Calls] };

        var general = new ServiceMetrics(dataset) { GeneralPassOnly = true }.Query(query);

        general.Rows.Should().HaveCount(7);
        Same(new ServiceMetrics(dataset) { RecordsPerPartition = 10 }.Query(query), general);
    }

    private static void Same(MetricsTable actual, MetricsTable expected)
    {
        actual.Rows.Should().Equal(expected.Rows);
        actual.Rows.Select(r => r.Value?.ToString(CultureInfo.InvariantCulture)).Should().Equal(expected.Rows.Select(r => r.Value?.ToString(CultureInfo.InvariantCulture)));
    }

    private static ReportingPeriod Period(string text)
    {
        static LocalDate Month(string yearMonth, bool end)
        {
            var start = new LocalDate(int.Parse(yearMonth[..4], CultureInfo.InvariantCulture), int.Parse(yearMonth[5..], CultureInfo.InvariantCulture), 1);
            return end ? start.PlusMonths(1).PlusDays(-1) : start;
        }

        return text.Length switch
        {
            4 => ReportingPeriod.Year(int.Parse(text, CultureInfo.InvariantCulture)),
            7 when text[5] == 'Q' => ReportingPeriod.Quarter(int.Parse(text[..4], CultureInfo.InvariantCulture), text[6] - '0'),
            7 => ReportingPeriod.Month(new YearMonth(int.Parse(text[..4], CultureInfo.InvariantCulture), int.Parse(text[5..], CultureInfo.InvariantCulture))),
            _ => ReportingPeriod.Of(new DateInterval(Month(text[..7], end: false), Month(text[9..], end: true))),
        };
    }

    /// <summary>
    /// Three years of records (mid-2022 to mid-2025) of summed, counted, derived (cases handled, answer rate) and distinct-counted indicators:
    /// days, months and years; with and without organization, firm and district; districts of their own or their
    /// firm's; some by a member, some tagged; quantities with up to four decimal places.
    /// </summary>
    private static CityDataset Build()
    {
        var city = new TestCity()
            .GeneralBranch("G").Branch("B1", parent: "G").Branch("B2").Branch("B3").Branch("B4", parent: "G")
            .Firm("F1").FirmIn("F2", "平桥区").FirmIn("F3", string.Empty).FirmIn("F4", "罗山县")
            .Cover("B1", "F1").Cover("B2", "F2").Cover("B3", "F3").Cover("B4", "F4")
            .FullMember("M1").Register("M1", "B1").Employ("M1", "F1")
            .FullMember("M2").Register("M2", "B2").Employ("M2", "F2");
        var random = new Random(11);
        string?[] organizations = ["G", "B1", "B2", "B3", "B4", null];
        string?[] firms = ["F1", "F2", "F3", "F4", null];
        string?[] districts = [null, null, null, "新县", "光山县"];
        IndicatorCode[] indicators = [Calls, IndicatorCodes.HotlineAnswered, IndicatorCodes.CivilCases, IndicatorCodes.CriminalCases, Visits, Fees];
        for (var i = 0; i < 1_500; i++)
        {
            var indicator = indicators[random.Next(indicators.Length)];
            // From mid-2022 to before the test city's today (2025-06-15); whole years up to 2024.
            var day = D(2022, 6, 1).PlusDays(random.Next(3 * 365));
            var span = random.Next(20) switch { 0 => RecordSpan.Month, 1 when day.Year < 2025 => RecordSpan.Year, _ => RecordSpan.Day };
            var date = span switch { RecordSpan.Month => day.With(DateAdjusters.StartOfMonth), RecordSpan.Year => new LocalDate(day.Year, 1, 1), _ => day };
            var quantity = indicator == Fees ? new decimal(random.Next(1, 10_000_000), 0, 0, false, 4) : random.Next(0, 30);
            var firm = firms[random.Next(firms.Length)];
            city.Service(indicator, date, quantity, organization: organizations[random.Next(organizations.Length)],
                firm: firm, district: districts[random.Next(districts.Length)], span: span,
                member: (firm, random.Next(3)) switch { ("F1", 0) => "M1", ("F2", 0) => "M2", _ => null },
                tags: random.Next(10) switch { 0 => ["专项"], 1 => ["专项", "乡村"], 2 => ["乡村"], _ => null });
        }

        for (var i = 0; i < 40; i++)
        {
            city.Service(IndicatorCodes.AdviserPosts, D(2022, 6, 1).PlusDays(random.Next(3 * 365)), subject: $"单位{random.Next(10)}",
                organization: organizations[random.Next(organizations.Length - 1)]);
        }

        return city.Build(Catalog);
    }
}
