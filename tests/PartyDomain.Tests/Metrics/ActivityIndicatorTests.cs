using PartyDomain.BasicSystems;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Time;
using static PartyDomain.Tests.Metrics.MetricsTestData;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Tests.Metrics;

public class ActivityIndicatorTests
{
    /// <summary>
    /// C ⊃ G ⊃ B1 (covering F1, 浉河区); C ⊃ B2 (covering F2, 平桥区). Members M1, M2, probationary P1, non-member N1,
    /// activist A1, and L who joins the party (probationary) on 2025-04-01.
    /// </summary>
    private static TestCity City() => new TestCity()
        .GeneralBranch("G").Branch("B1", parent: "G").Branch("B2")
        .Firm("F1").FirmIn("F2", "平桥区").Cover("B1", "F1").Cover("B2", "F2")
        .FullMember("M1").FullMember("M2").Probationary("P1").NonMember("N1").Activist("A1")
        .Person("L", Standing(MemberStanding.Activist, LongAgo), Standing(MemberStanding.ProbationaryMember, D(2025, 4, 1)));

    private static readonly ReportingPeriod Year2025 = ReportingPeriod.Year(2025);

    // ---- F8 -----------------------------------------------------------------------------------------------------

    private static TestCity Visits() => City()
        .Event("V1", Committee, ActivityKind.LeadershipVisit, D(2025, 3, 10))
        .Event("V2", "B1", ActivityKind.LeadershipVisit, D(2025, 4, 2))
        .Event("V3", "B1", ActivityKind.LeadershipVisit, D(2025, 4, 20))
        .Event("V4", "B2", ActivityKind.LeadershipVisit, D(2024, 12, 31))
        .Event("X1", "B1", ActivityKind.RedEducation, D(2025, 3, 10));

    [Fact]
    public void F8_counts_leadership_visits_in_the_period()
    {
        var metrics = Visits().Metrics();

        var row = metrics.Query(Year2025, MetricGrouping.None, IndicatorCodes.LeadershipVisits).Rows.Should().ContainSingle().Which;

        row.Value.Should().Be(3);
        row.Records.Should().Be(3);
        row.Unit.Should().Be(Units.Times);
        row.Name.Chinese.Should().Be("深入律所开展党建调研督导");
        metrics.Query(ReportingPeriod.Year(2024), MetricGrouping.None, IndicatorCodes.LeadershipVisits).Total(IndicatorCodes.LeadershipVisits).Should().Be(1);
        metrics.Query(ReportingPeriod.Month(new YearMonth(2025, 4)), MetricGrouping.None, IndicatorCodes.LeadershipVisits).Total(IndicatorCodes.LeadershipVisits).Should().Be(2);
    }

    [Fact]
    public void F8_filtered_by_organization_subtree_and_grouped_by_month_and_organization()
    {
        var metrics = Visits().Metrics();

        metrics.Query(new MetricsQuery { Period = Year2025, Organization = O("G"), Indicators = [IndicatorCodes.LeadershipVisits] })
            .Total(IndicatorCodes.LeadershipVisits).Should().Be(2, "B1 is under G; the committee's own visit is not");
        metrics.Query(new MetricsQuery { Period = Year2025, Organization = O("B2"), Indicators = [IndicatorCodes.LeadershipVisits] })
            .Rows.Should().BeEmpty();
        metrics.Query(Year2025, MetricGrouping.Month, IndicatorCodes.LeadershipVisits).Rows.Select(r => (r.Period, r.Value))
            .Should().Equal(("2025-03", 1m), ("2025-04", 2m));
        metrics.Query(Year2025, MetricGrouping.Organization, IndicatorCodes.LeadershipVisits).Rows.Select(r => (r.Organization, r.Value))
            .Should().BeEquivalentTo(new[] { ((OrganizationId?)O(Committee), (decimal?)1m), (O("B1"), 2m) });
    }

    [Fact]
    public void F8_grouped_by_firm_and_district_uses_the_firm_the_organization_covers()
    {
        var metrics = Visits().Metrics();

        metrics.Query(Year2025, MetricGrouping.District, IndicatorCodes.LeadershipVisits).Rows.Select(r => (r.District, r.Value))
            .Should().BeEquivalentTo(new[] { ("浉河区", (decimal?)2m), ("未登记区县", 1m) });
        metrics.Query(new MetricsQuery { Period = Year2025, District = "浉河区", Indicators = [IndicatorCodes.LeadershipVisits] })
            .Total(IndicatorCodes.LeadershipVisits).Should().Be(2);
    }

    [Fact]
    public void F8_filtered_by_firm_agrees_with_F8_grouped_by_firm()
    {
        var metrics = Visits().Metrics();

        metrics.Query(Year2025, MetricGrouping.Firm, IndicatorCodes.LeadershipVisits).Rows.Should().Contain(r => r.Firm == F("F1") && r.Value == 2);
        metrics.Query(new MetricsQuery { Period = Year2025, Firm = F("F1"), Indicators = [IndicatorCodes.LeadershipVisits] })
            .Total(IndicatorCodes.LeadershipVisits).Should().Be(2);
    }

    // ---- F10 ----------------------------------------------------------------------------------------------------

    private static TestCity RedEducation() => City()
        .Event("R1", "B1", ActivityKind.RedEducation, D(2025, 3, 1), attendance: [Present("M1"), Present("M2"), Present("N1"), Present("A1"), Present("L"), Absent("P1")])
        .Event("R2", "B2", ActivityKind.RedEducation, D(2025, 5, 1), attendance: [Present("M1"), Present("P1"), Present("L"), Excused("M2")])
        .Event("R3", "B1", ActivityKind.RedEducation, D(2024, 7, 1), attendance: [Present("M2")])
        .Event("X1", "B1", ActivityKind.GeneralMeeting, D(2025, 3, 1), attendance: [Present("M1"), Present("M2"), Present("P1")]);

    [Fact]
    public void F10_counts_distinct_members_present_at_red_education()
    {
        var metrics = RedEducation().Metrics();

        var row = metrics.Query(Year2025, MetricGrouping.None, IndicatorCodes.RedEducationAttendees).Rows.Should().ContainSingle().Which;

        row.Value.Should().Be(4, "M1, M2, P1 and L (a member by 1 May); not N1, A1, nor L on 1 March, nor anyone absent");
        row.Records.Should().Be(2);
        row.Unit.Should().Be(Units.People);
    }

    [Fact]
    public void F10_filtered_by_organization_and_grouped_by_month_and_organization()
    {
        var metrics = RedEducation().Metrics();

        metrics.Query(new MetricsQuery { Period = Year2025, Organization = O("G"), Indicators = [IndicatorCodes.RedEducationAttendees] })
            .Total(IndicatorCodes.RedEducationAttendees).Should().Be(2, "only R1, with M1 and M2");
        metrics.Query(Year2025, MetricGrouping.Month, IndicatorCodes.RedEducationAttendees).Rows.Select(r => (r.Period, r.Value))
            .Should().Equal(("2025-03", 2m), ("2025-05", 3m));
        metrics.Query(Year2025, MetricGrouping.Organization, IndicatorCodes.RedEducationAttendees).Rows.Select(r => (r.Organization, r.Value))
            .Should().BeEquivalentTo(new[] { ((OrganizationId?)O("B1"), (decimal?)2m), (O("B2"), 3m) });
        metrics.Query(ReportingPeriod.Of(new DateInterval(D(2024, 1, 1), D(2025, 6, 15))), MetricGrouping.None, IndicatorCodes.RedEducationAttendees)
            .Total(IndicatorCodes.RedEducationAttendees).Should().Be(4, "M2 attended in both years and counts once");
    }

    // ---- F11 ----------------------------------------------------------------------------------------------------

    private static TestCity LawPopularization() => City()
        .Event("L1", "B1", ActivityKind.LawPopularization, D(2025, 2, 1), headCount: 120, tags: ["民法典"], attendance: [Present("M1")])
        .Event("L2", "B2", ActivityKind.LawPopularization, D(2025, 2, 15), attendance: [Present("M1"), Present("N1"), Absent("M2"), Excused("P1")])
        .Event("L3", "B2", ActivityKind.LawPopularization, D(2025, 4, 15), headCount: 0, attendance: [Present("M2")])
        .Event("L4", "B1", ActivityKind.LawPopularization, D(2024, 12, 15), headCount: 1000)
        .Event("X1", "B1", ActivityKind.RedEducation, D(2025, 2, 1), headCount: 50);

    [Fact]
    public void F11_sums_head_counts_falling_back_to_those_present()
    {
        var metrics = LawPopularization().Metrics();

        var row = metrics.Query(Year2025, MetricGrouping.None, IndicatorCodes.LawPopularizationParticipants).Rows.Should().ContainSingle().Which;

        row.Value.Should().Be(122, "120 counted at L1, the 2 present at L2 (a non-member too), and a head count of 0 at L3");
        row.Records.Should().Be(3);
        row.Unit.Should().Be(Units.PersonTimes);
    }

    [Fact]
    public void F11_filtered_by_organization_and_grouped_by_month_and_organization()
    {
        var metrics = LawPopularization().Metrics();

        metrics.Query(new MetricsQuery { Period = Year2025, Organization = O("G"), Indicators = [IndicatorCodes.LawPopularizationParticipants] })
            .Total(IndicatorCodes.LawPopularizationParticipants).Should().Be(120);
        metrics.Query(Year2025, MetricGrouping.Month, IndicatorCodes.LawPopularizationParticipants).Rows.Select(r => (r.Period, r.Value))
            .Should().Equal(("2025-02", 122m), ("2025-04", 0m));
        metrics.Query(Year2025, MetricGrouping.Organization, IndicatorCodes.LawPopularizationParticipants).Rows.Select(r => (r.Organization, r.Value))
            .Should().BeEquivalentTo(new[] { ((OrganizationId?)O("B1"), (decimal?)120m), (O("B2"), 2m) });
    }

    [Fact]
    public void F11_filtered_by_tags_counts_only_tagged_activities()
    {
        var metrics = LawPopularization().Metrics();

        metrics.Query(new MetricsQuery { Period = Year2025, Tags = ["民法典"], Indicators = [IndicatorCodes.LawPopularizationParticipants] })
            .Total(IndicatorCodes.LawPopularizationParticipants).Should().Be(120);
    }

    // ---- F13 ----------------------------------------------------------------------------------------------------

    private static TestCity Platforms() => City()
        .Event("P1", "B1", ActivityKind.GeneralMeeting, D(2025, 1, 10), platform: "学习强国")
        .Event("P2", Committee, ActivityKind.LeadershipVisit, D(2025, 2, 1), platform: "智慧党建")
        .Event("P3", "B2", ActivityKind.PartyLesson, D(2025, 2, 5), platform: "智慧党建")
        .Event("P4", "B1", ActivityKind.GeneralMeeting, D(2025, 2, 10))
        .Event("P5", "B1", ActivityKind.GeneralMeeting, D(2025, 2, 11), platform: "  ")
        .Event("P6", "B1", ActivityKind.GeneralMeeting, D(2024, 2, 11), platform: "学习强国");

    [Fact]
    public void F13_counts_activities_of_any_kind_recorded_through_a_platform()
    {
        var metrics = Platforms().Metrics();

        metrics.Query(Year2025, MetricGrouping.None, IndicatorCodes.PlatformRecordedActivities).Total(IndicatorCodes.PlatformRecordedActivities).Should().Be(3);
        metrics.Query(new MetricsQuery { Period = Year2025, Organization = O("G"), Indicators = [IndicatorCodes.PlatformRecordedActivities] })
            .Total(IndicatorCodes.PlatformRecordedActivities).Should().Be(1);
        metrics.Query(Year2025, MetricGrouping.Month, IndicatorCodes.PlatformRecordedActivities).Rows.Select(r => (r.Period, r.Value))
            .Should().Equal(("2025-01", 1m), ("2025-02", 2m));
        metrics.Query(Year2025, MetricGrouping.Organization, IndicatorCodes.PlatformRecordedActivities).Rows.Select(r => (r.Organization, r.Value))
            .Should().BeEquivalentTo(new[] { ((OrganizationId?)O("B1"), (decimal?)1m), (O(Committee), 1m), (O("B2"), 1m) });
    }

    [Fact]
    public void A_city_counts_only_its_own_platform_by_replacing_F13()
    {
        var catalog = IndicatorCatalog.CreateDefault();
        catalog.Replace(catalog.Get(IndicatorCodes.PlatformRecordedActivities) with { SourcePlatform = "智慧党建", ActivityKind = ActivityKind.PartyLesson });

        var total = Platforms().Metrics(catalog).Query(Year2025, MetricGrouping.None, IndicatorCodes.PlatformRecordedActivities).Total(IndicatorCodes.PlatformRecordedActivities);

        total.Should().Be(1, "only P3 is a party lesson recorded through 智慧党建");
    }

    [Fact]
    public void Activity_indicators_appear_in_the_full_report_beside_service_figures()
    {
        var city = Visits().Service(IndicatorCodes.HotlineCalls, D(2025, 1, 5), 10);

        var table = city.Metrics().Query(Year2025);

        table.Total(IndicatorCodes.HotlineCalls).Should().Be(10);
        table.Total(IndicatorCodes.LeadershipVisits).Should().Be(3);
        table.Total(IndicatorCodes.RedEducationAttendees).Should().Be(0, "X1 was attended by no one");
        table.Of(IndicatorCodes.LawPopularizationParticipants).Should().BeEmpty();
    }

    [Fact]
    public void A_sum_of_activity_indicators_is_computed_per_group()
    {
        var catalog = IndicatorCatalog.CreateDefault().Add(new IndicatorDefinition
        {
            Code = Code("all-events"),
            Name = new("活动合计", "All events"),
            Unit = Units.Times,
            Aggregation = Aggregation.SumOfIndicators,
            Components = [IndicatorCodes.LeadershipVisits, IndicatorCodes.PlatformRecordedActivities],
        });

        var table = Platforms().Metrics(catalog).Query(Year2025, MetricGrouping.Month, Code("all-events"));

        table.Rows.Select(r => (r.Period, r.Value)).Should().Equal(("2025-01", 1m), ("2025-02", 3m));
    }
}
