using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime.Testing;
using PartyDomain.Extensibility;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;
using PartyDomain.Tests.Organization.Structure;

namespace PartyDomain.Tests.Extensibility;

public class ServiceCollectionExtensionsTests
{
    private static ServiceProvider Provider(Action<PartyDomainBuilder>? configure = null, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        before?.Invoke(services);
        services.AddPartyDomain(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Structure, basic systems, training, dues and admission rules.</summary>
    private static readonly int DefaultRuleCount = DefaultStructureRules.Create().Count + PartyDomain.BasicSystems.DefaultBasicSystemRules.Create().Count
        + PartyDomain.Training.DefaultTrainingRequirements.Create().Count + PartyDomain.Dues.DuesRule.Defaults.Count + PartyDomain.Development.AdmissionRule.Defaults.Count
        + PartyDomain.Governance.GovernanceRule.Defaults.Count;

    private static TestCity FiftyOneMembers() => new TestCity().Branch("B").Members("A", full: 46, probationary: 5, registeredAt: "B");

    [Fact]
    public void AddPartyDomain_resolves_a_checker_with_the_ten_default_structure_rules()
    {
        using var provider = Provider();

        var checker = provider.GetRequiredService<StructureChecker>();

        checker.Rules.Should().HaveCount(10);
        checker.Rules.Select(r => r.Id).Should().BeEquivalentTo(DefaultStructureRules.Create().Select(r => r.Id));
        provider.GetRequiredService<StructureChecker>().Should().BeSameAs(checker, "the checker is a singleton");
        provider.GetRequiredService<IEnumerable<IRule>>().Should().HaveCount(DefaultRuleCount, "every family registers its defaults through the builder");
    }

    [Fact]
    public void The_resolved_checker_finds_what_the_default_checker_finds()
    {
        using var provider = Provider();
        var dataset = FiftyOneMembers().Build();

        var result = provider.GetRequiredService<StructureChecker>().Check(dataset, dataset.Today);

        result.Findings.Should().BeEquivalentTo(new StructureChecker().Check(dataset, dataset.Today).Findings);
        result.Of(StructureRuleIds.BranchSize).Should().ContainSingle();
    }

    [Fact]
    public void ConfigureRules_tunes_the_resolved_checker()
    {
        using var provider = Provider(b => b.ConfigureRules(o => o.Set(StructureRuleIds.BranchSize, "MaxMembers", 60)));
        var dataset = FiftyOneMembers().Build();

        var result = provider.GetRequiredService<StructureChecker>().Check(dataset, dataset.Today);

        result.Of(StructureRuleIds.BranchSize).Should().BeEmpty();
        result.Effective(StructureRuleIds.BranchSize)["MaxMembers"].Should().Be(60);
        provider.GetRequiredService<IOptions<RuleOptions>>().Value.Rules.Should().ContainKey("ORG-BRANCH-SIZE");
    }

    [Fact]
    public void Options_configured_outside_the_builder_apply_too()
    {
        var services = new ServiceCollection();
        services.AddPartyDomain();
        services.Configure<RuleOptions>(o => o.Disable(StructureRuleIds.BranchSize));
        using var provider = services.BuildServiceProvider();
        var dataset = FiftyOneMembers().Build();

        var result = provider.GetRequiredService<StructureChecker>().Check(dataset, dataset.Today);
        result.Effective(StructureRuleIds.BranchSize).Enabled.Should().BeFalse();
        result.Findings.Should().NotContain(f => f.RuleId == StructureRuleIds.BranchSize);
    }

    [Fact]
    public void ReplaceRule_puts_a_city_rule_in_place_of_a_default()
    {
        var replacement = new SilentRule(StructureRuleIds.BranchSize);
        using var provider = Provider(b => b.ReplaceRule(replacement));
        var dataset = FiftyOneMembers().Build();

        var checker = provider.GetRequiredService<StructureChecker>();

        checker.Rules.Should().HaveCount(10);
        checker.Rules[5].Should().BeSameAs(replacement, "a replaced rule keeps its place");
        checker.Check(dataset, dataset.Today).Of(StructureRuleIds.BranchSize).Should().BeEmpty();
    }

    [Fact]
    public void ReplaceRule_adds_a_rule_whose_id_is_new()
    {
        using var provider = Provider(b => b.ReplaceRule(new CountingRule()));

        provider.GetRequiredService<StructureChecker>().Rules.Should().HaveCount(11);
    }

    [Fact]
    public void RemoveRule_takes_a_default_out()
    {
        bool? removed = null, removedAgain = null;
        using var provider = Provider(b =>
        {
            removed = b.RemoveRule(StructureRuleIds.SecretaryStanding);
            removedAgain = b.RemoveRule(new RuleId("org-secretary-standing"));
        });

        removed.Should().BeTrue();
        removedAgain.Should().BeFalse();
        var checker = provider.GetRequiredService<StructureChecker>();
        checker.Rules.Should().HaveCount(9);
        checker.Rules.Should().NotContain(r => r.Id == StructureRuleIds.SecretaryStanding);
    }

    [Fact]
    public void AddRule_with_an_id_already_registered_throws()
    {
        var services = new ServiceCollection();

        var act = () => services.AddPartyDomain(b => b.AddRule(new SilentRule(new RuleId("org-branch-size"))));

        act.Should().Throw<RuleConfigurationException>().WithMessage("*org-branch-size*already registered*ReplaceRule*");
    }

    [Fact]
    public void AddRule_after_AddPartyDomain_is_seen_by_the_checker_and_FindRule()
    {
        var services = new ServiceCollection();
        var builder = services.AddPartyDomain();
        builder.AddRule(new CountingRule());
        using var provider = services.BuildServiceProvider();

        builder.FindRule(CountingRule.RuleIdValue).Should().BeOfType<CountingRule>();
        builder.FindRule(new RuleId("NOPE")).Should().BeNull();
        builder.Rules.Should().HaveCount(DefaultRuleCount + 1);
        builder.Services.Should().BeSameAs(services);
        provider.GetRequiredService<StructureChecker>().Rules.Should().HaveCount(11);
        provider.GetRequiredService<IEnumerable<IRule>>().Should().HaveCount(DefaultRuleCount + 1);
    }

    [Fact]
    public void Tuning_an_unknown_rule_id_fails_options_validation()
    {
        using var provider = Provider(b => b.ConfigureRules(o => o.Rules["ORG-NO-SUCH-RULE"] = new RuleSettings { Enabled = false }));

        var act = () => provider.GetRequiredService<IOptions<RuleOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*ORG-NO-SUCH-RULE*");
        ((Action)(() => provider.GetRequiredService<StructureChecker>())).Should().Throw<OptionsValidationException>();
    }

    [Fact]
    public void Tuning_an_unknown_parameter_fails_options_validation()
    {
        using var provider = Provider(b => b.ConfigureRules(o => o.Set(StructureRuleIds.BranchSize, "Maximum", 60)));

        var act = () => provider.GetRequiredService<IOptions<RuleOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*ORG-BRANCH-SIZE*Maximum*");
    }

    [Fact]
    public void Tuning_a_rule_that_was_removed_fails_options_validation()
    {
        using var provider = Provider(b =>
        {
            b.RemoveRule(StructureRuleIds.BranchSize);
            b.ConfigureRules(o => o.Set(StructureRuleIds.BranchSize, "MaxMembers", 60));
        });

        var act = () => provider.GetRequiredService<IOptions<RuleOptions>>().Value;

        act.Should().Throw<OptionsValidationException>();
    }

    [Fact]
    public void A_clock_registered_first_is_kept_and_the_zoned_clock_uses_Shanghai()
    {
        var fake = new FakeClock(Instant.FromUtc(2024, 12, 31, 17, 0));
        using var provider = Provider(before: s => s.AddSingleton<IClock>(fake));

        provider.GetRequiredService<IClock>().Should().BeSameAs(fake);
        var zoned = provider.GetRequiredService<ZonedClock>();
        zoned.Zone.Id.Should().Be("Asia/Shanghai");
        zoned.GetCurrentDate().Should().Be(new LocalDate(2025, 1, 1));
        zoned.GetCurrentInstant().Should().Be(fake.GetCurrentInstant());
    }

    [Fact]
    public void Without_a_clock_the_system_clock_is_registered()
    {
        using var provider = Provider();

        provider.GetRequiredService<IClock>().Should().BeSameAs(SystemClock.Instance);
        provider.GetRequiredService<ZonedClock>().Zone.Id.Should().Be("Asia/Shanghai");
    }

    [Fact]
    public void The_zone_is_configurable_and_must_be_a_TZDB_id()
    {
        using var london = Provider(before: s => s.Configure<PartyDomainOptions>(o => o.TimeZone = "Europe/London"));
        london.GetRequiredService<ZonedClock>().Zone.Id.Should().Be("Europe/London");

        using var bad = Provider(before: s => s.Configure<PartyDomainOptions>(o => o.TimeZone = "Mars/Olympus"));
        ((Action)(() => bad.GetRequiredService<ZonedClock>())).Should().Throw<OptionsValidationException>().WithMessage("*TimeZone*");
    }

    [Fact]
    public void Library_options_default_to_Shanghai_and_Chinese()
    {
        using var provider = Provider();

        var options = provider.GetRequiredService<IOptions<PartyDomainOptions>>().Value;

        options.TimeZone.Should().Be("Asia/Shanghai");
        options.Language.Should().Be(TextLanguage.Chinese);
    }

    /// <summary>A structure rule that never finds anything, under any id.</summary>
    private sealed class SilentRule(RuleId id) : StructureRule(
        id,
        new("静默规则", "Silent rule"),
        new("测试文件", "第一条", SourceConfidence.Local),
        FindingSeverity.Warning,
        new RuleParameter("MaxMembers", 50, "members", new("上限", "limit")))
    {
        public override void Evaluate(StructureContext context, EffectiveRule rule, ICollection<Finding> findings)
        {
        }
    }
}
