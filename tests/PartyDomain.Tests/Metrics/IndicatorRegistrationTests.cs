using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;
using PartyDomain.Metrics;
using PartyDomain.Time;
using static PartyDomain.Tests.Metrics.MetricsTestData;

namespace PartyDomain.Tests.Metrics;

public class IndicatorRegistrationTests
{
    private static readonly IndicatorDefinition WeChatAnswers = OwnSum("wechat-group-answers") with
    {
        Name = new("心贴心微信群解答", "Heart-to-heart WeChat group answers"),
    };

    [Fact]
    public void AddIndicator_registers_it_in_the_catalog_singleton_beside_the_built_ins()
    {
        var services = new ServiceCollection();
        services.AddPartyDomain(b => b.AddIndicator(WeChatAnswers));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        var catalog = provider.GetRequiredService<IndicatorCatalog>();

        catalog.Get(Code("wechat-group-answers")).Should().Be(WeChatAnswers);
        catalog.All.Should().HaveCount(IndicatorCatalog.CreateDefault().All.Count + 1);
        catalog.All[^1].Code.Should().Be(WeChatAnswers.Code);
        catalog.Validate().Should().BeEmpty();
        provider.GetRequiredService<IndicatorCatalog>().Should().BeSameAs(catalog, "the catalog is a singleton");
    }

    [Fact]
    public void AddIndicator_with_a_built_in_code_throws()
    {
        var services = new ServiceCollection();

        var add = () => services.AddPartyDomain(b => b.AddIndicator(OwnSum(IndicatorCodes.HotlineCalls.Value)));

        add.Should().Throw<ArgumentException>().WithMessage("*hotline-calls*");
    }

    [Fact]
    public void Changes_made_through_the_builder_are_reflected_in_the_resolved_catalog()
    {
        var services = new ServiceCollection();
        var builder = services.AddPartyDomain();
        builder.Indicators.Hide(IndicatorCodes.OnSiteServices);
        builder.Indicators.Rename(IndicatorCodes.DisputesMediated, new("人民调解", "Mediation"));
        builder.Indicators.Remove(IndicatorCodes.VillageLegalOpinions);
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<IndicatorCatalog>();

        catalog.Should().BeSameAs(builder.Indicators);
        catalog.Get(IndicatorCodes.OnSiteServices).Hidden.Should().BeTrue();
        catalog.Get(IndicatorCodes.DisputesMediated).Name.Chinese.Should().Be("人民调解");
        catalog.TryGet(IndicatorCodes.VillageLegalOpinions, out _).Should().BeFalse();
    }

    [Fact]
    public void The_resolved_catalog_drives_a_dataset_and_its_queries()
    {
        var services = new ServiceCollection();
        services.AddPartyDomain(b => b.AddIndicator(WeChatAnswers).Indicators.Hide(IndicatorCodes.HotlineCalls));
        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<IndicatorCatalog>();
        var city = new TestCity()
            .Service(Code("wechat-group-answers"), D(2025, 2, 1), 6)
            .Service(IndicatorCodes.HotlineCalls, D(2025, 2, 1), 10)
            .Service(IndicatorCodes.HotlineAnswered, D(2025, 2, 1), 9);

        var table = city.Metrics(catalog).Query(ReportingPeriod.Year(2025));

        table.Rows.Select(r => (r.Indicator, r.Value)).Should().Equal(
            (IndicatorCodes.HotlineAnswered, 9m),
            (IndicatorCodes.HotlineAnswerRate, 90m),
            (Code("wechat-group-answers"), 6m));
        table.Of(Code("wechat-group-answers")).Should().ContainSingle().Which.Name.Chinese.Should().Be("心贴心微信群解答");
    }
}
