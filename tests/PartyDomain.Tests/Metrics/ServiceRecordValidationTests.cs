using PartyDomain.Data;
using PartyDomain.Metrics;
using static PartyDomain.Tests.Metrics.MetricsTestData;

namespace PartyDomain.Tests.Metrics;

public class ServiceRecordValidationTests
{
    private const string Entity = "ServiceRecord";

    /// <summary>A branch B covering firm F, with member M registered there and practising there.</summary>
    private static TestCity City() => new TestCity().Branch("B").Firm("F").Cover("B", "F").FullMember("M").Register("M", "B").Employ("M", "F");

    /// <summary>The built-in catalog plus <c>district-only</c>, which may be broken down by district only.</summary>
    private static IndicatorCatalog WithDistrictOnly() => IndicatorCatalog.CreateDefault().Add(OwnSum("district-only", MetricDimensions.District));

    private static DatasetProblem Single(TestCity city, IndicatorCatalog? catalog = null)
    {
        var problems = city.Builder(catalog ?? IndicatorCatalog.CreateDefault()).Validate();
        return problems.Should().ContainSingle().Which;
    }

    [Fact]
    public void A_clean_record_of_every_dimension_is_accepted()
    {
        var city = City()
            .Service(IndicatorCodes.HotlineCalls, D(2025, 6, 15), 12.3456m, member: "M", firm: "F", organization: "B", district: "平桥区", subject: "某村", channel: "12348热线", id: "S1", tags: ["春节"])
            .Service(IndicatorCodes.HotlineCalls, D(2025, 5, 1), 0, span: RecordSpan.Month)
            .Service(IndicatorCodes.HotlineCalls, D(2024, 1, 1), 1.50000m, span: RecordSpan.Year)
            .Service(IndicatorCodes.AdviserPosts, D(2025, 1, 1), subject: "某村委会", span: RecordSpan.Year);

        city.Validate().Should().BeEmpty();
        city.Build().Services.Should().HaveCount(4);
    }

    [Fact]
    public void An_unknown_indicator_is_reported_with_its_code()
    {
        var problem = Single(City().Service(Code("no-such-figure"), D(2025, 1, 5), 3, id: "S1"));

        problem.Essentials().Should().Be(("unknown-reference", Entity, "S1", "Indicator", "no-such-figure"));
    }

    [Fact]
    public void A_record_of_a_removed_indicator_is_refused_as_unknown()
    {
        var catalog = IndicatorCatalog.CreateDefault();
        catalog.Remove(IndicatorCodes.VillageLegalOpinions);

        var problem = Single(City().Service(IndicatorCodes.VillageLegalOpinions, D(2025, 1, 5), 3, id: "S1"), catalog);

        problem.Essentials().Should().Be(("unknown-reference", Entity, "S1", "Indicator", "village-legal-opinions"));
    }

    [Fact]
    public void A_record_of_a_hidden_indicator_is_still_accepted()
    {
        var catalog = IndicatorCatalog.CreateDefault().Hide(IndicatorCodes.VillageLegalOpinions);

        City().Service(IndicatorCodes.VillageLegalOpinions, D(2025, 1, 5), 3).Builder(catalog).Validate().Should().BeEmpty();
    }

    [Theory]
    [InlineData("cases-handled")]
    [InlineData("hotline-answer-rate")]
    [InlineData("hotline-satisfaction-rate")]
    [InlineData("leadership-visits")]
    [InlineData("red-education-attendees")]
    [InlineData("law-popularization-participants")]
    [InlineData("platform-recorded-activities")]
    public void A_computed_indicator_takes_no_records(string code)
    {
        var problem = Single(City().Service(Code(code), D(2025, 1, 5), 3, id: "S1"));

        problem.Essentials().Should().Be(("invalid-kind", Entity, "S1", "Indicator", code));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.0001")]
    public void A_negative_quantity_is_reported(string quantity)
    {
        var q = decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture);

        var problem = Single(City().Service(IndicatorCodes.HotlineCalls, D(2025, 1, 5), q, id: "S1"));

        problem.Essentials().Should().Be(("invalid-value", Entity, "S1", "Quantity", quantity));
    }

    [Theory]
    [InlineData("1.00001")]
    [InlineData("0.12345")]
    public void A_quantity_with_more_than_four_decimal_places_is_reported(string quantity)
    {
        var q = decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture);

        var problem = Single(City().Service(IndicatorCodes.HotlineCalls, D(2025, 1, 5), q, id: "S1"));

        problem.Essentials().Should().Be(("invalid-value", Entity, "S1", "Quantity", quantity));
    }

    [Fact]
    public void Four_decimal_places_and_trailing_zeros_are_accepted()
    {
        City()
            .Service(IndicatorCodes.HotlineCalls, D(2025, 1, 5), 0.0001m)
            .Service(IndicatorCodes.HotlineCalls, D(2025, 1, 5), 2.500000m)
            .Validate().Should().BeEmpty();
    }

    [Fact]
    public void A_dimension_the_indicator_does_not_allow_is_reported()
    {
        var city = City()
            .Service(Code("district-only"), D(2025, 1, 5), 3, district: "浉河区", id: "ok")
            .Service(Code("district-only"), D(2025, 1, 5), 3, district: "浉河区", member: "M", id: "S1");

        var problem = Single(city, WithDistrictOnly());

        problem.Code.Should().Be("dimension-not-allowed");
        problem.Entity.Should().Be(Entity);
        problem.Key.Should().Be("S1");
        problem.Field.Should().Be("Member");
        problem.Message.English.Should().Contain("district-only");
    }

    [Fact]
    public void A_dimension_the_indicator_does_not_allow_names_the_offending_value()
    {
        var problem = Single(City().Service(Code("district-only"), D(2025, 1, 5), 3, member: "M", id: "S1"), WithDistrictOnly());

        problem.Essentials().Should().Be(("dimension-not-allowed", Entity, "S1", "Member", "M"));
    }

    [Fact]
    public void Every_dimension_the_indicator_does_not_allow_is_reported()
    {
        var city = City().Service(Code("district-only"), D(2025, 1, 5), 3, member: "M", firm: "F", organization: "B", channel: "热线", subject: "某村", id: "S1");

        var problems = city.Builder(WithDistrictOnly()).Validate();

        problems.Should().OnlyContain(p => p.Code == "dimension-not-allowed" && p.Key == "S1" && p.Entity == Entity);
        problems.Select(p => p.Field).Should().BeEquivalentTo("Member", "Firm", "Organization", "Channel", "Subject");
    }

    [Fact]
    public void A_distinct_count_record_without_its_dimension_is_reported()
    {
        var problem = Single(City().Service(IndicatorCodes.AdviserPosts, D(2025, 1, 5), member: "M", subject: "  ", id: "S1"));

        problem.Essentials().Should().Be(("missing-value", Entity, "S1", "Subject", null));
    }

    [Fact]
    public void A_distinct_count_by_member_needs_the_member()
    {
        var catalog = IndicatorCatalog.CreateDefault().Add(OwnSum("serving-lawyers") with { Aggregation = Aggregation.DistinctCount, DistinctBy = MetricDimensions.Member });

        var problem = Single(City().Service(Code("serving-lawyers"), D(2025, 1, 5), subject: "某村", id: "S1"), catalog);

        problem.Essentials().Should().Be(("missing-value", Entity, "S1", "Member", null));
    }

    [Fact]
    public void Unknown_member_firm_and_organization_are_each_reported()
    {
        var city = City().Service(IndicatorCodes.CivilCases, D(2025, 1, 5), 2, member: "ghost", firm: "nofirm", organization: "noorg", id: "S1");

        city.Validate().Select(p => p.Essentials()).Should().BeEquivalentTo(new[]
        {
            ("unknown-reference", Entity, "S1", "Member", (string?)"ghost"),
            ("unknown-reference", Entity, "S1", "Firm", (string?)"nofirm"),
            ("unknown-reference", Entity, "S1", "Organization", (string?)"noorg"),
        });
    }

    [Theory]
    [InlineData(RecordSpan.Month, 2025, 3, 5)]
    [InlineData(RecordSpan.Year, 2024, 2, 1)]
    [InlineData(RecordSpan.Year, 2024, 1, 2)]
    public void A_month_or_year_record_not_dated_on_its_first_day_is_reported(RecordSpan span, int year, int month, int day)
    {
        var problem = Single(City().Service(IndicatorCodes.HotlineCalls, D(year, month, day), 3, span: span, id: "S1"));

        problem.Essentials().Should().Be(("invalid-value", Entity, "S1", "Date", $"{year:D4}-{month:D2}-{day:D2}"));
    }

    [Fact]
    public void A_date_after_today_is_reported()
    {
        var city = new TestCity(today: D(2025, 6, 15))
            .Service(IndicatorCodes.HotlineCalls, D(2025, 6, 15), 3, id: "today")
            .Service(IndicatorCodes.HotlineCalls, D(2025, 6, 16), 3, id: "S1");

        Single(city).Essentials().Should().Be(("future-date", Entity, "S1", "Date", "2025-06-16"));
    }

    [Fact]
    public void A_duplicate_id_is_reported_once_on_the_second_record()
    {
        var city = City()
            .Service(IndicatorCodes.HotlineCalls, D(2025, 1, 5), 3, id: "S1")
            .Service(IndicatorCodes.HotlineAnswered, D(2025, 1, 6), 2, id: "S1")
            .Service(IndicatorCodes.HotlineAnswered, D(2025, 1, 6), 2)
            .Service(IndicatorCodes.HotlineAnswered, D(2025, 1, 6), 2);

        var problem = Single(city);

        problem.Essentials().Should().Be(("duplicate-id", Entity, "S1", "Id", "S1"));
    }

    [Fact]
    public void A_record_without_id_is_keyed_by_indicator_date_and_quantity()
    {
        var problem = Single(City().Service(IndicatorCodes.HotlineCalls, D(2025, 1, 5), -2.5m));

        problem.Key.Should().Be("hotline-calls 2025-01-05 -2.5");
    }

    [Fact]
    public void The_records_origin_is_in_the_problem_and_its_description()
    {
        var origin = new RecordOrigin("公共法律服务.xlsx", 12);

        var problem = Single(City().Service(Code("no-such-figure"), D(2025, 1, 5), 3, id: "S1", origin: origin));

        problem.Origin.Should().Be(origin);
        problem.Describe(TextLanguage.English).Should().StartWith("公共法律服务.xlsx row 12: ServiceRecord [S1] Indicator = 'no-such-figure': ");
    }

    [Fact]
    public void Every_problem_of_every_record_is_reported_at_once()
    {
        var city = City()
            .Service(Code("no-such-figure"), D(2025, 1, 5), 1, member: "ghost", id: "S1")
            .Service(IndicatorCodes.CasesHandled, D(2025, 1, 5), 1, id: "S2")
            .Service(IndicatorCodes.HotlineCalls, D(2025, 3, 5), -1, span: RecordSpan.Month, id: "S3")
            .Service(IndicatorCodes.HotlineCalls, D(2025, 1, 5), 0.00001m, firm: "nofirm", id: "S4")
            .Service(Code("district-only"), D(2025, 1, 5), 1, member: "M", id: "S5")
            .Service(IndicatorCodes.AdviserPosts, D(2025, 7, 1), organization: "noorg", id: "S6")
            .Service(IndicatorCodes.HotlineCalls, D(2025, 1, 5), 1, id: "S1");

        var problems = city.Builder(WithDistrictOnly()).Validate();

        problems.Should().OnlyContain(p => p.Entity == Entity);
        problems.Select(p => (p.Code, p.Key, p.Field)).Should().BeEquivalentTo(new[]
        {
            ("unknown-reference", "S1", "Member"),
            ("unknown-reference", "S1", "Indicator"),
            ("invalid-kind", "S2", "Indicator"),
            ("invalid-value", "S3", "Date"),
            ("invalid-value", "S3", "Quantity"),
            ("invalid-value", "S4", "Quantity"),
            ("unknown-reference", "S4", "Firm"),
            ("dimension-not-allowed", "S5", "Member"),
            ("future-date", "S6", "Date"),
            ("unknown-reference", "S6", "Organization"),
            ("missing-value", "S6", "Subject"),
            ("duplicate-id", "S1", "Id"),
        });
    }

    [Fact]
    public void Build_throws_with_every_problem()
    {
        var city = City()
            .Service(Code("no-such-figure"), D(2025, 1, 5), 1, id: "S1")
            .Service(IndicatorCodes.HotlineCalls, D(2025, 1, 5), -1, id: "S2");

        var build = () => city.Build();

        build.Should().Throw<DatasetValidationException>().Which.Problems.Select(p => p.Key).Should().Equal("S1", "S2");
    }
}
