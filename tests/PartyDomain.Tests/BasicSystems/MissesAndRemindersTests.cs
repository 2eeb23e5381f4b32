using PartyDomain.BasicSystems;
using PartyDomain.Rules;
using PartyDomain.Time;
using static PartyDomain.BasicSystems.BasicSystemRuleIds;
using static PartyDomain.Tests.BasicSystems.ComplianceRun;

namespace PartyDomain.Tests.BasicSystems;

/// <summary>Every miss explains itself; reminders say what falls due soon and is not met yet.</summary>
public class MissesAndRemindersTests
{
    /// <summary>Branch B in 2024 (all ended as of 2025-06-15): four full members, a secretary, few records.</summary>
    private static TestCity Year2024() => new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B")
        .FullMemberOf("SEC", "B").Secretary("SEC", "B")
        .Activity("B", ActivityKind.ThemePartyDay, D(2024, 1, 15), [TestCity.Present("M-F1")], id: "TPD-JAN")
        .Activity("B", ActivityKind.GeneralMeeting, D(2024, 2, 10), [TestCity.Present("M-F1"), TestCity.Present("M-F2")], id: "GM-SHORT")
        .Activity("B", ActivityKind.GeneralMeeting, D(2024, 5, 10), [TestCity.Present("M-F1"), TestCity.Present("M-F2"), TestCity.Present("SEC")], id: "GM-Q2")
        .Activity("B", ActivityKind.DemocraticAppraisal, D(2024, 12, 20), [TestCity.Present("M-F1"), TestCity.Present("SEC")], id: "APPRAISAL")
        .Activity("B", ActivityKind.PartyLesson, D(2024, 3, 1), [TestCity.Present("M-F1")], "M-F2", "LESSON");

    private static ComplianceResult Result() => Evaluate(Year2024(), ReportingPeriod.Year(2024));

    [Fact]
    public void A_general_meeting_below_quorum_is_a_miss_that_names_rule_citation_slot_numbers_and_the_record()
    {
        var misses = Result().MissesOf("B", GeneralMeeting);

        misses.Select(m => m.Slot.ToString()).Should().Equal("2024-Q1", "2024-Q3", "2024-Q4");
        var q1 = misses[0];
        q1.System.Should().Be(BasicSystem.ThreeMeetingsOneLesson);
        q1.RecordsConsidered.Should().Equal("GM-SHORT");
        q1.Finding.RuleId.Should().Be(GeneralMeeting);
        q1.Finding.Citation.Should().Be(new Citation(Regulations.BranchWork, "第十一条", SourceConfidence.Verified));
        q1.Finding.Subject.Should().Be(new FindingSubject(SubjectKind.Organization, "B", "B党支部"));
        q1.Finding.Severity.Should().Be(FindingSeverity.Violation);
        q1.Finding.AsOf.Should().Be(D(2024, 3, 31));
        q1.Finding.Expected.Should().Be(new LocalizedText("至少1次（到会人数过半的有效会议）", "at least 1 valid (quorate)"));
        q1.Finding.Found.Should().Be(new LocalizedText("0次", "0"));
        q1.Describe(TextLanguage.English).Should().StartWith("[2024-Q1]").And.Contain("BS-GENERAL-MEETING").And.Contain("B党支部")
            .And.Contain("at least 1 valid (quorate)").And.Contain(Regulations.BranchWork);
        q1.Describe(TextLanguage.Chinese).Should().Contain("第十一条").And.Contain("0次");
        misses[1].RecordsConsidered.Should().BeEmpty();
    }

    [Fact]
    public void A_quorum_miss_counts_the_meetings_without_a_quorum()
    {
        var miss = Result().MissesOf("B", GeneralMeetingQuorum).Should().ContainSingle().Subject;

        miss.Slot.ToString().Should().Be("2024-Q1");
        miss.RecordsConsidered.Should().Equal("GM-SHORT");
        miss.Finding.Expected.English.Should().Be("all 1 meetings quorate");
        miss.Finding.Found.Should().Be(new LocalizedText("1次未达到法定人数", "1 without a quorum"));
    }

    [Fact]
    public void A_coverage_miss_counts_the_members_left_out()
    {
        // Five full members (M-F1..M-F4 and the secretary); two appraised.
        var miss = Result().MissesOf("B", DemocraticAppraisal).Should().ContainSingle().Subject;

        miss.System.Should().Be(BasicSystem.DemocraticAppraisal);
        miss.RecordsConsidered.Should().Equal("APPRAISAL");
        miss.Finding.Expected.Should().Be(new LocalizedText("全部5名党员均参加", "all 5 members take part"));
        miss.Finding.Found.Should().Be(new LocalizedText("3名党员未参加", "3 members did not"));
        miss.Finding.Citation.Provision.Should().Be("第十八条");
    }

    [Fact]
    public void A_lecture_miss_lists_the_lessons_considered()
    {
        var miss = Result().MissesOf("B", SecretaryLecture).Should().ContainSingle().Subject;

        miss.RecordsConsidered.Should().Equal("LESSON");
        miss.Finding.Expected.English.Should().Be("at least 1 lesson(s) by the secretary");
        miss.Finding.Found.English.Should().Be("0 by the secretary");
        miss.Finding.Severity.Should().Be(FindingSeverity.Warning);
    }

    [Fact]
    public void A_monthly_miss_lists_only_the_records_of_its_kind_in_its_month()
    {
        var result = Result();

        result.MissesOf("B", ThemePartyDay).Should().HaveCount(11);
        result.MissesOf("B", ThemePartyDay).Should().OnlyContain(m => m.RecordsConsidered.Count == 0);
        result.MissesOf("B", PartyLesson).Select(m => m.Slot.ToString()).Should().Equal("2024-Q2", "2024-Q3", "2024-Q4");
        result.Misses().Should().OnlyContain(m => m.Finding.Citation.Document.Length > 0 && m.Finding.RuleTitle.Chinese.Length > 0);
    }

    [Fact]
    public void Misses_are_ordered_by_organization_rule_and_slot()
    {
        var city = Year2024().Branch("B2").Members("N", full: 3, registeredAt: "B2");

        var misses = Evaluate(city, ReportingPeriod.Year(2024)).Misses();
        var order = DefaultBasicSystemRules.Create().Select(r => r.Id).ToList();

        misses.Select(m => m.Finding.Subject.Id).Distinct().Should().Equal("B", "B2");
        foreach (var organization in misses.GroupBy(m => m.Finding.Subject.Id))
        {
            organization.Select(m => (order.IndexOf(m.Finding.RuleId), m.Slot.Index)).Should().BeInAscendingOrder();
        }
    }

    // ---- reminders -------------------------------------------------------------------------------------------------

    /// <summary>
    /// As of 2025-06-15. B has a committee, held April's party lesson and May's theme party day and committee meeting,
    /// but no general meeting this quarter; B2 held its general meeting and June's theme party day, but no lesson.
    /// </summary>
    private static TestCity Running() => new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B").CommitteeOf("B", 3)
        .Lesson("B", D(2025, 4, 10), "M-F1", "M-F2")
        .Activity("B", ActivityKind.ThemePartyDay, D(2025, 5, 10), "M-F1")
        .Activity("B", ActivityKind.CommitteeMeeting, D(2025, 5, 12), "B-SEC", "B-CM1")
        .Branch("B2").Members("N", full: 3, registeredAt: "B2")
        .Activity("B2", ActivityKind.GeneralMeeting, D(2025, 4, 20), "N-F1", "N-F2")
        .Activity("B2", ActivityKind.ThemePartyDay, D(2025, 6, 5), "N-F1");

    private static readonly (string, string)[] DueEndOfJune =
    [
        ("B", "BS-COMMITTEE-MEETING"),
        ("B", "BS-GENERAL-MEETING"),
        ("B", "BS-THEME-PARTY-DAY"),
        ("B2", "BS-PARTY-LESSON"),
    ];

    [Fact]
    public void Reminders_list_what_falls_due_within_the_horizon_and_is_not_met_yet()
    {
        var reminders = Evaluate(Running(), ReportingPeriod.Year(2025)).Reminders(30);

        reminders.Select(r => (r.Organization.Id.Value, r.RuleId.Value)).Should().Equal(DueEndOfJune);
        reminders.Should().OnlyContain(r => r.Due == D(2025, 6, 30));
        var general = reminders[1];
        general.Slot.ToString().Should().Be("2025-Q2");
        general.RuleTitle.Chinese.Should().Be("支部党员大会一般每季度召开1次");
        general.Citation.Provision.Should().Be("第十一条");
        general.Expected.English.Should().Be("at least 1 valid (quorate)");
        general.Found.English.Should().Be("0");
        general.Describe(TextLanguage.English).Should().Be(
            "B党支部: A general meeting every quarter [BS-GENERAL-MEETING] due 2025-06-30 — expected at least 1 valid (quorate); so far 0");
        general.Describe(TextLanguage.Chinese).Should().Contain("须于2025-06-30前完成");
        reminders[2].Slot.ToString().Should().Be("2025-06");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(14, 0)]
    [InlineData(15, 4)]
    [InlineData(45, 4)]
    [InlineData(46, 7)] // July's theme party days (B, B2) and committee meeting (B) are due on 31 July
    public void The_horizon_decides_what_is_due(int days, int count)
    {
        Evaluate(Running(), ReportingPeriod.Year(2025)).Reminders(days).Should().HaveCount(count);
    }

    [Fact]
    public void A_horizon_reaching_the_year_end_adds_the_yearly_and_fourth_quarter_obligations()
    {
        var reminders = Evaluate(Running(), ReportingPeriod.Year(2025)).Reminders(200);

        reminders.Should().Contain(r => r.RuleId == OrganizationalLifeMeeting && r.Due == D(2025, 12, 31) && r.Organization.Id == TestCity.O("B2"));
        reminders.Should().Contain(r => r.RuleId == GeneralMeeting && r.Slot.ToString() == "2025-Q4");
        reminders.Select(r => r.Due).Should().BeInAscendingOrder();
        FluentActions.Invoking(() => Evaluate(Running(), ReportingPeriod.Year(2025)).Reminders(-1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_evaluator_reminds_over_the_current_year_with_the_configured_horizon()
    {
        var city = Running();
        var dataset = city.Build();

        Evaluator(city).Reminders(dataset).Select(r => (r.Organization.Id.Value, r.RuleId.Value)).Should().Equal(DueEndOfJune);
        Evaluator(city).Reminders(dataset, TestCity.O("B2")).Select(r => r.Organization.Id.Value).Should().Equal("B2");
        Evaluator(city, horizonDays: 14).Reminders(dataset).Should().BeEmpty();
    }

    [Fact]
    public void Near_the_year_end_the_evaluator_also_reminds_of_next_year()
    {
        var city = Running();

        var reminders = Evaluator(city, today: D(2025, 12, 20), horizonDays: 45).Reminders(city.Build(), TestCity.O("B"));

        reminders.Should().Contain(r => r.RuleId == ThemePartyDay && r.Slot.ToString() == "2025-12" && r.Due == D(2025, 12, 31));
        reminders.Should().Contain(r => r.RuleId == OrganizationalLifeMeeting && r.Slot.ToString() == "2025");
        reminders.Should().Contain(r => r.RuleId == ThemePartyDay && r.Slot.ToString() == "2026-01" && r.Due == D(2026, 1, 31));
        reminders.Should().NotContain(r => r.Slot.ToString() == "2026-02");
    }
}
