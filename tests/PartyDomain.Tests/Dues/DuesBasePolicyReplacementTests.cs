using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Dues;
using PartyDomain.Extensibility;
using PartyDomain.Rules;
using PartyDomain.Tests.Organization.Structure;
using PartyDomain.Time;
using static PartyDomain.Tests.Dues.DuesTestData;
using PartyDomain.Tests.Rules;

namespace PartyDomain.Tests.Dues;

/// <summary>A city's base policy (a district's social-insurance base) replacing the national one.</summary>
public class DuesBasePolicyReplacementTests
{
    private static readonly ReportingPeriod Spring = ReportingPeriod.Of(new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 5, 31)));

    /// <summary>A lawyer who declared an irregular income of 3000 a month in January–March: 15.00 by the national policy from April.</summary>
    private static TestCity Lawyer() => new TestCity().FullMember("L").NonMember("N")
        .Declares("L", IncomeKind.IrregularIncome, 3000m, M(2025, 1), M(2025, 3))
        .Pays("L", 15m, M(2025, 3), M(2025, 5));

    private static ServiceProvider Provider(TestCity city, Action<PartyDomainBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(city.Clock);
        services.AddPartyDomain(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [Fact]
    public void By_default_the_national_policy_is_used()
    {
        var city = Lawyer();
        using var provider = Provider(city);

        var result = provider.GetRequiredService<DuesEvaluator>().Evaluate(city.Build(), Spring);

        result.Line("L", M(2025, 3)).Base.Should().BeNull("nothing was declared in October–December");
        result.Line("L", M(2025, 4)).Due.Should().Be(15.00m);
        var direct = PartyDomainEngines.Create(city.Clock).Dues.Evaluate(city.Build(), Spring);
        result.Lines.Should().Equal(direct.Lines);
        result.Findings.Should().Equal(direct.Findings);
    }

    [Fact]
    public void A_policy_given_to_the_constructor_replaces_the_national_one()
    {
        var city = Lawyer();
        var policy = new SocialInsuranceBasePolicy(6000m);

        var result = Run(city, Spring, policy: policy);

        result.LinesOf("L").Should().HaveCount(3).And.OnlyContain(l => l.Base!.Amount == 6000m && l.Due == 90.00m);
        result.Line("L", M(2025, 3)).Base!.Explanation.English.Should().Be("last year-end social-insurance base");
        result.Of(DuesRule.Arrears, "L").Select(f => f.AsOf).Should().Equal(new LocalDate(2025, 3, 31), new LocalDate(2025, 4, 30), new LocalDate(2025, 5, 31));
        result.Of(DuesRule.Arrears, "L")[0].Expected.ShouldMention("90.00", "6000.00");
        policy.Calls.Should().HaveCount(3, "asked once per member and month, never for non-members");
        policy.Calls[0].Declared.Should().Equal(M(2025, 1), M(2025, 2), M(2025, 3));
    }

    [Fact]
    public void A_policy_set_on_the_builder_replaces_the_national_one_in_the_container()
    {
        var city = Lawyer();
        var policy = new SocialInsuranceBasePolicy(6000m);
        PartyDomainBuilder? builder = null;
        using var provider = Provider(city, b => builder = b.UseDuesBasePolicy(policy));

        var result = provider.GetRequiredService<DuesEvaluator>().Evaluate(city.Build(), Spring);

        builder!.DuesBasePolicy.Should().BeSameAs(policy);
        result.LinesOf("L").Should().OnlyContain(l => l.Due == 90.00m);
        policy.Calls.Should().NotBeEmpty();
        provider.GetRequiredService<DuesEvaluator>().Should().BeSameAs(provider.GetRequiredService<DuesEvaluator>());
    }

    [Fact]
    public void A_policy_set_through_the_returned_builder_counts_too()
    {
        var city = Lawyer();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(city.Clock);
        services.AddPartyDomain().UseDuesBasePolicy(new SocialInsuranceBasePolicy(12000m));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<DuesEvaluator>().Evaluate(city.Build(), Spring).Line("L", M(2025, 4)).Due.Should().Be(240.00m);
    }

    [Fact]
    public void The_builder_starts_with_the_national_policy_and_refuses_none()
    {
        PartyDomainBuilder? builder = null;
        new ServiceCollection().AddPartyDomain(b => builder = b);

        builder!.DuesBasePolicy.Should().BeOfType<NationalDuesBasePolicy>();
        var act = () => builder.UseDuesBasePolicy(null!);
        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Dues_rules_are_tuned_through_the_builder()
    {
        var city = Lawyer();
        using var provider = Provider(city, b => b.UseDuesBasePolicy(new SocialInsuranceBasePolicy(6000m)).ConfigureRules(o => o.Disable(DuesRule.Arrears.Id)));

        var result = provider.GetRequiredService<DuesEvaluator>().Evaluate(city.Build(), Spring);

        result.Findings.Should().BeEmpty("the arrears rule is disabled");
        result.Rules.Single(r => r.Id == DuesRule.Arrears.Id).Enabled.Should().BeFalse();
        provider.GetRequiredService<IEnumerable<IRule>>().Select(r => r.Id).Should().Contain(DuesRule.Defaults.Select(r => r.Id));
    }
}
