using PartyDomain.BasicSystems;
using PartyDomain.Organization;
using PartyDomain.Time;
using PartyDomain.Tests.Organization.Structure;
using static PartyDomain.BasicSystems.BasicSystemRuleIds;
using static PartyDomain.BasicSystems.SlotOutcome;
using static PartyDomain.Tests.BasicSystems.ComplianceRun;

namespace PartyDomain.Tests.BasicSystems;

/// <summary>Frequency rules slot by slot. Today is 2025-06-15 unless a test says otherwise.</summary>
public class FrequencyRuleTests
{
    private static TestCity FourMembers() => new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B");

    private static readonly string[] Quorum = ["M-F1", "M-F2", "M-F3"];

    [Fact]
    public void A_meeting_on_the_last_day_of_a_quarter_counts_for_that_quarter()
    {
        var city = FourMembers().Activity("B", ActivityKind.GeneralMeeting, D(2024, 3, 31), Quorum)
            .Activity("B", ActivityKind.GeneralMeeting, D(2024, 9, 30), Quorum)
            .Activity("B", ActivityKind.GeneralMeeting, D(2024, 12, 31), Quorum);

        Evaluate(city, ReportingPeriod.Year(2024)).Of("B", GeneralMeeting).Should().Equal(Met, Missed, Met, Met);
    }

    [Fact]
    public void A_meeting_on_the_first_day_of_a_quarter_counts_for_that_quarter_not_the_one_before()
    {
        var city = FourMembers().Activity("B", ActivityKind.GeneralMeeting, D(2024, 4, 1), Quorum)
            .Activity("B", ActivityKind.GeneralMeeting, D(2024, 10, 1), Quorum);

        Evaluate(city, ReportingPeriod.Year(2024)).Of("B", GeneralMeeting).Should().Equal(Missed, Met, Missed, Met);
    }

    [Fact]
    public void Month_boundaries_and_the_year_boundary_split_monthly_slots()
    {
        var city = FourMembers().Activity("B", ActivityKind.ThemePartyDay, D(2024, 1, 31))
            .Activity("B", ActivityKind.ThemePartyDay, D(2024, 3, 1))
            .Activity("B", ActivityKind.ThemePartyDay, D(2024, 12, 31))
            .Activity("B", ActivityKind.ThemePartyDay, D(2025, 1, 1));

        var result = Evaluate(city, ReportingPeriod.Year(2024));

        result.Of("B", ThemePartyDay).Should().Equal(Met, Missed, Met, Missed, Missed, Missed, Missed, Missed, Missed, Missed, Missed, Met);
        Evaluate(city, ReportingPeriod.Month(new YearMonth(2025, 1))).Of("B", ThemePartyDay).Should().Equal(Met);
    }

    [Fact]
    public void A_meeting_on_29_February_2024_counts_in_February_and_the_first_quarter()
    {
        var city = FourMembers().Activity("B", ActivityKind.ThemePartyDay, D(2024, 2, 29))
            .Activity("B", ActivityKind.GeneralMeeting, D(2024, 2, 29), Quorum);

        var year = Evaluate(city, ReportingPeriod.Year(2024));

        year.Of("B", ThemePartyDay).Take(3).Should().Equal(Missed, Met, Missed);
        year.Of("B", GeneralMeeting)[0].Should().Be(Met);
        year.Of("B", GeneralMeetingQuorum)[0].Should().Be(Met);
        Evaluate(city, ReportingPeriod.Month(new YearMonth(2024, 2))).Of("B", ThemePartyDay).Should().Equal(Met);
        Evaluate(city, ReportingPeriod.Quarter(2024, 1)).Of("B", GeneralMeeting).Should().Equal(Met);
    }

    /// <summary>A branch founded on the first day of the second quarter, its members registered from that day.</summary>
    private static TestCity FoundedOnFirstOfApril(params string[] present)
    {
        var founded = D(2025, 4, 1);
        var city = new TestCity().Branch("B", established: founded);
        for (var i = 1; i <= 4; i++)
        {
            city.FullMemberOf($"M-F{i}", "B", from: founded);
        }

        return city.Activity("B", ActivityKind.GeneralMeeting, founded, present).Activity("B", ActivityKind.ThemePartyDay, founded, present);
    }

    [Fact]
    public void A_record_on_the_day_a_branch_was_founded_counts()
    {
        var city = FoundedOnFirstOfApril(Quorum);

        var result = Evaluate(city, ReportingPeriod.Year(2025), today: D(2025, 7, 15));

        result.Of("B", GeneralMeeting).Should().Equal(NotApplicable, Met, Pending, Pending);
        result.Of("B", ThemePartyDay).Take(5).Should().Equal(NotApplicable, NotApplicable, NotApplicable, Met, Missed);
    }

    [Fact]
    public void The_quorum_of_a_meeting_on_the_founding_day_is_judged_in_the_slot_that_contains_it()
    {
        var quorate = Evaluate(FoundedOnFirstOfApril(Quorum), ReportingPeriod.Year(2025), today: D(2025, 7, 15));
        var belowQuorum = Evaluate(FoundedOnFirstOfApril("M-F1"), ReportingPeriod.Year(2025), today: D(2025, 7, 15));

        quorate.Of("B", GeneralMeetingQuorum)[1].Should().Be(Met);
        belowQuorum.Of("B", GeneralMeeting)[1].Should().Be(Missed);
        belowQuorum.Of("B", GeneralMeetingQuorum)[1].Should().Be(Missed);
    }

    [Fact]
    public void Duplicate_records_of_the_same_meeting_count_once()
    {
        // Same organization, kind and day under two ids (entered twice, or on two platforms).
        var city = FourMembers()
            .Activity("B", ActivityKind.ThemePartyDay, D(2025, 1, 10), [TestCity.Present("M-F1")], id: "PLATFORM-1")
            .Activity("B", ActivityKind.ThemePartyDay, D(2025, 1, 10), [TestCity.Present("M-F1")], id: "PLATFORM-2");

        var twice = FourMembers()
            .Activity("B", ActivityKind.ThemePartyDay, D(2025, 1, 10), "M-F1")
            .Activity("B", ActivityKind.ThemePartyDay, D(2025, 1, 24), "M-F1");

        var duplicated = Evaluate(city, ReportingPeriod.Year(2025), o => o.Set(ThemePartyDay, "MinCount", 2));
        var held = Evaluate(twice, ReportingPeriod.Year(2025), o => o.Set(ThemePartyDay, "MinCount", 2));

        duplicated.Of("B", ThemePartyDay)[0].Should().Be(Missed);
        duplicated.Slot("B", ThemePartyDay, "2025-01")!.Found.Should().Be(1);
        duplicated.MissesOf("B", ThemePartyDay)[0].RecordsConsidered.Should().BeEquivalentTo("PLATFORM-1", "PLATFORM-2");
        held.Of("B", ThemePartyDay)[0].Should().Be(Met);
        held.Slot("B", ThemePartyDay, "2025-01")!.Found.Should().Be(2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_duplicate_general_meeting_counts_once_and_is_quorate_when_either_record_is(bool fullRecordFirst)
    {
        // One entry of the same meeting lists fewer people; the meeting itself was quorate.
        var city = FourMembers();
        if (fullRecordFirst)
        {
            city.Activity("B", ActivityKind.GeneralMeeting, D(2025, 2, 10), Quorum).Activity("B", ActivityKind.GeneralMeeting, D(2025, 2, 10), "M-F1");
        }
        else
        {
            city.Activity("B", ActivityKind.GeneralMeeting, D(2025, 2, 10), "M-F1").Activity("B", ActivityKind.GeneralMeeting, D(2025, 2, 10), Quorum);
        }

        var result = Evaluate(city, ReportingPeriod.Year(2025), o => o.Set(GeneralMeeting, "MinCount", 2));

        result.Of("B", GeneralMeeting)[0].Should().Be(Missed);
        result.Slot("B", GeneralMeeting, "2025-Q1")!.Found.Should().Be(1);
        result.Of("B", GeneralMeetingQuorum)[0].Should().Be(Met);
        result.Slot("B", GeneralMeetingQuorum, "2025-Q1")!.Expected.Should().Be(1, "one meeting");
    }

    [Fact]
    public void The_committee_meeting_rule_does_not_apply_to_a_branch_with_only_a_secretary()
    {
        var city = FourMembers().FullMember("SEC").Secretary("SEC", "B")
            .Activity("B", ActivityKind.CommitteeMeeting, D(2025, 1, 10), "SEC");

        var result = Evaluate(city, ReportingPeriod.Year(2025));

        result.Of("B", CommitteeMeeting).Should().Equal(Repeat(NotApplicable, 12));
        result.Of("B", CommitteeMeetingQuorum).Should().Equal(Repeat(NotApplicable, 12));
    }

    [Fact]
    public void The_committee_meeting_rule_applies_from_the_month_the_branch_has_a_committee()
    {
        // A deputy all year, a committee member from 1 March 2025: three people in seats from March, so January and
        // February are not applicable, March on is judged.
        var city = FourMembers().FullMember("SEC").Secretary("SEC", "B").Post("M-F1", "B", PartyPost.DeputySecretary)
            .FullMember("CM").Post("CM", "B", PartyPost.CommitteeMember, from: D(2025, 3, 1))
            .Activity("B", ActivityKind.CommitteeMeeting, D(2025, 4, 8), "SEC", "CM");

        var result = Evaluate(city, ReportingPeriod.Year(2025));

        result.Of("B", CommitteeMeeting).Should().Equal(NotApplicable, NotApplicable, Missed, Met, Missed, Pending, Pending, Pending, Pending, Pending, Pending, Pending);
    }

    [Fact]
    public void A_secretary_and_two_deputies_hold_committee_meetings()
    {
        // 《支部工作条例》第六章 and 第十二条: three people in seats are a committee, which meets monthly.
        var city = FourMembers().Secretary("M-F1", "B").Post("M-F2", "B", PartyPost.DeputySecretary).Post("M-F3", "B", PartyPost.DeputySecretary)
            .Activity("B", ActivityKind.CommitteeMeeting, D(2025, 1, 8), "M-F1", "M-F2");

        Evaluate(city, ReportingPeriod.Year(2025)).Of("B", CommitteeMeeting).Take(3).Should().Equal(Met, Missed, Missed);
    }

    [Fact]
    public void A_secretary_and_one_committee_member_hold_no_committee_meetings()
    {
        var city = FourMembers().Secretary("M-F1", "B").Post("M-F2", "B", PartyPost.CommitteeMember)
            .Activity("B", ActivityKind.CommitteeMeeting, D(2025, 1, 8), "M-F1", "M-F2");

        Evaluate(city, ReportingPeriod.Year(2025)).Of("B", CommitteeMeeting).Should().Equal(Repeat(NotApplicable, 12));
    }

    [Fact]
    public void Group_meetings_apply_to_party_groups_only()
    {
        var city = FourMembers().PartyGroup("G", "B")
            .Activity("G", ActivityKind.GroupMeeting, D(2025, 1, 20), "M-F1", "M-F2")
            .Activity("B", ActivityKind.GroupMeeting, D(2025, 2, 20), "M-F1", "M-F2");

        var result = Evaluate(city, ReportingPeriod.Year(2025));

        result.Of("G", GroupMeeting).Take(6).Should().Equal(Met, Missed, Missed, Missed, Missed, Pending);
        result.Of("B", GroupMeeting).Should().Equal(Repeat(NotApplicable, 12));
        result.Of("G", ThemePartyDay).Should().Equal(Repeat(NotApplicable, 12), "branch rules do not apply to a party group");
        result.Of("G", GeneralMeeting).Should().Equal(Repeat(NotApplicable, 4));
        result.Of(TestCity.Committee, GeneralMeeting).Should().Equal(Repeat(NotApplicable, 4), "nor to the industry committee");
    }

    [Fact]
    public void A_joint_branch_is_judged_like_a_branch()
    {
        var city = new TestCity().Firms("F1", "F2").JointBranch("J", "F1", "F2").Members("M", full: 3, registeredAt: "J")
            .Activity("J", ActivityKind.GeneralMeeting, D(2025, 3, 3), "M-F1", "M-F2");

        Evaluate(city, ReportingPeriod.Year(2025)).Of("J", GeneralMeeting)[0].Should().Be(Met);
    }

    [Fact]
    public void Records_of_other_kinds_and_other_branches_do_not_count()
    {
        var city = FourMembers().Branch("B2").Members("N", full: 4, registeredAt: "B2")
            .Activity("B2", ActivityKind.ThemePartyDay, D(2025, 1, 10), "N-F1")
            .Activity("B", ActivityKind.RedEducation, D(2025, 1, 11), "M-F1")
            .Activity("B", ActivityKind.PartyLesson, D(2025, 1, 12), "M-F1");

        var result = Evaluate(city, ReportingPeriod.Year(2025));

        result.Of("B", ThemePartyDay)[0].Should().Be(Missed);
        result.Of("B2", ThemePartyDay)[0].Should().Be(Met);
        result.Of("B", PartyLesson)[0].Should().Be(Met);
    }
}
