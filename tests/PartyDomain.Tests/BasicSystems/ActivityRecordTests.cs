using Microsoft.Extensions.DependencyInjection;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Extensibility;
using PartyDomain.Rules;
using PartyDomain.Time;
using static PartyDomain.Tests.BasicSystems.ComplianceRun;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Tests.BasicSystems;

public class ActivityRecordTests
{
    private static readonly ActivityKind VolunteerDay = new("city-volunteer-day");

    private static TestCity Valid() => new TestCity()
        .Branch("B", established: D(2020, 1, 1))
        .Branch("D", dissolved: D(2024, 1, 1))
        .FullMemberOf("M", "B", from: D(2020, 1, 1))
        .FullMember("X");

    private static ActivityRecord Record(string id, string organization, LocalDate date, params Attendance[] attendance) => new()
    {
        Id = id,
        OrganizationId = O(organization),
        Kind = ActivityKind.ThemePartyDay,
        Date = date,
        Attendance = attendance,
    };

    // ---- validation ------------------------------------------------------------------------------------------------

    [Fact]
    public void Every_problem_of_every_activity_record_is_reported_together_with_entity_field_and_value()
    {
        var city = Valid()
            .Add(Record("A-OK", "B", D(2025, 3, 1), Present("M"), Present("X")))
            .Add(Record("A-UNKNOWN-ORG", "NOPE", D(2025, 3, 1)))
            .Add(Record("A-GHOST", "B", D(2025, 3, 2), Present("M"), Present("GHOST")))
            .Add(Record("A-LECTURER", "B", D(2025, 3, 3)) with { Kind = ActivityKind.PartyLesson, Lecturer = P("NOBODY") })
            .Add(Record("A-EARLY", "B", D(2019, 12, 31)))
            .Add(Record("A-AFTER-DISSOLUTION", "D", D(2024, 1, 1)))
            .Add(Record("A-FUTURE", "B", D(2025, 6, 16)))
            .Add(Record("A-DUP", "B", D(2025, 3, 4)))
            .Add(Record("A-DUP", "B", D(2025, 3, 5)))
            .Add(Record("A-NO-REASON", "B", D(2025, 3, 6), Excused("M", reason: null), Excused("X", reason: "  ")))
            .Add(Record("A-TWICE", "B", D(2025, 3, 7), Present("M"), Absent("M")))
            .Add(Record("A-HEADS", "B", D(2025, 3, 8)) with { Kind = ActivityKind.LawPopularization, HeadCount = -1 })
            .Add(Record("A-STATUS", "B", D(2025, 3, 9), new Attendance(P("M"), (AttendanceStatus)9)));

        var problems = city.Validate();

        problems.Should().OnlyContain(p => p.Entity == "ActivityRecord");
        problems.Select(p => (p.Code, p.Field, p.Value)).Should().BeEquivalentTo(new (string, string, string?)[]
        {
            ("unknown-reference", "OrganizationId", "NOPE"),
            ("unknown-reference", "Attendance", "GHOST"),
            ("unknown-reference", "Lecturer", "NOBODY"),
            ("outside-lifetime", "Date", "2019-12-31"),
            ("outside-lifetime", "Date", "2024-01-01"),
            ("future-date", "Date", "2025-06-16"),
            ("duplicate-id", "Id", "A-DUP"),
            ("missing-value", "Attendance", "M"),
            ("missing-value", "Attendance", "X"),
            ("duplicate-value", "Attendance", "M"),
            ("invalid-value", "HeadCount", "-1"),
            ("invalid-value", "Attendance", "M"),
        });
        problems.Single(p => p.Value == "NOPE").Key.Should().StartWith("A-UNKNOWN-ORG");
        problems.Single(p => p.Value == "GHOST").Key.Should().StartWith("A-GHOST");
        problems.Single(p => p.Value == "NOBODY").Key.Should().StartWith("A-LECTURER");
        problems.Single(p => p.Value == "2019-12-31").Key.Should().StartWith("A-EARLY");
        problems.Single(p => p.Value == "2024-01-01").Key.Should().StartWith("A-AFTER-DISSOLUTION");
        problems.Single(p => p.Code == "future-date").Key.Should().StartWith("A-FUTURE");
        problems.Where(p => p.Code == "missing-value").Should().OnlyContain(p => p.Key.StartsWith("A-NO-REASON", StringComparison.Ordinal));
        problems.Single(p => p.Code == "duplicate-value").Key.Should().StartWith("A-TWICE");
        problems.Single(p => p.Field == "HeadCount").Key.Should().StartWith("A-HEADS");
        problems.Single(p => p.Code == "invalid-value" && p.Field == "Attendance").Key.Should().StartWith("A-STATUS");
        problems.Should().OnlyContain(p => !string.IsNullOrWhiteSpace(p.Message.Chinese) && !string.IsNullOrWhiteSpace(p.Message.English));

        city.Invoking(c => c.Build()).Should().Throw<DatasetValidationException>().Which.Problems.Should().HaveCount(problems.Count);
    }

    [Fact]
    public void A_record_with_no_kind_is_reported()
    {
        var problems = Valid().Add(Record("A-NOKIND", "B", D(2025, 3, 1)) with { Kind = default }).Validate();

        problems.Should().ContainSingle().Which.Should().Match<DatasetProblem>(p => p.Code == "missing-value" && p.Field == "Kind" && p.Entity == "ActivityRecord");
    }

    [Fact]
    public void Records_on_the_founding_day_on_the_last_day_of_life_and_today_are_valid_and_guests_and_duplicates_are_kept()
    {
        var city = Valid()
            .Activist("ACT")
            .NonMember("GUEST")
            .Add(Record("A-FOUNDING", "B", D(2020, 1, 1), Present("M")))
            .Add(Record("A-LAST-DAY", "D", D(2023, 12, 31)))
            .Add(Record("A-TODAY", "B", DefaultToday, Present("M"), Present("ACT"), Present("GUEST"), Present("X"), Excused("M2", "病假")))
            .Add(Record("A-TODAY-AGAIN", "B", DefaultToday, Present("M")) with { SourcePlatform = "智慧党建", Tags = ["民法典"], Title = "主题党日" })
            .FullMemberOf("M2", "B", from: D(2020, 1, 1));

        city.Validate().Should().BeEmpty("the same meeting entered twice under two ids is not an integrity problem; rules count it once");
        var dataset = city.Build();

        dataset.Activities.Should().HaveCount(4);
        dataset.Activities.Single(a => a.Id == "A-TODAY").Attendance.Select(a => a.PersonId.Value).Should().Equal("M", "ACT", "GUEST", "X", "M2");
        var again = dataset.Activities.Single(a => a.Id == "A-TODAY-AGAIN");
        again.SourcePlatform.Should().Be("智慧党建");
        again.Tags.Should().Equal("民法典");
        dataset.ActivitiesOf(O("B")).Should().HaveCount(3);
    }

    // ---- an open vocabulary ----------------------------------------------------------------------------------------

    [Fact]
    public void Kind_codes_are_trimmed_and_compared_case_insensitively_and_may_not_be_empty()
    {
        new ActivityKind("  City-Volunteer-Day ").Should().Be(VolunteerDay);
        (new ActivityKind("GENERAL-MEETING") == ActivityKind.GeneralMeeting).Should().BeTrue();
        new ActivityKind("City-Volunteer-Day").Code.Should().Be("city-volunteer-day");
        new ActivityKind("City-Volunteer-Day").GetHashCode().Should().Be(VolunteerDay.GetHashCode());
        VolunteerDay.Should().NotBe(ActivityKind.ThemePartyDay);

        FluentActions.Invoking(() => new ActivityKind(" ")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new ActivityKind(null!)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void A_city_names_its_own_kind_in_the_catalog()
    {
        var catalog = ActivityKindCatalog.CreateDefault();
        catalog.NameOf(VolunteerDay).Should().Be(new LocalizedText("city-volunteer-day", "city-volunteer-day"));

        catalog.Add(new ActivityKind("City-Volunteer-Day"), new("志愿服务日", "Volunteer day"));

        catalog.NameOf(VolunteerDay).Chinese.Should().Be("志愿服务日");
        catalog.NameOf(ActivityKind.ThemePartyDay).Chinese.Should().Be("主题党日");
    }

    private static readonly BasicSystem Volunteering = new("city-volunteering", new("志愿服务", "Volunteering"));

    private static IBasicSystemRule VolunteerRule() => BasicSystemRules.Frequency(new RuleId("XY-VOLUNTEER-DAY"), new("每半年开展1次志愿服务日", "A volunteer day every half year"),
        new("信阳市律师行业党建工作规范", "第五条", SourceConfidence.Local), Volunteering, VolunteerDay, Cadence.HalfYearly, 1, OrganizationScope.Branches);

    private static TestCity VolunteerCity() => new TestCity().Branch("B").Members("M", full: 3, registeredAt: "B")
        .Activity("B", new ActivityKind("City-Volunteer-Day"), D(2024, 3, 10), "M-F1")
        .Activity("B", ActivityKind.ThemePartyDay, D(2024, 9, 10), "M-F1");

    [Fact]
    public void A_custom_frequency_rule_on_a_city_kind_works_end_to_end()
    {
        var result = Evaluate(VolunteerCity(), ReportingPeriod.Year(2024), rules: [.. DefaultBasicSystemRules.Create(), VolunteerRule()]);

        result.Of("B", new RuleId("XY-VOLUNTEER-DAY")).Should().Equal(SlotOutcome.Met, SlotOutcome.Missed);
        var miss = result.MissesOf("B", new RuleId("XY-VOLUNTEER-DAY")).Should().ContainSingle().Subject;
        miss.Slot.ToString().Should().Be("2024-H2");
        miss.System.Should().Be(Volunteering);
        miss.Finding.Citation.Provision.Should().Be("第五条");
        miss.RecordsConsidered.Should().BeEmpty("the theme party day of September is not of the rule's kind");
        result.RateBySystem().Should().ContainSingle(r => r.Key == "city-volunteering").Which.Should().Match<ComplianceRate>(r => r.Met == 1 && r.Missed == 1);
    }

    [Fact]
    public void A_city_kind_and_rule_registered_through_the_builder_reach_the_resolved_evaluator()
    {
        var city = VolunteerCity();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(city.Clock);
        services.AddPartyDomain(b => b.AddRule(VolunteerRule()).AddActivityKind(VolunteerDay, new("志愿服务日", "Volunteer day")));
        using var provider = services.BuildServiceProvider();

        var evaluator = provider.GetRequiredService<ComplianceEvaluator>();
        var result = evaluator.Evaluate(city.Build(), ReportingPeriod.Year(2024));

        evaluator.Rules.Should().HaveCount(13);
        result.Of("B", new RuleId("XY-VOLUNTEER-DAY")).Should().Equal(SlotOutcome.Met, SlotOutcome.Missed);
        provider.GetRequiredService<ActivityKindCatalog>().NameOf(VolunteerDay).English.Should().Be("Volunteer day");
    }
}
