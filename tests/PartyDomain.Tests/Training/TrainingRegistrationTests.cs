using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;
using PartyDomain.Rules;
using PartyDomain.Tests.Organization.Structure;
using PartyDomain.Training;
using static PartyDomain.Tests.Training.TrainingTestData;
using PartyDomain.Tests.Rules;

namespace PartyDomain.Tests.Training;

/// <summary>Converters and requirements through dependency injection: a city's converter replaces the default.</summary>
public class TrainingRegistrationTests
{
    private static readonly LocalDate Spring = new(2025, 4, 1);

    private static TestCity CityWithCredits() => new TestCity(new LocalDate(2026, 1, 10)).FullMember("A")
        .Add(Session("S1", Spring, 20m, "A"))
        .Add(Credit("A", Spring, 1000m))
        .Add(Credit("A", Spring.PlusDays(1), 500m));

    private static ServiceProvider Provider(TestCity city, Action<PartyDomainBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(city.Clock);
        services.AddPartyDomain(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [Fact]
    public void The_library_registers_no_converter_of_its_own_so_credits_are_reported()
    {
        var city = CityWithCredits();
        using var provider = Provider(city);

        var result = provider.GetRequiredService<TrainingEvaluator>().Evaluate(city.Build(), 2025);

        result.Of(new RuleId("TR-CREDIT-CONVERTER")).Should().ContainSingle().Which.Subject.Id.Should().Be(Xuexi);
        result.Entry("A").CreditHours.Should().Be(0m);
        result.Rules.Select(r => r.Id).Should().BeEquivalentTo(DefaultTrainingRequirements.Create().Select(r => r.Id));
    }

    [Fact]
    public void A_registered_converter_converts()
    {
        var city = CityWithCredits();
        using var provider = Provider(city, b => b.AddStudyCreditConverter(ExampleConverter()));

        var result = provider.GetRequiredService<TrainingEvaluator>().Evaluate(city.Build(), 2025);

        result.Entry("A").CreditHours.Should().Be(5m, "1,500 points at 300 an hour");
        result.Of(new RuleId("TR-CREDIT-CONVERTER")).Should().BeEmpty();
    }

    [Fact]
    public void A_city_converter_for_the_same_platform_replaces_the_default_one()
    {
        var city = CityWithCredits();
        var cityPolicy = new CityXuexiConverter("XUEXI-Qiangguo");
        PartyDomainBuilder? builder = null;
        using var provider = Provider(city, b => builder = b.AddStudyCreditConverter(ExampleConverter()).AddStudyCreditConverter(cityPolicy));

        var result = provider.GetRequiredService<TrainingEvaluator>().Evaluate(city.Build(), 2025);

        builder!.StudyCreditConverters.Should().ContainSingle().Which.Should().BeSameAs(cityPolicy, "platforms match regardless of case");
        result.Entry("A").CreditHours.Should().Be(15m, "the city's policy: 1,500 points at 100 an hour (the default would give 5)");
        cityPolicy.Calls.Should().ContainSingle().Which.Should().Be((TestCity.P("A"), 2025, 2));
        result.Of(MemberHoursRule).Should().BeEmpty("20 + 15 hours");
    }

    [Fact]
    public void A_converter_added_through_the_returned_builder_counts_too()
    {
        var city = CityWithCredits();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(city.Clock);
        services.AddPartyDomain().AddStudyCreditConverter(new CityXuexiConverter());
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<TrainingEvaluator>().Evaluate(city.Build(), 2025).Entry("A").CreditHours.Should().Be(15m);
    }

    [Fact]
    public void Converters_for_different_platforms_live_side_by_side()
    {
        var city = CityWithCredits().Add(Credit("A", Spring, 480m, "beihai-app"));
        PartyDomainBuilder? builder = null;
        using var provider = Provider(city, b => builder = b.AddStudyCreditConverter(ExampleConverter()).AddStudyCreditConverter(new PointsPerHourConverter("beihai-app", 120m, 8m)));

        var result = provider.GetRequiredService<TrainingEvaluator>().Evaluate(city.Build(), 2025);

        builder!.StudyCreditConverters.Should().HaveCount(2);
        result.Entry("A").CreditHours.Should().Be(9m, "5 hours from Xuexi and 4 from the other platform");
    }

    [Fact]
    public void Requirements_are_tuned_through_the_builder()
    {
        var city = CityWithCredits();
        using var provider = Provider(city, b => b.AddStudyCreditConverter(ExampleConverter()).ConfigureRules(o => o.Set(TrainingRuleIds.MemberHours, "MinHours", 40)));

        var result = provider.GetRequiredService<TrainingEvaluator>().Evaluate(city.Build(), 2025);

        result.Of(MemberHoursRule, "A").Should().ContainSingle("25 hours fall short of the city's 40").Which.Expected.ShouldMention("40");
    }

    [Fact]
    public void A_requirement_removed_from_the_builder_is_not_evaluated()
    {
        var city = new TestCity(new LocalDate(2026, 1, 10)).FullMember("A");
        using var provider = Provider(city, b => b.RemoveRule(TrainingRuleIds.MemberHours));

        var result = provider.GetRequiredService<TrainingEvaluator>().Evaluate(city.Build(), 2025);

        result.ShouldFindNothing();
        result.Rules.Select(r => r.Id).Should().NotContain(TrainingRuleIds.MemberHours);
    }

    [Fact]
    public void The_evaluator_is_a_singleton_reading_the_registered_clock()
    {
        var city = new TestCity(new LocalDate(2025, 10, 2)).FullMember("A");
        using var provider = Provider(city);

        var evaluator = provider.GetRequiredService<TrainingEvaluator>();

        provider.GetRequiredService<TrainingEvaluator>().Should().BeSameAs(evaluator);
        evaluator.Evaluate(city.Build(), 2025).Findings.Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Reminder);
    }

    private static RuleId MemberHoursRule => TrainingRuleIds.MemberHours;
}
