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

        result.Findings.Should().BeEquivalentTo(new StructureChecker(DefaultStructureRules.Create(), Options.Create(new RuleOptions())).Check(dataset, dataset.Today).Findings);
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

    public static TheoryData<string, Action<IServiceCollection>, string, string> BadOptions => new()
    {
        { "PartyDomain:TimeZone", s => s.Configure<PartyDomainOptions>(o => o.TimeZone = "Mars/Olympus"), "不是 TZDB 时区 id", "is not a TZDB zone id" },
        { "PartyDomain:Language", s => s.Configure<PartyDomainOptions>(o => o.Language = (TextLanguage)7), "不是 Chinese 或 English", "is not Chinese or English" },
        { "PartyDomain:Compliance:PartialSlotMinimumPercent", s => s.Configure<PartyDomain.BasicSystems.ComplianceOptions>(o => o.PartialSlotMinimumPercent = 150), "须在 0 到 100 之间（现为 150）", "must be between 0 and 100 (it is 150)" },
        { "PartyDomain:Compliance:ReminderHorizonDays", s => s.Configure<PartyDomain.BasicSystems.ComplianceOptions>(o => o.ReminderHorizonDays = -1), "不能为负数", "cannot be negative" },
        { "PartyDomain:Development:YoungAgeThreshold", s => s.Configure<PartyDomain.Development.DevelopmentOptions>(o => o.YoungAgeThreshold = 0), "须是 1 到 119 之间的年龄", "must be an age from 1 to 119" },
        { "PartyDomain:Training:NewMembers", s => s.Configure<PartyDomain.Training.TrainingOptions>(o => o.NewMembers = (PartyDomain.Training.NewMemberTraining)9), "不是 ProRated、Full 或 NotAssessed", "is not ProRated, Full or NotAssessed" },
        { "ORG-NO-SUCH-RULE", s => s.Configure<RuleOptions>(o => o.Rules["ORG-NO-SUCH-RULE"] = new RuleSettings { Enabled = false }), "没有这个 id 的规则", "no rule has that id" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_fails_when_the_container_starts_naming_the_setting_in_both_languages(string setting, Action<IServiceCollection> configure, string chinese, string english)
    {
        using var provider = Provider(before: configure);

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        var failure = start.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which;
        failure.Should().Contain(setting).And.Contain(chinese).And.Contain(english);
        failure.IndexOf(chinese, StringComparison.Ordinal).Should().BeLessThan(failure.IndexOf(english, StringComparison.Ordinal), "Chinese first, as the host's other messages");
    }

    [Fact]
    public void Good_options_pass_the_start_check()
    {
        using var provider = Provider(before: s => s.Configure<PartyDomainOptions>(o => o.TimeZone = "Europe/London"));

        FluentActions.Invoking(() => provider.GetRequiredService<IStartupValidator>().Validate()).Should().NotThrow();
    }

    [Fact]
    public void The_engines_factory_checks_the_options_when_it_creates_them()
    {
        var act = () => PartyDomainEngines.Create(new TestCity().Clock, b => b.ConfigureCompliance(o => o.PartialSlotMinimumPercent = 101));

        act.Should().Throw<OptionsValidationException>().WithMessage("*PartyDomain:Compliance:PartialSlotMinimumPercent*0*100*101*");
    }

    [Fact]
    public void An_engine_registered_first_is_the_one_resolved_and_the_others_still_come_from_the_library()
    {
        var own = new StructureChecker([new CountingRule()], Options.Create(new RuleOptions()));
        var clock = new TestCity().Clock;
        using var provider = Provider(before: s => s.AddSingleton<IClock>(clock).AddSingleton(own));

        provider.GetRequiredService<StructureChecker>().Should().BeSameAs(own);
        provider.GetServices<StructureChecker>().Should().ContainSingle("TryAdd adds none beside the user's");
        provider.GetServices<PartyDomain.Reporting.IReportRenderer>().Should().HaveCount(3);
        provider.GetRequiredService<PartyDomain.Reporting.AnnualSummaryBuilder>().Build(new TestCity().Build(), 2025).Should().NotBeNull();
    }

    [Fact]
    public void Every_engine_reads_today_from_the_registered_zoned_clock()
    {
        // 2024-12-31 17:00 UTC is already 1 January in Shanghai, still 31 December in London.
        var clock = new FakeClock(Instant.FromUtc(2024, 12, 31, 17, 0));
        var city = new TestCity(new LocalDate(2024, 12, 31)).Branch("B").Members("M", full: 3, registeredAt: "B");
        var dataset = city.Build();
        var shanghai = PartyDomainEngines.Create(clock);
        var london = PartyDomainEngines.Create(clock, b => b.Services.Configure<PartyDomainOptions>(o => o.TimeZone = "Europe/London"));

        shanghai.Get<ZonedClock>().GetCurrentDate().Should().Be(new LocalDate(2025, 1, 1));
        london.Get<ZonedClock>().GetCurrentDate().Should().Be(new LocalDate(2024, 12, 31));
        shanghai.Reports.Build(dataset, 2024).Generated.Should().Be(new LocalDate(2025, 1, 1));
        london.Reports.Build(dataset, 2024).Generated.Should().Be(new LocalDate(2024, 12, 31));
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
