using PartyDomain.BasicSystems;
using PartyDomain.Time;

namespace PartyDomain.Tests.BasicSystems;

public class ComplianceSmokeTests
{
    [Fact]
    public void A_quarterly_general_meeting_is_met_missed_and_pending_by_quarter()
    {
        // Today is 2025-06-15: Q1 has ended, Q2 is running, Q3 and Q4 are ahead.
        var city = new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B")
            .Activity("B", ActivityKind.GeneralMeeting, new LocalDate(2025, 3, 31), "M-F1", "M-F2", "M-F3");
        var evaluator = PartyDomainEngines.Create(city.Clock).Compliance;

        var result = evaluator.Evaluate(city.Build(), ReportingPeriod.Year(2025));

        result.Outcomes(TestCity.O("B"), BasicSystemRuleIds.GeneralMeeting).Should()
            .Equal(SlotOutcome.Met, SlotOutcome.Pending, SlotOutcome.Pending, SlotOutcome.Pending);
        result.Outcomes(TestCity.O("B"), BasicSystemRuleIds.ThemePartyDay).Take(6).Should()
            .Equal(SlotOutcome.Missed, SlotOutcome.Missed, SlotOutcome.Missed, SlotOutcome.Missed, SlotOutcome.Missed, SlotOutcome.Pending);
        result.Misses().Should().Contain(m => m.Finding.RuleId == BasicSystemRuleIds.ThemePartyDay && m.Slot.ToString() == "2025-01");
    }

    [Fact]
    public void A_general_meeting_below_quorum_does_not_count()
    {
        var city = new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B")
            .Activity("B", ActivityKind.GeneralMeeting, new LocalDate(2025, 2, 10), "M-F1", "M-F2");
        var result = PartyDomainEngines.Create(city.Clock).Compliance.Evaluate(city.Build(), ReportingPeriod.Year(2025));

        result.Outcomes(TestCity.O("B"), BasicSystemRuleIds.GeneralMeeting)[0].Should().Be(SlotOutcome.Missed);
        result.Outcomes(TestCity.O("B"), BasicSystemRuleIds.GeneralMeetingQuorum)[0].Should().Be(SlotOutcome.Missed);
    }
}
