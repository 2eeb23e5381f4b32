using Microsoft.Extensions.DependencyInjection;
using PartyDomain.BasicSystems;
using PartyDomain.Extensibility;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;
using PartyDomain.Tests;
using PartyDomain.Time;

namespace PartyDomain.Hosting.Tests;

/// <summary>A rule tuned by a plugin's default or by configuration reads with the number in force, in its title as in its finding.</summary>
public sealed class RuleTitleTests : IDisposable
{
    private readonly PluginFixtures _fixtures = new();

    public void Dispose() => _fixtures.Dispose();

    private ServiceProvider HostWith(string register)
    {
        _fixtures.AddFixture("tuning", register);
        var services = new ServiceCollection();
        var builder = services.AddPartyDomain();
        new PluginHost(new PluginHostOptions { Folders = { _fixtures.Root } }).Load(builder).Loaded.Should().ContainSingle();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void A_plugins_tuned_default_is_the_number_in_the_findings_title_and_expectation()
    {
        var city = new TestCity().Firms("F1", "F2", "F3", "F4").JointBranch("J1", "F1", "F2", "F3", "F4");
        using var provider = HostWith("context.Builder.SetRuleDefault(PartyDomain.Organization.Structure.StructureRuleIds.JointBranchFirms, \"MaxFirms\", 3);");

        var finding = provider.GetRequiredService<StructureChecker>().Check(city.Build(), city.Today).Findings
            .Should().ContainSingle(f => f.RuleId == StructureRuleIds.JointBranchFirms).Subject;

        finding.RuleTitle.Chinese.Should().Be("联合党支部覆盖单位一般不超过3个");
        finding.RuleTitle.English.Should().Be("A joint branch covers at most 3 firms");
        finding.Describe(TextLanguage.Chinese).Should().Contain("不超过3个").And.Contain("不超过3家").And.NotContain("5");
    }

    [Fact]
    public void Configured_parameters_are_in_the_title_and_the_library_default_stays_the_rules_own_title()
    {
        var city = new TestCity().Firm("F1").BranchOf("B1", "F1").Members("M", 5, registeredAt: "B1", employedAt: "F1");
        var services = new ServiceCollection();
        services.AddPartyDomain(b => b.ConfigureRules(o => o.Rules["ORG-BRANCH-SIZE"] = new RuleSettings { Parameters = { ["MaxMembers"] = 4 } }));
        using var provider = services.BuildServiceProvider();

        var result = provider.GetRequiredService<StructureChecker>().Check(city.Build(), city.Today);

        result.Findings.Should().ContainSingle(f => f.RuleId == StructureRuleIds.BranchSize).Which.RuleTitle.Chinese.Should().Be("党支部党员人数一般不超过4人");
        DefaultStructureRules.Create().Single(r => r.Id == StructureRuleIds.BranchSize).Title.Chinese.Should().Be("党支部党员人数一般不超过50人");
        var rule = DefaultStructureRules.Create().Single(r => r.Id == StructureRuleIds.CommitteeSize);
        rule.TitleFor(new RuleOptions().Resolve(rule)).Should().BeEquivalentTo(rule.Title);
        rule.TitleFor(new RuleOptions().Resolve(rule)).Chinese.Should().Be("支部委员会由3至7人组成");
    }

    [Fact]
    public void A_basic_system_rule_tuned_by_a_plugin_reads_with_its_number_in_misses_and_reminders()
    {
        var city = new TestCity().Firm("F1").BranchOf("B1", "F1").FullMember("S1").Register("S1", "B1").Employ("S1", "F1").Secretary("S1", "B1")
            .Lesson("B1", new LocalDate(2024, 5, 10), "S1", "S1");
        using var provider = HostWith("context.Builder.SetRuleDefault(PartyDomain.BasicSystems.BasicSystemRuleIds.SecretaryLecture, \"MinLessons\", 2);");

        var result = provider.GetRequiredService<ComplianceEvaluator>().Evaluate(city.Build(), ReportingPeriod.Year(2024));

        var miss = result.Misses().Should().ContainSingle(m => m.Finding.RuleId == BasicSystemRuleIds.SecretaryLecture).Subject;
        miss.Finding.RuleTitle.Chinese.Should().Be("党支部书记每年至少讲2次党课");
        miss.Finding.Expected.Chinese.Should().Contain("至少2次");
    }
}
