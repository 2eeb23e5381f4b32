using PartyDomain.Organization;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;

namespace PartyDomain.Tests.Organization.Structure;

public class BranchCommitteeRuleTests
{
    private static readonly RuleId Rule = StructureRuleIds.BranchCommittee;

    [Fact]
    public void Six_full_members_need_no_committee_even_with_a_probationary_seventh()
    {
        var city = new TestCity().Branch("B").Members("A", full: 6, probationary: 1, registeredAt: "B");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void Seven_full_members_without_a_committee_are_a_violation()
    {
        var city = new TestCity().Branch("B").Members("A", full: 7, registeredAt: "B");

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject
            .ShouldBe(Rule, FindingSeverity.Violation, SubjectKind.Organization, "B", city.Today);

        finding.Subject.Name.Should().Be("B党支部");
        finding.Citation.Document.Should().Be(Regulations.BranchWork);
        finding.Citation.Provision.Should().Be("第六章");
        finding.Expected.ShouldMention("7");
        finding.Found.ShouldMention("7");
        finding.Found.English.Should().Be("7 full members and no committee");
    }

    [Fact]
    public void Seven_full_members_with_an_elected_committee_are_fine()
    {
        var city = new TestCity().Branch("B").Members("A", full: 7, registeredAt: "B").CommitteeOf("B", 3);

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void A_secretary_and_deputy_alone_are_not_a_committee()
    {
        var city = new TestCity().Branch("B").Members("A", full: 7, registeredAt: "B")
            .Secretary("A-F1", "B").Post("A-F2", "B", PartyPost.DeputySecretary);

        StructureCheck.Run(city).Of(Rule, "B").Should().ContainSingle();
    }

    [Fact]
    public void A_secretary_and_two_deputies_are_a_committee()
    {
        // 《支部工作条例》第六章: a committee of 3 to 5, the secretary included; three people in seats are a committee.
        var city = new TestCity().Branch("B").Members("A", full: 7, registeredAt: "B")
            .Secretary("A-F1", "B").Post("A-F2", "B", PartyPost.DeputySecretary).Post("A-F3", "B", PartyPost.DeputySecretary);

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
        city.Build().HasCommittee(new OrganizationId("B"), city.Today).Should().BeTrue();
    }

    [Fact]
    public void A_secretary_and_one_committee_member_are_not_a_committee()
    {
        var city = new TestCity().Branch("B").Members("A", full: 7, registeredAt: "B").CommitteeOf("B", 2);

        StructureCheck.Run(city).Of(Rule, "B").Should().ContainSingle();
        city.Build().HasCommittee(new OrganizationId("B"), city.Today).Should().BeFalse();
    }

    [Fact]
    public void One_person_in_two_seats_counts_once()
    {
        var city = new TestCity().Branch("B").Members("A", full: 7, registeredAt: "B")
            .Secretary("A-F1", "B").Post("A-F1", "B", PartyPost.CommitteeMember).Post("A-F2", "B", PartyPost.CommitteeMember);

        StructureCheck.Run(city).Of(Rule, "B").Should().ContainSingle();
    }

    [Fact]
    public void A_joint_branch_counts_as_a_branch_but_a_general_branch_does_not()
    {
        var city = new TestCity()
            .JointBranch("J").Members("A", full: 7, registeredAt: "J")
            .GeneralBranch("G").Members("B", full: 7, registeredAt: "G");

        var findings = StructureCheck.Run(city).Of(Rule);

        findings.Select(f => f.Subject.Id).Should().Equal("J");
    }

    [Fact]
    public void MinFullMembers_moves_the_threshold()
    {
        var city = new TestCity().Branch("B").Members("A", full: 7, registeredAt: "B");

        StructureCheck.Run(city, o => o.Set(Rule, "MinFullMembers", 8)).Of(Rule).Should().BeEmpty();
    }
}

public class CommitteeSizeRuleTests
{
    private static readonly RuleId Rule = StructureRuleIds.CommitteeSize;

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    public void A_committee_of_three_to_seven_is_fine(int seats)
    {
        var city = new TestCity().Branch("B").CommitteeOf("B", seats);

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void A_committee_of_two_or_eight_is_a_warning(int seats)
    {
        var city = new TestCity().Branch("B").CommitteeOf("B", seats);

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject
            .ShouldBe(Rule, FindingSeverity.Warning, SubjectKind.Organization, "B", city.Today);

        finding.Citation.Provision.Should().Be("第六章");
        finding.Expected.ShouldMention("3", "7");
        finding.Found.ShouldMention(seats.ToString(System.Globalization.CultureInfo.InvariantCulture));
        finding.Found.English.Should().Be($"{seats} committee members");
    }

    [Fact]
    public void Without_a_committee_member_there_is_no_committee_to_size()
    {
        // Secretary and deputy: two seats, but no elected committee.
        var city = new TestCity().Branch("B").FullMember("S").FullMember("D")
            .Secretary("S", "B").Post("D", "B", PartyPost.DeputySecretary);

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void Seats_are_counted_per_person_and_group_leaders_do_not_count()
    {
        // S is secretary and also recorded as committee member: 2 people, plus a group leader who is not a seat.
        var city = new TestCity().Branch("B").PartyGroup("G", "B")
            .FullMember("S").FullMember("M").FullMember("L")
            .Secretary("S", "B").Post("S", "B", PartyPost.CommitteeMember).Post("M", "B", PartyPost.CommitteeMember)
            .Post("L", "G", PartyPost.GroupLeader);

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject;

        finding.Found.English.Should().Be("2 committee members");
    }

    [Fact]
    public void Seats_that_have_ended_do_not_count()
    {
        // Seven seats today; an eighth member left yesterday.
        var city = new TestCity().Branch("B").CommitteeOf("B", 7)
            .FullMember("X").Post("X", "B", PartyPost.CommitteeMember, to: new LocalDate(2025, 6, 14));
        var dataset = city.Build();

        StructureCheck.Run(dataset).Of(Rule).Should().BeEmpty();
        StructureCheck.Run(dataset, new LocalDate(2025, 6, 14)).Of(Rule).Should().ContainSingle()
            .Which.Found.English.Should().Be("8 committee members");
    }

    [Fact]
    public void A_general_branch_committee_is_held_to_the_same_bounds()
    {
        var city = new TestCity().GeneralBranch("G").CommitteeOf("G", 8);

        StructureCheck.Run(city).Of(Rule, "G").Should().ContainSingle();
    }

    [Fact]
    public void The_industry_committee_is_not_held_to_branch_committee_bounds()
    {
        var city = new TestCity().CommitteeOf(TestCity.Committee, 9);

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void The_bounds_are_tuned_by_MinSeats_and_MaxSeats()
    {
        var city = new TestCity().Branch("B").CommitteeOf("B", 8).Branch("B2").CommitteeOf("B2", 3);

        var result = StructureCheck.Run(city, o => o.Set(Rule, "MaxSeats", 8).Set(Rule, "MinSeats", 4));

        result.Of(Rule).Select(f => f.Subject.Id).Should().Equal("B2");
        result.Of(Rule).Single().Expected.ShouldMention("4", "8");
    }
}

public class BranchSizeRuleTests
{
    private static readonly RuleId Rule = StructureRuleIds.BranchSize;

    [Fact]
    public void Fifty_members_are_fine()
    {
        var city = new TestCity().Branch("B").Members("A", full: 45, probationary: 5, registeredAt: "B");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void Fifty_one_members_including_probationary_ones_are_too_many()
    {
        var city = new TestCity().Branch("B").Members("A", full: 46, probationary: 5, registeredAt: "B");

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject
            .ShouldBe(Rule, FindingSeverity.Warning, SubjectKind.Organization, "B", city.Today);

        finding.Citation.Provision.Should().Be("第四条");
        finding.Expected.ShouldMention("50");
        finding.Found.ShouldMention("51");
    }

    [Fact]
    public void Members_of_a_general_branch_are_not_counted_as_a_branch()
    {
        var city = new TestCity().GeneralBranch("G").Members("A", full: 51, registeredAt: "G");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void People_who_are_not_members_do_not_count()
    {
        var city = new TestCity().Branch("B").Members("A", full: 50, registeredAt: "B")
            .Person("X", TestCity.Standing(MemberStanding.Activist, TestCity.LongAgo)).Register("X", "B");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }
}

public class JointBranchFirmsRuleTests
{
    private static readonly RuleId Rule = StructureRuleIds.JointBranchFirms;

    [Fact]
    public void Five_firms_are_fine()
    {
        var city = new TestCity().Firms("F1", "F2", "F3", "F4", "F5").JointBranch("J", "F1", "F2", "F3", "F4", "F5");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void Six_firms_are_too_many()
    {
        var city = new TestCity().Firms("F1", "F2", "F3", "F4", "F5", "F6").JointBranch("J", "F1", "F2", "F3", "F4", "F5", "F6");

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject
            .ShouldBe(Rule, FindingSeverity.Warning, SubjectKind.Organization, "J", city.Today);

        finding.Citation.Provision.Should().Be("第五条");
        finding.Expected.ShouldMention("5");
        finding.Found.ShouldMention("6");
    }

    [Fact]
    public void A_coverage_that_has_ended_is_not_counted()
    {
        var city = new TestCity().Firms("F1", "F2", "F3", "F4", "F5", "F6").JointBranch("J", "F1", "F2", "F3", "F4", "F5")
            .Cover("J", "F6", to: new LocalDate(2024, 12, 31));

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void An_ordinary_branch_covering_six_firms_is_not_a_joint_branch()
    {
        var city = new TestCity().Firms("F1", "F2", "F3", "F4", "F5", "F6").Branch("B")
            .Cover("B", "F1").Cover("B", "F2").Cover("B", "F3").Cover("B", "F4").Cover("B", "F5").Cover("B", "F6");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void MaxFirms_tunes_the_limit()
    {
        var city = new TestCity().Firms("F1", "F2", "F3", "F4", "F5").JointBranch("J", "F1", "F2", "F3", "F4", "F5");

        var finding = StructureCheck.Run(city, o => o.Set(Rule, "MaxFirms", 4)).Of(Rule).Should().ContainSingle().Subject;

        finding.Expected.ShouldMention("4");
        finding.Found.ShouldMention("5");
    }
}

public class CommitteeTermRuleTests
{
    private static readonly RuleId Rule = StructureRuleIds.CommitteeTerm;

    // Today is 2025-06-15; a 3-year term elected on D ends on D + 3 years.
    private static TestCity BranchElectedOn(LocalDate electedOn, int? termYears = null) =>
        new TestCity().Branch("B").CommitteeOf("B", 3).Election("B", electedOn, termYears);

    [Fact]
    public void A_term_ending_exactly_six_months_out_gives_a_reminder()
    {
        var city = BranchElectedOn(new LocalDate(2022, 12, 15));

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject
            .ShouldBe(Rule, FindingSeverity.Reminder, SubjectKind.Organization, "B", city.Today);

        finding.Citation.Document.Should().Be(Regulations.BranchWork);
        finding.Citation.Provision.Should().Be("第六章");
        finding.Expected.ShouldMention("2025-12-15");
        finding.Found.ShouldMention("2022-12-15", "183");
    }

    public static TheoryData<LocalDate, LocalDate> MonthEnds()
    {
        // Every month end of 2026 and 29 February 2028, with the first day of the six-month window counted back from it.
        var data = new TheoryData<LocalDate, LocalDate>
        {
            { new LocalDate(2026, 8, 31), new LocalDate(2026, 2, 28) },
            { new LocalDate(2028, 8, 31), new LocalDate(2028, 2, 29) },
            { new LocalDate(2028, 2, 29), new LocalDate(2027, 8, 29) },
            { new LocalDate(2026, 3, 31), new LocalDate(2025, 9, 30) },
        };
        for (var month = 1; month <= 12; month++)
        {
            var end = new LocalDate(2026, month, 1).PlusMonths(1).PlusDays(-1);
            data.Add(end, end.PlusMonths(-6));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MonthEnds))]
    public void The_reminder_window_is_counted_back_from_the_end_of_the_term(LocalDate ends, LocalDate windowStarts)
    {
        // 《支部工作条例》第六章: remind from 6 months before the term ends. A one-year term elected a year before the end
        // (TermYears on the record), checked on the window's first day and the day before it.
        // The shortest term whose anniversary falls on the end (29 February 2028: elected 29 February 2024, four years).
        var years = Enumerable.Range(1, 4).First(n => ends.PlusYears(-n).PlusYears(n) == ends);
        var electedOn = ends.PlusYears(-years);
        TestCity On(LocalDate today) =>
            new TestCity(today).Branch("B", established: new LocalDate(2020, 1, 1)).CommitteeOf("B", 3, new LocalDate(2020, 1, 1)).Election("B", electedOn, years);

        var reminder = StructureCheck.Run(On(windowStarts)).Of(Rule).Should().ContainSingle().Subject;
        reminder.Severity.Should().Be(FindingSeverity.Reminder);
        reminder.Expected.ShouldMention(ends.ToString("uuuu-MM-dd", null));
        StructureCheck.Run(On(windowStarts.PlusDays(-1))).Of(Rule).Should().BeEmpty();
        StructureCheck.Run(On(ends)).Of(Rule).Single().Severity.Should().Be(FindingSeverity.Reminder, "the last day of the term is still in the window");
    }

    [Fact]
    public void A_term_ending_six_months_and_one_day_out_gives_nothing()
    {
        var city = BranchElectedOn(new LocalDate(2022, 12, 16));

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void A_term_ending_today_is_still_a_reminder()
    {
        var city = BranchElectedOn(new LocalDate(2022, 6, 15));

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject;

        finding.Severity.Should().Be(FindingSeverity.Reminder);
        finding.Found.English.Should().Contain("ends in 0 days");
    }

    [Fact]
    public void A_term_that_ended_yesterday_is_overdue()
    {
        var city = BranchElectedOn(new LocalDate(2022, 6, 14));

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject
            .ShouldBe(Rule, FindingSeverity.Violation, SubjectKind.Organization, "B", city.Today);

        finding.Expected.ShouldMention("2025-06-14");
        finding.Found.ShouldMention("2022-06-14");
        finding.Found.English.Should().Contain("1 days overdue");
    }

    [Fact]
    public void The_days_overdue_are_counted()
    {
        var city = BranchElectedOn(new LocalDate(2022, 6, 5));

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject;

        finding.Severity.Should().Be(FindingSeverity.Violation);
        finding.Found.ShouldMention("10");
        finding.Found.Chinese.Should().Contain("已超期10天");
    }

    [Fact]
    public void A_committee_without_an_election_on_record_is_a_warning()
    {
        var city = new TestCity().Branch("B").CommitteeOf("B", 3);

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject
            .ShouldBe(Rule, FindingSeverity.Warning, SubjectKind.Organization, "B", city.Today);

        finding.Found.English.Should().Contain("no election on record");
    }

    [Fact]
    public void A_branch_with_only_a_secretary_and_no_election_is_not_reported()
    {
        var city = new TestCity().Branch("B").FullMember("S").Secretary("S", "B");

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void The_term_on_the_election_record_overrides_the_default()
    {
        // Five-year term elected 2020-12-15 ends 2025-12-15: six months out.
        var city = BranchElectedOn(new LocalDate(2020, 12, 15), termYears: 5);

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject;

        finding.Severity.Should().Be(FindingSeverity.Reminder);
        finding.Expected.ShouldMention("2025-12-15");
    }

    [Fact]
    public void The_latest_election_up_to_the_date_counts()
    {
        var city = new TestCity().Branch("B").CommitteeOf("B", 3)
            .Election("B", new LocalDate(2023, 1, 1)).Election("B", new LocalDate(2019, 1, 1));
        var dataset = city.Build();

        StructureCheck.Run(dataset).Of(Rule).Should().BeEmpty("the 2023 term ends on 2026-01-01");

        var before = StructureCheck.Run(dataset, new LocalDate(2022, 6, 1)).Of(Rule).Should().ContainSingle().Subject;
        before.Severity.Should().Be(FindingSeverity.Violation, "as of mid-2022 the 2019 term had ended on 2022-01-01");
        before.Expected.ShouldMention("2022-01-01");
    }

    [Fact]
    public void TermYears_and_NoticeMonths_are_tunable()
    {
        var city = BranchElectedOn(new LocalDate(2022, 12, 16));

        StructureCheck.Run(city, o => o.Set(Rule, "NoticeMonths", 7)).Of(Rule).Should().ContainSingle()
            .Which.Severity.Should().Be(FindingSeverity.Reminder);
        StructureCheck.Run(city, o => o.Set(Rule, "TermYears", 2)).Of(Rule).Should().ContainSingle()
            .Which.Severity.Should().Be(FindingSeverity.Violation);
    }

    [Fact]
    public void A_severity_override_applies_to_overdue_terms_but_reminders_stay_reminders()
    {
        var overdue = BranchElectedOn(new LocalDate(2022, 6, 14));
        var soon = BranchElectedOn(new LocalDate(2022, 12, 15));

        StructureCheck.Run(overdue, o => o.WithSeverity(Rule, FindingSeverity.Warning)).Of(Rule).Single().Severity.Should().Be(FindingSeverity.Warning);
        StructureCheck.Run(soon, o => o.WithSeverity(Rule, FindingSeverity.Warning)).Of(Rule).Single().Severity.Should().Be(FindingSeverity.Reminder);
    }
}

public class SecretaryStandingRuleTests
{
    private static readonly RuleId Rule = StructureRuleIds.SecretaryStanding;

    private static TestCity BranchWithSecretary(params StandingChange[] standings) =>
        new TestCity().Branch("B").Person("S", standings).Register("S", "B").Secretary("S", "B", new LocalDate(2025, 1, 1));

    [Fact]
    public void Exactly_one_year_of_standing_is_enough()
    {
        var city = new TestCity().Branch("B").FullMember("S", new LocalDate(2024, 6, 15)).Secretary("S", "B", new LocalDate(2025, 1, 1));

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void One_day_less_than_a_year_is_a_warning()
    {
        var city = new TestCity().Branch("B").FullMember("S", new LocalDate(2024, 6, 16)).Secretary("S", "B", new LocalDate(2025, 1, 1));

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject
            .ShouldBe(Rule, FindingSeverity.Warning, SubjectKind.Organization, "B", city.Today);

        finding.Citation.Document.Should().Be(Regulations.BranchWork);
        finding.Citation.Provision.Should().Be("第六章");
        finding.Expected.ShouldMention("1");
        finding.Found.ShouldMention("人员S", "2024-06-16");
    }

    [Fact]
    public void A_full_member_since_29_February_has_a_year_of_standing_on_28_February()
    {
        var city = new TestCity(new LocalDate(2025, 2, 28)).Branch("B").FullMember("S", new LocalDate(2024, 2, 29)).Secretary("S", "B", new LocalDate(2025, 1, 1));

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void A_probationary_secretary_is_not_a_full_member()
    {
        var city = BranchWithSecretary(TestCity.Standing(MemberStanding.ProbationaryMember, new LocalDate(2024, 1, 1)));

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject;

        finding.Found.English.Should().Be("secretary 人员S is not a full member");
        finding.Found.Chinese.Should().Contain("不是正式党员");
    }

    [Fact]
    public void Standing_counts_from_the_latest_spell_of_full_membership()
    {
        // Full member 2009–2016, ceased, rejoined: full again only since 2024-09-01.
        var city = BranchWithSecretary(
            TestCity.Standing(MemberStanding.ProbationaryMember, new LocalDate(2008, 1, 1)),
            TestCity.Standing(MemberStanding.FullMember, new LocalDate(2009, 1, 1)),
            TestCity.Standing(MemberStanding.Ceased, new LocalDate(2016, 1, 1)),
            TestCity.Standing(MemberStanding.ProbationaryMember, new LocalDate(2023, 9, 1)),
            TestCity.Standing(MemberStanding.FullMember, new LocalDate(2024, 9, 1)));

        var finding = StructureCheck.Run(city).Of(Rule).Should().ContainSingle().Subject;

        finding.Found.ShouldMention("2024-09-01");
    }

    [Fact]
    public void The_industry_committee_secretary_is_not_checked()
    {
        var city = new TestCity().Probationary("S", new LocalDate(2025, 1, 1)).Secretary("S", TestCity.Committee, new LocalDate(2025, 2, 1));

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void A_former_secretary_is_not_checked()
    {
        var city = new TestCity().Branch("B")
            .Probationary("OLD", new LocalDate(2020, 1, 1)).Secretary("OLD", "B", new LocalDate(2020, 1, 1), new LocalDate(2024, 12, 31))
            .FullMember("NEW", new LocalDate(2010, 1, 1)).Secretary("NEW", "B", new LocalDate(2025, 1, 1));

        StructureCheck.Run(city).Of(Rule).Should().BeEmpty();
    }

    [Fact]
    public void MinYears_tunes_the_requirement()
    {
        var city = new TestCity().Branch("B").FullMember("S", new LocalDate(2024, 6, 15)).Secretary("S", "B", new LocalDate(2025, 1, 1));

        var finding = StructureCheck.Run(city, o => o.Set(Rule, "MinYears", 2)).Of(Rule).Should().ContainSingle().Subject;

        finding.Expected.ShouldMention("2");
    }
}
