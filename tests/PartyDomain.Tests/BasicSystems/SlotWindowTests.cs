using NodaTime.Testing;
using PartyDomain.BasicSystems;
using PartyDomain.Rules;
using PartyDomain.Time;
using static PartyDomain.BasicSystems.BasicSystemRuleIds;
using static PartyDomain.BasicSystems.SlotOutcome;
using static PartyDomain.Tests.BasicSystems.ComplianceRun;

namespace PartyDomain.Tests.BasicSystems;

/// <summary>Partly-lived slots, dissolved organizations, cut periods, and pending versus missed as the clock moves.</summary>
public class SlotWindowTests
{
    private static readonly LocalDate Founded = D(2025, 2, 20);

    /// <summary>A branch founded on 20 February 2025 with four full members registered from that day.</summary>
    private static TestCity FoundedOn(LocalDate founded, LocalDate? today = null)
    {
        var city = new TestCity(today).Branch("B", established: founded);
        for (var i = 1; i <= 4; i++)
        {
            city.FullMemberOf($"M-F{i}", "B", from: founded);
        }

        return city;
    }

    [Fact]
    public void A_branch_founded_on_20_February_is_not_judged_for_February_or_the_first_quarter_but_is_for_the_year()
    {
        var result = Evaluate(FoundedOn(Founded), ReportingPeriod.Year(2025));

        result.Of("B", ThemePartyDay).Take(4).Should().Equal(NotApplicable, NotApplicable, Missed, Missed);
        result.Of("B", GeneralMeeting).Should().Equal(NotApplicable, Pending, Pending, Pending);
        result.Of("B", OrganizationalLifeMeeting).Should().Equal(Pending);
        result.Of("B", DemocraticAppraisal).Should().Equal(Pending);
        result.PartialSlotMinimumPercent.Should().Be(50);
    }

    [Fact]
    public void The_year_is_judged_on_the_days_from_the_founding_on_and_missed_once_it_has_ended()
    {
        var result = Evaluate(FoundedOn(Founded), ReportingPeriod.Year(2025), today: D(2026, 1, 5));

        result.Of("B", OrganizationalLifeMeeting).Should().Equal(Missed);
        var miss = result.MissesOf("B", OrganizationalLifeMeeting).Should().ContainSingle().Subject;
        miss.Finding.AsOf.Should().Be(D(2025, 12, 31));
    }

    [Fact]
    public void Setting_the_minimum_share_to_0_judges_every_slot_lived_a_day_of()
    {
        var result = Evaluate(FoundedOn(Founded), ReportingPeriod.Year(2025), partialPercent: 0);

        result.Of("B", ThemePartyDay).Take(3).Should().Equal(NotApplicable, Missed, Missed);
        result.Of("B", GeneralMeeting)[0].Should().Be(Missed);
        result.PartialSlotMinimumPercent.Should().Be(0);
    }

    [Fact]
    public void Setting_the_minimum_share_to_100_judges_only_slots_lived_through()
    {
        var result = Evaluate(FoundedOn(Founded), ReportingPeriod.Year(2025), partialPercent: 100);

        result.Of("B", ThemePartyDay).Take(3).Should().Equal(NotApplicable, NotApplicable, Missed);
        result.Of("B", OrganizationalLifeMeeting).Should().Equal(NotApplicable);
    }

    [Theory]
    [InlineData(15, true)] // 14 of 28 days: exactly half
    [InlineData(16, false)] // 13 of 28
    public void Half_of_a_slot_is_enough_by_default(int day, bool judged)
    {
        var result = Evaluate(FoundedOn(D(2025, 2, day)), ReportingPeriod.Year(2025));

        result.Of("B", ThemePartyDay)[1].Should().Be(judged ? Missed : NotApplicable);
    }

    [Fact]
    public void A_meeting_in_a_partly_lived_judged_slot_counts()
    {
        var city = FoundedOn(Founded).Activity("B", ActivityKind.GeneralMeeting, D(2025, 3, 5), "M-F1", "M-F2", "M-F3");

        Evaluate(city, ReportingPeriod.Year(2025), partialPercent: 0).Of("B", GeneralMeeting)[0].Should().Be(Met);
    }

    [Fact]
    public void A_dissolved_branch_is_not_applicable_after_its_dissolution()
    {
        // Dissolved on 1 March 2025 (its last day is 28 February): the first quarter is 59 of 90 days, judged.
        var city = new TestCity().Branch("B", dissolved: D(2025, 3, 1))
            .FullMemberOf("M-F1", "B", to: D(2025, 2, 28)).FullMemberOf("M-F2", "B", to: D(2025, 2, 28))
            .Activity("B", ActivityKind.ThemePartyDay, D(2025, 1, 10), "M-F1");

        var result = Evaluate(city, ReportingPeriod.Year(2025));

        result.Of("B", ThemePartyDay).Should().Equal(Met, Missed, NotApplicable, NotApplicable, NotApplicable, NotApplicable,
            NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable);
        result.Of("B", GeneralMeeting).Should().Equal(Missed, NotApplicable, NotApplicable, NotApplicable);
        result.Of("B", OrganizationalLifeMeeting).Should().ContainSingle().Which.Should().Be(NotApplicable, "it lived 59 days of the year");
    }

    [Fact]
    public void A_branch_dissolved_before_the_period_is_not_evaluated()
    {
        var city = new TestCity().Branch("B", dissolved: D(2024, 12, 1)).Branch("B2").Members("M", full: 3, registeredAt: "B2");

        var result = Evaluate(city, ReportingPeriod.Year(2025));

        result.Organizations.Select(o => o.Id.Value).Should().BeEquivalentTo(TestCity.Committee, "B2");
        result.Invoking(r => r.Outcomes(TestCity.O("B"), ThemePartyDay)).Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void A_branch_dissolved_during_a_running_slot_is_not_pending_and_gets_no_reminder()
    {
        var city = new TestCity().Branch("B", dissolved: D(2025, 6, 1))
            .FullMemberOf("M-F1", "B", to: D(2025, 5, 31)).FullMemberOf("M-F2", "B", to: D(2025, 5, 31));

        var result = Evaluate(city, ReportingPeriod.Year(2025));

        result.Of("B", GeneralMeeting)[1].Should().Be(Missed);
        result.Reminders(30).Should().NotContain(r => r.Organization.Id == TestCity.O("B"));
    }

    [Fact]
    public void A_custom_period_cutting_a_quarter_judges_the_cut_slot_by_the_same_share()
    {
        var city = new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B")
            .Activity("B", ActivityKind.GeneralMeeting, D(2025, 3, 10), "M-F1", "M-F2", "M-F3")
            .Activity("B", ActivityKind.ThemePartyDay, D(2025, 2, 5), "M-F1");

        // 1 January to 15 February: 46 of the quarter's 90 days (51%), 15 of February's 28 (54%).
        var longer = ReportingPeriod.Of(new DateInterval(D(2025, 1, 1), D(2025, 2, 15)));

        // 1 January to 10 February: 41 of 90 days (46%), 10 of 28 (36%).
        var shorter = ReportingPeriod.Of(new DateInterval(D(2025, 1, 1), D(2025, 2, 10)));

        var cut = Evaluate(city, longer);
        longer.Kind.Should().Be(ReportingPeriodKind.Custom);
        cut.Of("B", GeneralMeeting).Should().ContainSingle().Which.Should().Be(Missed, "the meeting of 10 March lies outside the period");
        cut.Of("B", ThemePartyDay).Should().Equal(Missed, Met);
        cut.MissesOf("B", GeneralMeeting).Single().RecordsConsidered.Should().BeEmpty();

        var shortResult = Evaluate(city, shorter);
        shortResult.Of("B", GeneralMeeting).Should().Equal(NotApplicable);
        shortResult.Of("B", ThemePartyDay).Should().Equal(Missed, NotApplicable);
        Evaluate(city, shorter, partialPercent: 0).Of("B", ThemePartyDay).Should().Equal(Missed, Met);
    }

    [Fact]
    public void An_out_of_range_minimum_share_is_refused()
    {
        var city = new TestCity();

        FluentActions.Invoking(() => Evaluator(city, partialPercent: 101)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Evaluator(city, partialPercent: -1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    // ---- pending versus missed ------------------------------------------------------------------------------------

    private static TestCity Held() => new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B")
        .Activity("B", ActivityKind.ThemePartyDay, D(2025, 5, 20), "M-F1");

    [Fact]
    public void Slots_not_ended_as_of_today_are_pending_and_missed_once_the_clock_moves_past_their_end()
    {
        var dataset = Held().Build();
        SlotOutcome June(LocalDate today) =>
            PartyDomainEngines.Create(TestCity.ClockAt(today)).Compliance.Evaluate(dataset, ReportingPeriod.Year(2025)).Outcomes(TestCity.O("B"), ThemePartyDay)[5];

        June(D(2025, 6, 15)).Should().Be(Pending);
        June(D(2025, 6, 30)).Should().Be(Pending, "the last day of the slot is still in it");
        June(D(2025, 7, 1)).Should().Be(Missed);
    }

    [Fact]
    public void A_slot_already_met_is_met_before_it_ends()
    {
        var result = Evaluate(Held(), ReportingPeriod.Year(2025), today: D(2025, 5, 20));

        result.Of("B", ThemePartyDay).Take(6).Should().Equal(Missed, Missed, Missed, Missed, Met, Pending);
    }

    [Fact]
    public void Today_is_read_in_Shanghai()
    {
        // 2025-06-30 16:30 UTC is 2025-07-01 00:30 in Shanghai: June has ended there.
        var dataset = Held().Build();
        var clock = new FakeClock(Instant.FromUtc(2025, 6, 30, 16, 30));
        var result = PartyDomainEngines.Create(clock).Compliance.Evaluate(dataset, ReportingPeriod.Year(2025));

        result.Today.Should().Be(D(2025, 7, 1));
        result.Of("B", ThemePartyDay)[5].Should().Be(Missed);
    }

    [Fact]
    public void A_TestCity_with_a_later_today_sees_the_slot_missed()
    {
        var later = new TestCity(today: D(2025, 7, 1)).Branch("B").Members("M", full: 4, registeredAt: "B")
            .Activity("B", ActivityKind.ThemePartyDay, D(2025, 5, 20), "M-F1");

        var result = Evaluate(later, ReportingPeriod.Year(2025));

        result.Of("B", ThemePartyDay).Take(7).Should().Equal(Missed, Missed, Missed, Missed, Met, Missed, Pending);
        result.Of("B", GeneralMeeting).Should().Equal(Missed, Missed, Pending, Pending);
    }

    [Fact]
    public void A_past_period_has_nothing_pending()
    {
        var result = Evaluate(Held(), ReportingPeriod.Year(2024));

        result.Results().Should().NotContain(r => r.Outcome == Pending);
        result.Overall().Pending.Should().Be(0);
    }

    [Fact]
    public void A_future_period_is_pending_throughout()
    {
        var result = Evaluate(Held(), ReportingPeriod.Year(2026));

        result.Results().Should().OnlyContain(r => r.Outcome == Pending);
        result.Overall().Rate.Should().BeNull();
        result.Rules.Should().Contain(r => r.Id == new RuleId("BS-THEME-PARTY-DAY"));
    }
}
