using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;
using PartyDomain.Testing;

namespace PartyDomain.Hosting.Tests;

/// <summary>PartyDomain.Testing, used as a city's plugin tests use it: the demo city, clocks in China Standard Time, finding assertions.</summary>
public sealed class TestingPackageTests
{
    [Theory]
    [InlineData(0, 30)]
    [InlineData(10, 0)]
    [InlineData(23, 59)]
    public void A_test_clock_is_on_the_day_in_china_standard_time_at_any_hour(int hour, int minute)
    {
        var clock = TestClock.On(new LocalDate(2025, 12, 31), new LocalTime(hour, minute));

        clock.Today().Should().Be(new LocalDate(2025, 12, 31));
        TestClock.On(2025, 12, 31).Today().Should().Be(new LocalDate(2025, 12, 31));
        clock.AdvanceDays(1);
        clock.Today().Should().Be(new LocalDate(2026, 1, 1));
    }

    private static (ServiceProvider Provider, PartyDomainBuilder Builder) HostWithSamplePlugins()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PartyDomain:PluginHost:Folders:0"] = "plugins" }).Build();
        var services = new ServiceCollection().AddSingleton(DemoCity.Clock);
        var builder = services.AddPartyDomain().AddPlugins(configuration);
        return (services.BuildServiceProvider(), builder);
    }

    [Fact]
    public void The_demo_city_runs_through_the_plugins_and_the_assertions_find_the_local_rule()
    {
        var (provider, builder) = HostWithSamplePlugins();
        using var _ = provider;
        var dataset = DemoCity.Build(scale: 0.2, indicators: builder.Indicators);

        var result = provider.GetRequiredService<StructureChecker>().Check(dataset, DemoCity.Today);
        var findings = result.Findings;

        dataset.City.Name.Should().Be("信阳市");
        DemoCity.Clock.Today().Should().Be(DemoCity.Today);
        // The sample city plugin's local rule runs on the demo city.
        result.Rules.Should().Contain(r => r.Id.Value.EndsWith("-REGISTRATION-IN-FIRM-BRANCH", StringComparison.Ordinal));
        findings.Should().NotBeEmpty();
        result.Rules.ShouldHaveRun(StructureRuleIds.BranchSize);
        findings.ShouldHaveNone(StructureRuleIds.BranchSize);
    }

    [Fact]
    public void Finding_assertions_return_the_finding_and_fail_listing_what_was_found()
    {
        var city = new TestCity().Firms("F1", "F2", "F3", "F4", "F5", "F6").JointBranch("J1", "F1", "F2", "F3", "F4", "F5", "F6");
        var findings = PartyDomainEngines.Create(city.Clock).Structure.Check(city.Build(), city.Today).Findings;

        var finding = findings.ShouldHaveOne(StructureRuleIds.JointBranchFirms, "J1").ShouldCite("中国共产党支部工作条例", "第五条");

        finding.Subject.Id.Should().Be("J1");
        FluentActions.Invoking(() => findings.ShouldHaveOne(StructureRuleIds.JointBranchFirms, "J2")).Should().Throw<FindingAssertionException>()
            .WithMessage("*one finding of ORG-JOINT-BRANCH-FIRMS about J2, found 0*J1*6 firms covered*");
        FluentActions.Invoking(() => findings.ShouldHaveNone(StructureRuleIds.JointBranchFirms)).Should().Throw<FindingAssertionException>()
            .WithMessage("*no finding of ORG-JOINT-BRANCH-FIRMS*found 1*J1*");
        FluentActions.Invoking(() => Array.Empty<EffectiveRule>().ShouldHaveRun(StructureRuleIds.BranchSize)).Should().Throw<FindingAssertionException>()
            .WithMessage("*ORG-BRANCH-SIZE did not run*");
        var disabled = new RuleOptions();
        disabled.Rules[StructureRuleIds.BranchSize.Value] = new RuleSettings { Enabled = false };
        var quiet = new StructureChecker(DefaultStructureRules.Create(), Microsoft.Extensions.Options.Options.Create(disabled)).Check(city.Build(), city.Today);
        FluentActions.Invoking(() => quiet.Rules.ShouldHaveRun(StructureRuleIds.BranchSize)).Should().Throw<FindingAssertionException>()
            .WithMessage("*ORG-BRANCH-SIZE ran disabled*");
        FluentActions.Invoking(() => finding.ShouldCite("律师事务所党组织工作规则")).Should().Throw<FindingAssertionException>()
            .WithMessage("*cites 《中国共产党支部工作条例（试行）》第五条*");
        FluentActions.Invoking(() => findings.ShouldHaveOne(StructureRuleIds.BranchSize)).Should().Throw<FindingAssertionException>()
            .WithMessage("*The rule found nothing*");
    }

    private sealed class OptionsPlugin : PartyDomain.Extensibility.Plugins.IPartyDomainPlugin
    {
        public PartyDomain.Extensibility.Plugins.PluginManifest Manifest { get; } = new() { Id = "options-plugin", Version = "1.0.0", DisplayName = new("甲", "a") };

        public void Register(PartyDomain.Extensibility.Plugins.PluginContext context) =>
            context.Builder.SetRuleDefault(BasicSystems.BasicSystemRuleIds.ThemePartyDay, "MinCount", context.GetOptions<Days>().PerMonth);
    }

    private sealed class Days
    {
        public int PerMonth { get; set; } = 2;
    }

    [Theory]
    [InlineData(null, 2)]
    [InlineData(4, 4)]
    public void A_test_plugin_context_gives_the_plugin_the_options_given_or_their_defaults_and_registers_them(int? given, int expected)
    {
        var services = new ServiceCollection();
        var builder = services.AddPartyDomain();
        var plugin = new OptionsPlugin();
        var context = new TestPluginContext(builder, plugin.Manifest);

        plugin.Register(given is { } g ? context.WithOptions(new Days { PerMonth = g }) : context);
        using var provider = services.BuildServiceProvider();

        builder.RuleDefaults.Should().ContainSingle().Which.Value.Should().Be(expected);
        provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Days>>().Value.PerMonth.Should().Be(expected);
        context.ConfigurationPath.Should().Be("PartyDomain:Plugins:options-plugin");
    }
}
