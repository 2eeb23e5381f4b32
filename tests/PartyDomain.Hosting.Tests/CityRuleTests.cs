using Contoso.PartyPlugin;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Rules;
using PartyDomain.Testing;
using PartyDomain.Tests;
using PartyDomain.Time;

namespace PartyDomain.Hosting.Tests;

/// <summary>
/// A city's own basic-system rule written against the public base, in an assembly that sees none of the core's
/// internals: the sample plugin's <see cref="ServiceThemeDayRule"/> and the same sweep used the way the built-in
/// frequency rule uses it.
/// </summary>
public sealed class CityRuleTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static ActivityRecord ThemeDay(string id, string branch, LocalDate on, params string[] tags) => new()
    {
        Id = id,
        OrganizationId = new(branch),
        Kind = ActivityKind.ThemePartyDay,
        Date = on,
        Tags = tags,
    };

    /// <summary>B holds a service theme day in Q1 (twice, entered on two platforms) and Q3; B2 is founded on 1 September.</summary>
    private static TestCity City()
    {
        var city = new TestCity(D(2026, 3, 1)).Branch("B").Branch("B2", established: D(2025, 9, 1));
        city.Add(ThemeDay("A1", "B", D(2025, 2, 10), "public-legal-service"))
            .Add(ThemeDay("A2", "B", D(2025, 2, 10), "public-legal-service"))
            .Add(ThemeDay("A3", "B", D(2025, 5, 10)))
            .Add(ThemeDay("A4", "B", D(2025, 8, 10), "public-legal-service"))
            .Add(ThemeDay("A5", "B2", D(2025, 11, 10), "public-legal-service"));
        return city;
    }

    private static ComplianceResult Evaluate(TestCity city, params IBasicSystemRule[] rules) =>
        new ComplianceEvaluator(rules, Microsoft.Extensions.Options.Options.Create(new RuleOptions()),
            Microsoft.Extensions.Options.Options.Create(new ComplianceOptions()), city.Clock.InShanghai()).Evaluate(city.Build(), ReportingPeriod.Year(2025));

    [Fact]
    public void The_sample_rule_judges_each_quarter_the_branch_lived_counting_days_not_records()
    {
        var result = Evaluate(City(), new ServiceThemeDayRule());

        result.Outcomes(new("B"), ServiceThemeDayRule.Key).Should().Equal(SlotOutcome.Met, SlotOutcome.Missed, SlotOutcome.Met, SlotOutcome.Missed);
        result.Outcomes(new("B2"), ServiceThemeDayRule.Key).Should().Equal(
            [SlotOutcome.NotApplicable, SlotOutcome.NotApplicable, SlotOutcome.NotApplicable, SlotOutcome.Met],
            "B2 lived too little of Q3 to be judged on it");
        result.Results().Single(r => r.Organization.Id == new Organization.OrganizationId("B") && r.Slot.Index == 0).Found
            .Should().Be(1, "two records of one day are one theme party day");
        var miss = result.Misses().Single(m => m.Slot.Index == 1);
        miss.Finding.RuleId.Should().Be(ServiceThemeDayRule.Key);
        miss.Finding.Citation.Document.Should().Be("示例市律师行业党建工作规范");
        miss.Finding.Expected.Chinese.Should().Be("至少1次");
    }

    [Fact]
    public void A_rule_written_on_the_public_sweep_judges_exactly_as_the_built_in_frequency_family()
    {
        var city = City();
        var builtIn = BasicSystemRules.Frequency(new RuleId("CITY-BUILT-IN"), new("主题党日", "Theme day"), new("本市规定", null, SourceConfidence.Local),
            BasicSystem.ThemePartyDay, ActivityKind.ThemePartyDay, Cadence.Monthly, 1, OrganizationScope.Branches);
        var result = Evaluate(city, builtIn, new SweepingRule());

        var mine = result.Results().Where(r => r.Rule is SweepingRule).Select(r => (r.Organization.Id, r.Slot.Index, r.Outcome, r.Found, r.Expected));
        var theirs = result.Results().Where(r => r.Rule == builtIn).Select(r => (r.Organization.Id, r.Slot.Index, r.Outcome, r.Found, r.Expected));
        mine.Should().Equal(theirs).And.HaveCount(12 + 4, "B is judged every month, B2 from September");
    }

    [Fact]
    public void Outcomes_are_written_only_while_the_rule_runs_and_only_for_organizations_and_slots_of_the_evaluation()
    {
        var keeper = new KeepingRule();
        var result = Evaluate(City(), keeper);

        keeper.Problems.Should().HaveCount(2);
        keeper.Problems[0].Should().BeOfType<ArgumentException>().Which.Message.Should().Contain("2025-03");
        keeper.Problems[1].Should().BeOfType<ArgumentException>().Which.Message.Should().Contain("ELSEWHERE");
        var late = () => keeper.Kept!.Set(result.Organizations[0], keeper.Slot!, SlotOutcome.Missed, 0, 1);
        late.Should().Throw<InvalidOperationException>().WithMessage("*only while the rule is evaluated*");
        result.Outcomes(new("B"), KeepingRule.Key).Should().Equal(SlotOutcome.Met);
    }

    [Fact]
    public void A_slot_of_an_earlier_evaluation_is_refused()
    {
        var city = City();
        var stale = new StaleSlotRule();
        Evaluate(city, stale);
        Evaluate(city, stale);

        stale.Problem.Should().BeOfType<ArgumentException>().Which.Message.Should().Contain("another evaluation");
    }

    /// <summary>Keeps a slot of its first evaluation and writes it in the second.</summary>
    private sealed class StaleSlotRule() : BasicSystemRule(new RuleId("CITY-STALE"), new("过期", "Stale"), new("本市规定", null, SourceConfidence.Local),
        BasicSystem.ThemePartyDay, Cadence.Quarterly, OrganizationScope.Branches, [ActivityKind.ThemePartyDay], FindingSeverity.Warning)
    {
        private SweptSlot? _kept;

        public Exception? Problem { get; private set; }

        public override void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes)
        {
            if (_kept is { } kept)
            {
                Problem = Record.Exception(() => outcomes.Set(kept, SlotOutcome.Met, 1, 1));
                return;
            }

            foreach (var slot in Sweep(context, ActivityKind.ThemePartyDay))
            {
                _kept = slot;
                outcomes.Set(slot, SlotOutcome.Met, 1, 1);
            }
        }

        public override (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected) => (new("-", "-"), new("-", "-"));
    }

    /// <summary>The built-in frequency rule's loop, written with what any assembly sees.</summary>
    private sealed class SweepingRule() : BasicSystemRule(new RuleId("CITY-SWEEPING"), new("主题党日", "Theme day"), new("本市规定", null, SourceConfidence.Local),
        BasicSystem.ThemePartyDay, Cadence.Monthly, OrganizationScope.Branches, [ActivityKind.ThemePartyDay], FindingSeverity.Violation)
    {
        public override void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes)
        {
            foreach (var slot in Sweep(context, ActivityKind.ThemePartyDay))
            {
                var held = slot.Meetings();
                outcomes.Set(slot, slot.Decide(held >= 1), held, 1);
            }
        }

        public override (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected) => (new("-", "-"), new("-", "-"));
    }

    /// <summary>Writes once properly, tries two wrong writes, and keeps the outcomes to write after its evaluation.</summary>
    private sealed class KeepingRule() : BasicSystemRule(Key, new("保留", "Keeps"), new("本市规定", null, SourceConfidence.Local),
        BasicSystem.ThemePartyDay, Cadence.Yearly, OrganizationScope.Branches, [], FindingSeverity.Warning)
    {
        public static RuleId Key { get; } = new("CITY-KEEPING");

        public RuleOutcomes? Kept { get; private set; }

        public CadenceSlot? Slot { get; private set; }

        public List<Exception> Problems { get; } = [];

        public override void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes)
        {
            var branch = context.Organizations.Single(o => o.Id == new Organization.OrganizationId("B"));
            Slot = context.Slots(Cadence)[0];
            outcomes.Set(branch, Slot, context.Window(branch, Slot).Decide(true), 1, 1);
            Try(() => outcomes.Set(branch, context.Slots(Cadence.Monthly)[2], SlotOutcome.Met, 1, 1));
            Try(() => outcomes.Set(branch with { Id = new("ELSEWHERE") }, Slot, SlotOutcome.Met, 1, 1));
            Kept = outcomes;
        }

        public override (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected) => (new("-", "-"), new("-", "-"));

        private void Try(Action write)
        {
            try
            {
                write();
            }
            catch (Exception e)
            {
                Problems.Add(e);
            }
        }
    }
}
