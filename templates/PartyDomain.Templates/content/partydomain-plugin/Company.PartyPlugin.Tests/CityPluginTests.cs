using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.Extensibility;
using PartyDomain.Metrics;
using PartyDomain.Testing;
using PartyDomain.Time;
using Xunit;

namespace Company.PartyPlugin.Tests;

public sealed class CityPluginTests
{
    private static (ServiceProvider Provider, PartyDomainBuilder Builder) Register(CityOptions? options = null)
    {
        var services = new ServiceCollection().AddSingleton(DemoCity.Clock);
        var builder = services.AddPartyDomain();
        var plugin = new CityPlugin();
        var context = new TestPluginContext(builder, plugin.Manifest);
        plugin.Register(options is null ? context : context.WithOptions(options));
        return (services.BuildServiceProvider(), builder);
    }

    [Fact]
    public void The_manifest_id_is_valid() => Assert.True(PartyDomain.Extensibility.Plugins.PluginManifest.IsValidId(new CityPlugin().Manifest.Id));

    [Fact]
    public void The_local_indicator_is_in_the_catalog()
    {
        var (_, builder) = Register();

        Assert.Equal("夜间法律诊所", builder.Indicators.Get(CityPlugin.NightClinics).Name.Chinese);
    }

    [Fact]
    public void The_tuned_theme_party_day_default_is_the_one_the_demo_city_is_judged_by()
    {
        var (provider, builder) = Register(new CityOptions { ThemeDaysPerMonth = 3 });
        using var _ = provider;

        var result = provider.GetRequiredService<ComplianceEvaluator>().Evaluate(DemoCity.Build(scale: 0.2, indicators: builder.Indicators), ReportingPeriod.Year(DemoCity.Year));

        Assert.Equal(3, result.Rules.Single(r => r.Id == BasicSystemRuleIds.ThemePartyDay)["MinCount"]);
        Assert.Contains(result.Misses(), m => m.Finding.RuleId == BasicSystemRuleIds.ThemePartyDay && m.Finding.RuleTitle.Chinese.Contains("3天", StringComparison.Ordinal));
    }

    [Fact]
    public void A_branch_with_one_theme_party_day_in_march_misses_the_citys_two()
    {
        // A small city of the test's own, described like the library's tests describe theirs (PartyDomain.Testing.TestCity).
        var city = new TestCity().Firm("F1").BranchOf("B1", "F1").Members("M", full: 5, registeredAt: "B1", employedAt: "F1")
            .Activity("B1", ActivityKind.ThemePartyDay, new LocalDate(2025, 3, 6), "M-F1", "M-F2", "M-F3", "M-F4", "M-F5");
        var services = new ServiceCollection().AddSingleton<IClock>(city.Clock);
        var builder = services.AddPartyDomain();
        var plugin = new CityPlugin();
        plugin.Register(new TestPluginContext(builder, plugin.Manifest));
        using var provider = services.BuildServiceProvider();

        var result = provider.GetRequiredService<ComplianceEvaluator>().Evaluate(city.Build(), ReportingPeriod.Month(new YearMonth(2025, 3)));

        var miss = Assert.Single(result.Misses(), m => m.Finding.RuleId == BasicSystemRuleIds.ThemePartyDay);
        Assert.Equal("B1", miss.Finding.Subject.Id);
    }
}
