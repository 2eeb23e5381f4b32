using PartyDomain.BasicSystems;
using PartyDomain.Rules;
using PartyDomain.Testing;
using PartyDomain.Time;

namespace PartyDomain.Tests.BasicSystems;

/// <summary>Rules evaluated side by side (<see cref="ComplianceOptions.MaxDegreeOfParallelism"/>) give what one after another gives.</summary>
public class SideBySideEvaluationTests
{
    [Theory]
    [InlineData(RunningSlotMet.Met)]
    [InlineData(RunningSlotMet.Pending)]
    public void The_demo_city_evaluates_the_same_on_one_thread_and_on_four(RunningSlotMet running)
    {
        var dataset = DemoCity.Build(seed: 7, scale: 0.3);
        ComplianceResult Run(int threads) => PartyDomainEngines.Create(DemoCity.Clock, b => b.ConfigureCompliance(o =>
        {
            o.MaxDegreeOfParallelism = threads;
            o.MetBeforeSlotEnds = running;
        })).Compliance.Evaluate(dataset, ReportingPeriod.Year(2025));

        var one = Run(1);
        var four = Run(4);

        four.Results().Select(r => (r.Organization.Id, r.Rule.Id, r.Slot.Index, r.Outcome, r.Found, r.Expected))
            .Should().Equal(one.Results().Select(r => (r.Organization.Id, r.Rule.Id, r.Slot.Index, r.Outcome, r.Found, r.Expected)));
        four.MemberFindings.Select(f => f.Describe(TextLanguage.Chinese)).Should().Equal(one.MemberFindings.Select(f => f.Describe(TextLanguage.Chinese)));
        four.Misses().Select(m => m.Finding.Describe(TextLanguage.Chinese)).Should().Equal(one.Misses().Select(m => m.Finding.Describe(TextLanguage.Chinese)));
        one.Results().Should().NotBeEmpty();
    }

    [Fact]
    public void A_rule_that_throws_side_by_side_surfaces_its_own_exception()
    {
        var city = new TestCity().Branch("B").Members("M", full: 3, registeredAt: "B");
        var rules = DefaultBasicSystemRules.Create().Append(new ThrowingRule()).ToArray();

        var run = () => ComplianceRun.Evaluator(city, rules: rules, compliance: o => o.MaxDegreeOfParallelism = 4).Evaluate(city.Build(), ReportingPeriod.Year(2024));

        run.Should().Throw<InvalidOperationException>().WithMessage("city rule failed");
    }

    private sealed class ThrowingRule() : BasicSystemRule(new RuleId("CITY-THROWS"), new("抛出", "Throws"), new("本市规定", null, SourceConfidence.Local),
        BasicSystem.ThemePartyDay, Cadence.Yearly, OrganizationScope.Branches, [], FindingSeverity.Warning)
    {
        public override void Evaluate(ComplianceContext context, EffectiveRule rule, RuleOutcomes outcomes) => throw new InvalidOperationException("city rule failed");

        public override (LocalizedText Expected, LocalizedText Found) Explain(EffectiveRule rule, int found, int expected) => (new("-", "-"), new("-", "-"));
    }
}
