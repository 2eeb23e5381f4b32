using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PartyDomain.BasicSystems;
using PartyDomain.Extensibility;
using PartyDomain.Rules;
using PartyDomain.Time;
using PartyDomain.Tests.Organization.Structure;
using static PartyDomain.BasicSystems.BasicSystemRuleIds;
using static PartyDomain.BasicSystems.SlotOutcome;
using static PartyDomain.Tests.BasicSystems.ComplianceRun;

namespace PartyDomain.Tests.BasicSystems;

/// <summary>Tuning basic-system rules by id, in code and through configuration.</summary>
public class RuleTuningTests
{
    /// <summary>2024, all ended: the secretary lectured once, one quorate general meeting in Q1, one theme party day.</summary>
    private static TestCity City() => new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B")
        .FullMemberOf("SEC", "B").Secretary("SEC", "B")
        .Lesson("B", D(2024, 4, 10), "SEC", "M-F1")
        .Activity("B", ActivityKind.GeneralMeeting, D(2024, 2, 10), "M-F1", "M-F2", "M-F3")
        .Activity("B", ActivityKind.ThemePartyDay, D(2024, 2, 11), "M-F1");

    private static readonly ReportingPeriod Period = ReportingPeriod.Year(2024);

    [Fact]
    public void The_result_records_every_rule_with_the_settings_it_ran_with()
    {
        var result = Evaluate(City(), Period);

        result.Rules.Select(r => r.Id).Should().Equal(DefaultBasicSystemRules.Create().Select(r => r.Id));
        result.Rules.Should().OnlyContain(r => r.Enabled);
        result.Rules.Single(r => r.Id == GeneralMeeting).Parameters.Should().BeEquivalentTo(new Dictionary<string, int> { ["MinCount"] = 1, ["RequireQuorum"] = 1 });
        result.Rules.Single(r => r.Id == SecretaryLecture)["MinLessons"].Should().Be(1);
        result.Rules.Single(r => r.Id == InactiveMember)["Months"].Should().Be(6);
        result.Rules.Single(r => r.Id == DemocraticAppraisal)["MinTimes"].Should().Be(1);
        result.Rules.Single(r => r.Id == SecretaryLecture).Severity.Should().Be(FindingSeverity.Warning);
        result.Of("B", SecretaryLecture).Should().Equal(Met);
    }

    [Fact]
    public void Rules_are_tuned_disabled_and_reweighted_by_id_in_code()
    {
        var result = Evaluate(City(), Period, o => o.Set(SecretaryLecture, "MinLessons", 2).Disable(ThemePartyDay)
            .WithSeverity(GeneralMeeting, FindingSeverity.Reminder).Set(new RuleId("bs-general-meeting"), "MinCount", 2));

        result.Rules.Single(r => r.Id == SecretaryLecture)["MinLessons"].Should().Be(2);
        result.Of("B", SecretaryLecture).Should().Equal(Missed);
        result.MissesOf("B", SecretaryLecture).Single().Finding.Expected.English.Should().Be("at least 2 lesson(s) by the secretary");

        var general = result.Rules.Single(r => r.Id == GeneralMeeting);
        general.Severity.Should().Be(FindingSeverity.Reminder);
        general["MinCount"].Should().Be(2, "rule ids are matched case-insensitively");
        result.MissesOf("B", GeneralMeeting).Should().HaveCount(4).And.OnlyContain(m => m.Finding.Severity == FindingSeverity.Reminder);

        result.Rules.Single(r => r.Id == ThemePartyDay).Enabled.Should().BeFalse();
        result.Results().Should().NotContain(r => r.Rule.Id == ThemePartyDay);
        result.Misses().Should().NotContain(m => m.Finding.RuleId == ThemePartyDay);
        result.RateByRule().Should().NotContain(r => r.Key == "BS-THEME-PARTY-DAY");
        result.RateBySystem().Should().NotContain(r => r.Key == BasicSystem.ThemePartyDay.Code);
        Evaluate(City(), ReportingPeriod.Year(2025), o => o.Disable(ThemePartyDay)).Reminders(365).Should().NotContain(r => r.RuleId == ThemePartyDay);
    }

    [Fact]
    public void Disabling_a_rule_takes_its_slots_out_of_the_overall_rate()
    {
        var all = Evaluate(City(), Period).Overall();
        var without = Evaluate(City(), Period, o => o.Disable(ThemePartyDay)).Overall();

        (all.Met - without.Met).Should().Be(1);
        (all.Missed - without.Missed).Should().Be(11);
    }

    [Fact]
    public void Evaluating_one_dataset_with_different_settings_gives_each_its_own_answer()
    {
        var city = new TestCity().Branch("B").Members("M", full: 4, registeredAt: "B").Activity("B", ActivityKind.GeneralMeeting, D(2024, 2, 10), "M-F1");
        var dataset = city.Build();
        ComplianceEvaluator With(Action<RuleOptions> configure)
        {
            var options = new RuleOptions();
            configure(options);
            return new ComplianceEvaluator(DefaultBasicSystemRules.Create(), Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Options.Options.Create(new ComplianceOptions()), city.Clock.InShanghai());
        }

        var lenient = With(o => o.Set(GeneralMeeting, "RequireQuorum", 0)).Evaluate(dataset, Period);
        var strict = With(_ => { }).Evaluate(dataset, Period);
        var lenientAgain = With(o => o.Set(GeneralMeeting, "RequireQuorum", 0)).Evaluate(dataset, Period);

        lenient.Of("B", GeneralMeeting)[0].Should().Be(Met);
        strict.Of("B", GeneralMeeting)[0].Should().Be(Missed);
        lenientAgain.Of("B", GeneralMeeting)[0].Should().Be(Met);
    }

    [Fact]
    public void The_resolved_evaluator_reads_today_in_the_configured_zone()
    {
        // 2025-06-30 16:30 UTC: still 30 June in London, already 1 July in Shanghai.
        var city = new TestCity().Branch("B").Members("M", full: 3, registeredAt: "B");
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2025, 6, 30, 16, 30));
        ComplianceResult In(string? zone)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IClock>(clock);
            if (zone is not null)
            {
                services.Configure<PartyDomainOptions>(o => o.TimeZone = zone);
            }

            services.AddPartyDomain();
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<ComplianceEvaluator>().Evaluate(city.Build(), ReportingPeriod.Year(2025));
        }

        var london = In("Europe/London");
        var shanghai = In(null);

        london.Today.Should().Be(D(2025, 6, 30));
        london.Of("B", ThemePartyDay)[5].Should().Be(Pending);
        shanghai.Today.Should().Be(D(2025, 7, 1));
        shanghai.Of("B", ThemePartyDay)[5].Should().Be(Missed);
    }

    [Fact]
    public void An_unknown_parameter_name_is_refused_when_the_evaluator_is_made()
    {
        var options = new RuleOptions().Set(SecretaryLecture, "MinLesson", 2);

        var act = () => new ComplianceEvaluator(DefaultBasicSystemRules.Create(), Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Options.Options.Create(new ComplianceOptions()), TestCity.ClockAt(TestCity.DefaultToday).InShanghai());

        act.Should().Throw<RuleConfigurationException>().WithMessage("*BS-SECRETARY-LECTURE*MinLesson*MinLessons*");
    }

    [Fact]
    public void Two_rules_with_one_id_are_refused()
    {
        var rules = DefaultBasicSystemRules.Create().Concat(DefaultBasicSystemRules.Create().Where(r => r.Id == ThemePartyDay));

        var act = () => new ComplianceEvaluator(rules, Microsoft.Extensions.Options.Options.Create(new RuleOptions()), Microsoft.Extensions.Options.Options.Create(new ComplianceOptions()), TestCity.ClockAt(TestCity.DefaultToday).InShanghai());

        act.Should().Throw<RuleConfigurationException>().WithMessage("*BS-THEME-PARTY-DAY*");
    }

    // ---- configuration -------------------------------------------------------------------------------------------

    private static ServiceProvider Provider(TestCity city, string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(city.Clock);
        services.AddPartyDomain();
        services.Configure<RuleOptions>(o => configuration.GetSection("PartyDomain").Bind(o));
        services.Configure<ComplianceOptions>(o => configuration.GetSection("PartyDomain:Compliance").Bind(o));
        return services.BuildServiceProvider();
    }

    private const string Tuned = """
        {
          "PartyDomain": {
            "Rules": {
              "BS-SECRETARY-LECTURE": { "Parameters": { "MinLessons": 2 } },
              "BS-THEME-PARTY-DAY": { "Enabled": false },
              "bs-general-meeting": { "Severity": "Warning", "Parameters": { "RequireQuorum": 0 } }
            },
            "Compliance": { "PartialSlotMinimumPercent": 0, "ReminderHorizonDays": 14 }
          }
        }
        """;

    [Fact]
    public void A_configuration_section_tunes_the_evaluator_resolved_from_the_container()
    {
        var city = City().Activity("B", ActivityKind.GeneralMeeting, D(2024, 5, 10), "M-F1");
        using var provider = Provider(city, Tuned);

        var evaluator = provider.GetRequiredService<ComplianceEvaluator>();
        var result = evaluator.Evaluate(city.Build(), Period);

        result.Rules.Single(r => r.Id == SecretaryLecture)["MinLessons"].Should().Be(2);
        result.Of("B", SecretaryLecture).Should().Equal(Missed);
        result.Rules.Single(r => r.Id == ThemePartyDay).Enabled.Should().BeFalse();
        result.Results().Should().NotContain(r => r.Rule.Id == ThemePartyDay);
        var general = result.Rules.Single(r => r.Id == GeneralMeeting);
        general.Severity.Should().Be(FindingSeverity.Warning);
        general["RequireQuorum"].Should().Be(0);
        result.Of("B", GeneralMeeting).Should().Equal(Met, Met, Missed, Missed);
        result.PartialSlotMinimumPercent.Should().Be(0);
        provider.GetRequiredService<IOptions<ComplianceOptions>>().Value.ReminderHorizonDays.Should().Be(14);
        evaluator.Reminders(city.Build()).Should().BeEmpty("nothing falls due within 14 days of 2025-06-15");
    }

    [Fact]
    public void An_unknown_parameter_in_configuration_fails_at_start_up()
    {
        var city = City();
        using var provider = Provider(city, """{ "PartyDomain": { "Rules": { "BS-SECRETARY-LECTURE": { "Parameters": { "Lessons": 2 } } } } }""");

        var act = () => provider.GetRequiredService<ComplianceEvaluator>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*BS-SECRETARY-LECTURE*Lessons*");
    }

    [Fact]
    public void An_unknown_rule_id_in_configuration_fails_at_start_up()
    {
        using var provider = Provider(City(), """{ "PartyDomain": { "Rules": { "BS-NO-SUCH-RULE": { "Enabled": false } } } }""");

        var act = () => provider.GetRequiredService<ComplianceEvaluator>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*BS-NO-SUCH-RULE*");
    }

    [Fact]
    public void An_out_of_range_compliance_option_in_configuration_fails_at_start_up()
    {
        using var provider = Provider(City(), """{ "PartyDomain": { "Compliance": { "PartialSlotMinimumPercent": 150 } } }""");

        var act = () => provider.GetRequiredService<ComplianceEvaluator>();

        act.Should().Throw<OptionsValidationException>().WithMessage("*PartialSlotMinimumPercent*");
    }

    [Fact]
    public void The_builder_can_tune_rules_and_compliance_too()
    {
        var city = City();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(city.Clock);
        services.AddPartyDomain(b => b.ConfigureRules(o => o.Set(SecretaryLecture, "MinLessons", 3)).ConfigureCompliance(o => o.PartialSlotMinimumPercent = 100));
        using var provider = services.BuildServiceProvider();

        var result = provider.GetRequiredService<ComplianceEvaluator>().Evaluate(city.Build(), Period);

        result.Rules.Single(r => r.Id == SecretaryLecture)["MinLessons"].Should().Be(3);
        result.PartialSlotMinimumPercent.Should().Be(100);
    }
}
