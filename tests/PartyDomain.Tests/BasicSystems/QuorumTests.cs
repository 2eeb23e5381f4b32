using PartyDomain.BasicSystems;
using PartyDomain.Organization;
using PartyDomain.Time;
using PartyDomain.Tests.Organization.Structure;
using static PartyDomain.BasicSystems.BasicSystemRuleIds;
using static PartyDomain.Tests.BasicSystems.ComplianceRun;
using static PartyDomain.Testing.TestCity;

namespace PartyDomain.Tests.BasicSystems;

/// <summary>
/// 党员大会 is valid with more than half of the full members registered in the branch on the day present; 支委会 with
/// more than half of the committee seats. Today is 2025-06-15, so the first quarter (and January to May) have ended.
/// </summary>
public class QuorumTests
{
    private static readonly LocalDate MeetingDay = D(2025, 2, 10);

    private static ComplianceResult Evaluate(TestCity city) => ComplianceRun.Evaluate(city, ReportingPeriod.Year(2025));

    private static SlotOutcome GeneralMeetingQ1(ComplianceResult result) => result.Of("B", GeneralMeeting)[0];

    private static SlotOutcome QuorumQ1(ComplianceResult result) => result.Of("B", GeneralMeetingQuorum)[0];

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(2, 1, false)]
    [InlineData(2, 2, true)]
    [InlineData(4, 2, false)]
    [InlineData(4, 3, true)]
    [InlineData(5, 2, false)]
    [InlineData(5, 3, true)]
    [InlineData(10, 5, false)]
    [InlineData(10, 6, true)]
    public void A_general_meeting_needs_more_than_half_of_the_full_members(int full, int present, bool quorate)
    {
        var attendees = Enumerable.Range(1, present).Select(i => $"M-F{i}").ToArray();
        var city = new TestCity().Branch("B").Members("M", full, registeredAt: "B").Activity("B", ActivityKind.GeneralMeeting, MeetingDay, attendees);

        var result = Evaluate(city);

        GeneralMeetingQ1(result).Should().Be(quorate ? SlotOutcome.Met : SlotOutcome.Missed);
        QuorumQ1(result).Should().Be(quorate ? SlotOutcome.Met : SlotOutcome.Missed);
        result.Slot("B", GeneralMeeting, "2025-Q1")!.Found.Should().Be(quorate ? 1 : 0, "a meeting below quorum does not count as held");
    }

    /// <summary>
    /// Four full members registered in B; two of them attend, with one other attendee who is not a full member of B on
    /// the day. Counting that attendee would make three of four, a quorum.
    /// </summary>
    [Theory]
    [InlineData("activist")]
    [InlineData("guest")]
    [InlineData("member of another branch")]
    [InlineData("unregistered full member")]
    [InlineData("probationary member of the branch")]
    [InlineData("probationary on the day, full member later")]
    [InlineData("transferred out before the day")]
    [InlineData("registered in the branch only after the day")]
    public void Attendees_who_are_not_full_members_of_the_branch_on_the_day_are_kept_but_never_make_a_quorum(string who)
    {
        var city = new TestCity().Branch("B").Branch("B2").Members("M", full: 4, registeredAt: "B");
        switch (who)
        {
            case "activist":
                city.Activist("X");
                break;
            case "guest":
                city.NonMember("X");
                break;
            case "member of another branch":
                city.FullMemberOf("X", "B2");
                break;
            case "unregistered full member":
                city.FullMember("X");
                break;
            case "probationary member of the branch":
                city.Probationary("X").Register("X", "B");
                break;
            case "probationary on the day, full member later":
                city.FullMember("X", since: D(2025, 3, 1)).Register("X", "B");
                break;
            case "transferred out before the day":
                city.FullMember("X").Register("X", "B", to: D(2025, 1, 31)).Register("X", "B2", from: D(2025, 2, 1));
                break;
            case "registered in the branch only after the day":
                city.FullMember("X").Register("X", "B2", to: D(2025, 2, 28)).Register("X", "B", from: D(2025, 3, 1));
                break;
        }

        city.Activity("B", ActivityKind.GeneralMeeting, MeetingDay, "M-F1", "M-F2", "X");

        var dataset = city.Build();
        var result = PartyDomainEngines.Create(city.Clock).Compliance.Evaluate(dataset, ReportingPeriod.Year(2025));

        dataset.Activities.Single().Attendance.Should().HaveCount(3, "attendees who are not members are kept as such");
        GeneralMeetingQ1(result).Should().Be(SlotOutcome.Missed);
        QuorumQ1(result).Should().Be(SlotOutcome.Missed);
    }

    [Fact]
    public void The_same_attendees_make_a_quorum_once_a_third_full_member_of_the_branch_attends()
    {
        var city = new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B").NonMember("X")
            .Activity("B", ActivityKind.GeneralMeeting, MeetingDay, "M-F1", "M-F2", "M-F3", "X");

        GeneralMeetingQ1(Evaluate(city)).Should().Be(SlotOutcome.Met);
    }

    [Fact]
    public void A_member_registered_in_the_branch_on_the_day_counts_even_if_transferred_out_later()
    {
        // Five expected on the day (F1..F4 and X); three present make a quorum. Read as of today, X would not count at all.
        var city = new TestCity().Branch("B").Branch("B2").Members("M", full: 4, registeredAt: "B")
            .FullMember("X").Register("X", "B", to: D(2025, 3, 31)).Register("X", "B2", from: D(2025, 4, 1))
            .Activity("B", ActivityKind.GeneralMeeting, MeetingDay, "M-F1", "M-F2", "X");

        GeneralMeetingQ1(Evaluate(city)).Should().Be(SlotOutcome.Met, "F1, F2 and X are 3 of the 5 registered on the day");
    }

    [Fact]
    public void Probationary_members_of_the_branch_are_not_expected_either()
    {
        // Two full and three probationary members: two full members present are all of those expected.
        var city = new TestCity().Branch("B").Members("M", full: 2, probationary: 3, registeredAt: "B")
            .Activity("B", ActivityKind.GeneralMeeting, MeetingDay, "M-F1", "M-F2");

        GeneralMeetingQ1(Evaluate(city)).Should().Be(SlotOutcome.Met);
    }

    [Fact]
    public void Excused_full_members_are_still_expected()
    {
        var twoPresentThreeExcused = new TestCity().Branch("B").Members("M", full: 5, registeredAt: "B")
            .Activity("B", ActivityKind.GeneralMeeting, MeetingDay,
                [Present("M-F1"), Present("M-F2"), Excused("M-F3"), Excused("M-F4", "病假"), Excused("M-F5", "外出办案")]);
        var threePresentTwoExcused = new TestCity().Branch("B").Members("M", full: 5, registeredAt: "B")
            .Activity("B", ActivityKind.GeneralMeeting, MeetingDay,
                [Present("M-F1"), Present("M-F2"), Present("M-F3"), Excused("M-F4"), Absent("M-F5")]);

        GeneralMeetingQ1(Evaluate(twoPresentThreeExcused)).Should().Be(SlotOutcome.Missed, "2 of 5 expected: the excused count in the denominator");
        QuorumQ1(Evaluate(twoPresentThreeExcused)).Should().Be(SlotOutcome.Missed);
        GeneralMeetingQ1(Evaluate(threePresentTwoExcused)).Should().Be(SlotOutcome.Met);
    }

    [Fact]
    public void Members_not_listed_at_all_are_still_expected()
    {
        var city = new TestCity().Branch("B").Members("M", full: 6, registeredAt: "B")
            .Activity("B", ActivityKind.GeneralMeeting, MeetingDay, [Present("M-F1"), Present("M-F2"), Present("M-F3")]);

        GeneralMeetingQ1(Evaluate(city)).Should().Be(SlotOutcome.Missed, "3 of 6 is exactly half");
    }

    [Fact]
    public void A_quorate_meeting_makes_the_quarter_held_but_a_second_meeting_below_quorum_still_misses_the_quorum_rule()
    {
        var city = new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B")
            .Activity("B", ActivityKind.GeneralMeeting, D(2025, 1, 10), "M-F1", "M-F2", "M-F3")
            .Activity("B", ActivityKind.GeneralMeeting, D(2025, 3, 10), "M-F1");

        var result = Evaluate(city);

        GeneralMeetingQ1(result).Should().Be(SlotOutcome.Met);
        QuorumQ1(result).Should().Be(SlotOutcome.Missed);
        result.Slot("B", GeneralMeetingQuorum, "2025-Q1").Should().Match<SlotResult>(r => r.Found == 1 && r.Expected == 2);
    }

    [Fact]
    public void A_meeting_below_quorum_misses_the_quorum_rule_at_once_while_the_quarter_is_still_pending_for_frequency()
    {
        var city = new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B")
            .Activity("B", ActivityKind.GeneralMeeting, D(2025, 5, 10), "M-F1", "M-F2");

        var result = Evaluate(city);

        result.Of("B", GeneralMeeting)[1].Should().Be(SlotOutcome.Pending);
        result.Of("B", GeneralMeetingQuorum)[1].Should().Be(SlotOutcome.Missed);
    }

    [Fact]
    public void Without_a_meeting_the_quorum_rule_is_not_applicable()
    {
        var city = new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B");

        var result = Evaluate(city);

        result.Of("B", GeneralMeetingQuorum).Should().Equal(Repeat(SlotOutcome.NotApplicable, 4));
        result.Of("B", GeneralMeeting)[0].Should().Be(SlotOutcome.Missed);
    }

    [Fact]
    public void With_RequireQuorum_0_a_meeting_below_quorum_counts_as_held()
    {
        var city = new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B")
            .Activity("B", ActivityKind.GeneralMeeting, MeetingDay, "M-F1");

        var result = ComplianceRun.Evaluate(city, ReportingPeriod.Year(2025), o => o.Set(GeneralMeeting, "RequireQuorum", 0));

        GeneralMeetingQ1(result).Should().Be(SlotOutcome.Met);
        QuorumQ1(result).Should().Be(SlotOutcome.Missed, "the quorum rule is tuned separately");
        result.Rules.Single(r => r.Id == GeneralMeeting)["RequireQuorum"].Should().Be(0);
    }

    // ---- 支委会 -----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(3, 1, false)]
    [InlineData(3, 2, true)]
    [InlineData(4, 2, false)]
    [InlineData(4, 3, true)]
    [InlineData(5, 2, false)]
    [InlineData(5, 3, true)]
    public void A_committee_meeting_needs_more_than_half_of_the_committee_seats(int seats, int present, bool quorate)
    {
        var members = new[] { "B-SEC", "B-CM1", "B-CM2", "B-CM3", "B-CM4" };
        var city = new TestCity().Branch("B").Members("M", full: 8, registeredAt: "B").CommitteeOf("B", seats)
            .Activity("B", ActivityKind.CommitteeMeeting, MeetingDay, members.Take(present).ToArray());

        var result = Evaluate(city);

        result.Of("B", CommitteeMeeting)[1].Should().Be(quorate ? SlotOutcome.Met : SlotOutcome.Missed);
        result.Of("B", CommitteeMeetingQuorum)[1].Should().Be(quorate ? SlotOutcome.Met : SlotOutcome.Missed);
    }

    [Fact]
    public void Ordinary_members_guests_and_former_committee_members_do_not_make_a_committee_quorum()
    {
        // Seats on the day: SEC, CM1, CM2 (three). CM-OLD left the committee on 31 January.
        var city = new TestCity().Branch("B").Members("M", full: 8, registeredAt: "B").CommitteeOf("B", 3).NonMember("GUEST")
            .FullMember("CM-OLD").Post("CM-OLD", "B", PartyPost.CommitteeMember, to: D(2025, 1, 31))
            .Activity("B", ActivityKind.CommitteeMeeting, MeetingDay, "B-SEC", "M-F1", "GUEST", "CM-OLD", "M-F2")
            .Activity("B", ActivityKind.CommitteeMeeting, D(2025, 3, 10), "B-SEC", "B-CM1");

        var result = Evaluate(city);

        result.Of("B", CommitteeMeeting).Take(3).Should().Equal(SlotOutcome.Missed, SlotOutcome.Missed, SlotOutcome.Met);
        result.Of("B", CommitteeMeetingQuorum).Take(3).Should().Equal(SlotOutcome.NotApplicable, SlotOutcome.Missed, SlotOutcome.Met);
    }

    [Fact]
    public void A_person_holding_two_committee_posts_fills_one_seat()
    {
        // Secretary S also recorded as a committee member: three people, three seats. S and CM1 present: 2 of 3.
        var city = new TestCity().Branch("B").Members("M", full: 8, registeredAt: "B").CommitteeOf("B", 3)
            .Post("B-SEC", "B", PartyPost.CommitteeMember)
            .Activity("B", ActivityKind.CommitteeMeeting, MeetingDay, "B-SEC", "B-CM1");

        Evaluate(city).Of("B", CommitteeMeeting)[1].Should().Be(SlotOutcome.Met);
    }

    [Fact]
    public void An_excused_committee_member_is_still_a_seat()
    {
        var city = new TestCity().Branch("B").Members("M", full: 8, registeredAt: "B").CommitteeOf("B", 4)
            .Activity("B", ActivityKind.CommitteeMeeting, MeetingDay, [Present("B-SEC"), Present("B-CM1"), Excused("B-CM2"), Excused("B-CM3")]);

        Evaluate(city).Of("B", CommitteeMeeting)[1].Should().Be(SlotOutcome.Missed);
    }
}
