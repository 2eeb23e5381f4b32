using PartyDomain.BasicSystems;
using PartyDomain.Time;
using static PartyDomain.BasicSystems.BasicSystemRuleIds;
using static PartyDomain.BasicSystems.SlotOutcome;
using static PartyDomain.Tests.BasicSystems.ComplianceRun;

namespace PartyDomain.Tests.BasicSystems;

/// <summary>The three configurable readings of a slot (<see cref="ComplianceOptions"/>), each in both settings, and recorded in the result.</summary>
public class ComplianceChoicesTests
{
    private static ComplianceResult Run(TestCity city, LocalDate today, Action<ComplianceOptions>? compliance = null) =>
        Evaluator(city, today: today, rules: Only(ThemePartyDay, GeneralMeeting), compliance: compliance).Evaluate(city.Build(), ReportingPeriod.Year(2025));

    private static TestCity Branch(LocalDate? established = null, LocalDate? dissolved = null)
    {
        var city = new TestCity(new LocalDate(2026, 1, 10)).Branch("B", established: established, dissolved: dissolved);
        for (var i = 1; i <= 4; i++)
        {
            city.FullMemberOf($"M-F{i}", "B", from: established, to: dissolved?.PlusDays(-1));
        }

        return city;
    }

    // ---- partial slots -----------------------------------------------------------------------------------------------

    [Fact]
    public void By_default_a_branch_founded_on_20_February_is_not_judged_for_February()
    {
        var result = Run(Branch(new LocalDate(2025, 2, 20)), new LocalDate(2026, 1, 10));

        result.Of("B", ThemePartyDay)[1].Should().Be(NotApplicable, "9 of 28 days is under 50 %");
        result.PartialSlots.Should().Be(PartialSlotJudging.MinimumShare);
    }

    [Fact]
    public void Alive_on_the_last_day_judges_a_slot_a_branch_was_founded_in_whatever_the_share()
    {
        var result = Run(Branch(new LocalDate(2025, 2, 27)), new LocalDate(2026, 1, 10), o => o.PartialSlots = PartialSlotJudging.AliveOnLastDay);

        result.Of("B", ThemePartyDay).Take(3).Should().Equal(NotApplicable, Missed, Missed);
        result.Of("B", GeneralMeeting)[0].Should().Be(Missed, "it exists on 31 March");
        result.PartialSlots.Should().Be(PartialSlotJudging.AliveOnLastDay);
    }

    [Fact]
    public void Alive_on_the_last_day_does_not_judge_the_slot_a_branch_was_dissolved_in()
    {
        // Dissolved on 26 March 2025: 84 of 90 days of the first quarter, judged by the share, not by the last day.
        var city = Branch(dissolved: new LocalDate(2025, 3, 26));

        Run(city, new LocalDate(2026, 1, 10)).Of("B", GeneralMeeting)[0].Should().Be(Missed);
        Run(city, new LocalDate(2026, 1, 10), o => o.PartialSlots = PartialSlotJudging.AliveOnLastDay).Of("B", GeneralMeeting)[0].Should().Be(NotApplicable);
    }

    // ---- a running slot already met --------------------------------------------------------------------------------

    private static TestCity MetInJune() => Branch().Activity("B", ActivityKind.ThemePartyDay, new LocalDate(2025, 6, 5), "M-F1");

    [Fact]
    public void By_default_a_running_slot_already_met_is_met()
    {
        var result = Run(MetInJune(), new LocalDate(2025, 6, 15));

        result.Of("B", ThemePartyDay)[5].Should().Be(Met);
        result.MetBeforeSlotEnds.Should().Be(RunningSlotMet.Met);
    }

    [Fact]
    public void With_pending_a_running_slot_already_met_is_pending_never_a_reminder_and_met_once_over()
    {
        void Pend(ComplianceOptions o) => o.MetBeforeSlotEnds = RunningSlotMet.Pending;
        var running = Run(MetInJune(), new LocalDate(2025, 6, 15), Pend);

        running.Of("B", ThemePartyDay)[5].Should().Be(Pending);
        running.Reminders(30).Should().NotContain(r => r.RuleId == ThemePartyDay && r.Slot.Index == 5, "its minimum is already met");
        running.Reminders(60).Should().Contain(r => r.RuleId == ThemePartyDay && r.Slot.Index == 6, "July is still to do");
        running.MetBeforeSlotEnds.Should().Be(RunningSlotMet.Pending);
        Run(MetInJune(), new LocalDate(2025, 7, 1), Pend).Of("B", ThemePartyDay)[5].Should().Be(Met);
    }

    // ---- a slot ending today --------------------------------------------------------------------------------------------

    [Fact]
    public void By_default_a_slot_ending_today_is_pending()
    {
        var result = Run(Branch(), new LocalDate(2025, 6, 30));

        result.Of("B", ThemePartyDay)[5].Should().Be(Pending);
        result.Of("B", GeneralMeeting)[1].Should().Be(Pending);
        result.SlotEndingToday.Should().Be(SlotEndingToday.Pending);
    }

    [Fact]
    public void Judged_a_slot_ending_today_is_missed_if_not_met_and_the_day_after_is_the_same_in_both()
    {
        void Judge(ComplianceOptions o) => o.SlotEndingToday = SlotEndingToday.Judged;
        var result = Run(Branch(), new LocalDate(2025, 6, 30), Judge);

        result.Of("B", ThemePartyDay)[5].Should().Be(Missed);
        result.Of("B", GeneralMeeting)[1].Should().Be(Missed);
        result.Of("B", ThemePartyDay)[6].Should().Be(Pending);
        result.SlotEndingToday.Should().Be(SlotEndingToday.Judged);
        Run(Branch(), new LocalDate(2025, 7, 1)).Of("B", ThemePartyDay)[5].Should().Be(Missed);
    }

    [Fact]
    public void An_unknown_setting_is_an_error_at_start_up()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        PartyDomain.Extensibility.ServiceCollectionExtensions.AddPartyDomain(services);
        Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.Configure<ComplianceOptions>(services, o => o.SlotEndingToday = (SlotEndingToday)9);
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var act = () => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ComplianceEvaluator>(provider);

        act.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*SlotEndingToday*");
    }
}
