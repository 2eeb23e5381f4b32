using PartyDomain.Organization;
using PartyDomain.Rules;
using PartyDomain.Tests.Organization.Structure;
using PartyDomain.Training;
using static PartyDomain.Tests.Training.TrainingTestData;
using PartyDomain.Tests.Rules;

namespace PartyDomain.Tests.Training;

/// <summary>The yearly requirements by role: 32 hours for members, 56 hours and a concentrated training for cadres.</summary>
public class TrainingRequirementTests
{
    /// <summary>A day after 2025 has ended.</summary>
    private static readonly LocalDate NextJanuary = new(2026, 1, 10);

    private static readonly LocalDate YearEnd = new(2025, 12, 31);

    private static readonly LocalDate Spring = new(2025, 4, 1);

    private static RuleId MemberHours => TrainingRuleIds.MemberHours;

    private static RuleId CadreHours => TrainingRuleIds.CadreHours;

    private static RuleId CadreConcentrated => TrainingRuleIds.CadreConcentrated;

    [Fact]
    public void Exactly_32_hours_pass_and_31_99_fail_once_the_year_has_ended()
    {
        var city = new TestCity(NextJanuary).FullMember("OK").FullMember("SHORT")
            .Add(Session("S1", Spring, 32m, Full("OK"), Credited("SHORT", 31.99m)));

        var result = Run(city, 2025);

        result.Of(MemberHours, "OK").Should().BeEmpty();
        var finding = result.Of(MemberHours, "SHORT").Should().ContainSingle().Subject;
        finding.ShouldBe(MemberHours, FindingSeverity.Violation, SubjectKind.Person, "SHORT", YearEnd);
        finding.Citation.Document.Should().Be(Regulations.MemberEducation);
        finding.Citation.Provision.Should().Be("第二十条");
        finding.Expected.ShouldMention("32", "2025");
        finding.Found.ShouldMention("31.99");
        result.Findings.Should().ContainSingle("nothing else is wrong");
    }

    [Fact]
    public void Converted_credits_count_toward_the_32_hours()
    {
        var city = new TestCity(NextJanuary).FullMember("A")
            .Add(Session("S1", Spring, 29m, "A"))
            .Add(Credit("A", Spring, 1000m));

        Run(city, 2025, null, ExampleConverter()).Of(MemberHours).Should().BeEmpty("29 + 3 = 32 hours");
        Run(city, 2025).Of(MemberHours, "A").Should().ContainSingle("without a converter the credits add nothing");
    }

    [Fact]
    public void A_member_with_no_hours_at_all_falls_short()
    {
        var city = new TestCity(NextJanuary).FullMember("A");

        Run(city, 2025).Of(MemberHours, "A").Should().ContainSingle().Which.Found.ShouldMention("0");
    }

    [Fact]
    public void Activists_and_members_who_left_are_not_required_to_have_32_hours()
    {
        var city = new TestCity(NextJanuary).Activist("ACT")
            .Person("LEFT", TestCity.Standing(MemberStanding.FullMember, TestCity.LongAgo), TestCity.Standing(MemberStanding.Ceased, new LocalDate(2025, 5, 1)))
            .Add(Session("S1", Spring, 4m, "ACT", "LEFT"));

        Run(city, 2025).ShouldFindNothing();
    }

    private static TrainingResult RunNewMembers(TestCity city, NewMemberTraining? mode) =>
        new TrainingEvaluator(DefaultTrainingRequirements.Create(), [], Microsoft.Extensions.Options.Options.Create(new RuleOptions()),
            Microsoft.Extensions.Options.Options.Create(mode is { } m ? new TrainingOptions { NewMembers = m } : new TrainingOptions()), city.Clock.InShanghai()).Evaluate(city.Build(), 2025);

    [Fact]
    public void A_member_admitted_in_April_needs_nine_twelfths_of_32_hours_by_default()
    {
        // 《党员教育管理工作条例》第二十条, pro-rated: admitted 1 April 2025, April to December, 9 months: 24 hours.
        var city = new TestCity(NextJanuary).AdmittedMidYear("NEW").AdmittedMidYear("DONE")
            .Add(Session("S1", Spring, 23.9m, "NEW")).Add(Session("S2", Spring, 24m, "DONE"));

        var result = RunNewMembers(city, null);

        result.NewMembers.Should().Be(NewMemberTraining.ProRated);
        result.Entry("NEW").Should().Match<LedgerEntry>(e => e.AdmittedDuringYear && e.MemberMonths == 9 && !e.Member);
        var finding = result.Of(MemberHours, "NEW").Should().ContainSingle().Subject;
        finding.Severity.Should().Be(FindingSeverity.Violation);
        finding.Expected.ShouldMention("24", "9/12");
        result.Of(MemberHours, "DONE").Should().BeEmpty();
    }

    [Fact]
    public void A_member_admitted_on_the_last_day_of_December_needs_a_twelfth()
    {
        var city = new TestCity(NextJanuary)
            .Person("DEC", TestCity.Standing(MemberStanding.DevelopmentCandidate, TestCity.LongAgo), TestCity.Standing(MemberStanding.ProbationaryMember, YearEnd));

        var result = RunNewMembers(city, NewMemberTraining.ProRated);

        result.Entry("DEC").MemberMonths.Should().Be(1);
        result.Of(MemberHours, "DEC").Single().Expected.ShouldMention("2.7");
    }

    [Fact]
    public void With_Full_a_member_admitted_during_the_year_needs_the_whole_32_hours()
    {
        var city = new TestCity(NextJanuary).AdmittedMidYear("NEW").Add(Session("S1", Spring, 24m, "NEW"));

        var result = RunNewMembers(city, NewMemberTraining.Full);

        result.NewMembers.Should().Be(NewMemberTraining.Full);
        result.Of(MemberHours, "NEW").Should().ContainSingle().Which.Expected.ShouldMention("32");
    }

    [Fact]
    public void With_NotAssessed_a_member_admitted_during_the_year_is_not_assessed()
    {
        var city = new TestCity(NextJanuary).AdmittedMidYear("NEW").Add(Session("S1", Spring, 4m, "NEW"));

        var result = RunNewMembers(city, NewMemberTraining.NotAssessed);

        result.NewMembers.Should().Be(NewMemberTraining.NotAssessed);
        result.ShouldFindNothing();
    }

    [Fact]
    public void The_new_member_option_binds_from_configuration_and_rejects_an_unknown_value()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        PartyDomain.Extensibility.ServiceCollectionExtensions.AddPartyDomain(services);
        Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.Configure<TrainingOptions>(services, o => o.NewMembers = (NewMemberTraining)7);
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var act = () => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TrainingEvaluator>(provider);

        act.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*NewMembers*");
    }

    [Fact]
    public void A_secretary_needs_56_hours_and_a_concentrated_training()
    {
        var city = new TestCity(NextJanuary).Branch("B")
            .FullMember("OK").Secretary("OK", "B")
            .Add(Session("C1", Spring, 24m, "OK") with { Concentrated = true })
            .Add(Session("S2", Spring.PlusDays(30), 32m, "OK"));

        Run(city, 2025).ShouldFindNothing("exactly 56 hours, one of the sessions concentrated");
    }

    [Fact]
    public void A_committee_member_with_55_and_a_half_hours_falls_short_of_56()
    {
        var city = new TestCity(NextJanuary).Branch("B")
            .FullMember("CM").Post("CM", "B", PartyPost.CommitteeMember)
            .Add(Session("C1", Spring, 24m, "CM") with { Concentrated = true })
            .Add(Session("S2", Spring.PlusDays(30), 32m, Credited("CM", 31.5m)));

        var result = Run(city, 2025);

        var finding = result.Of(CadreHours, "CM").Should().ContainSingle().Subject;
        finding.ShouldBe(CadreHours, FindingSeverity.Violation, SubjectKind.Person, "CM", YearEnd);
        finding.Expected.ShouldMention("56");
        finding.Found.ShouldMention("55.5");
        result.Of(MemberHours).Should().BeEmpty("55.5 hours are well above a member's 32");
        result.Of(CadreConcentrated).Should().BeEmpty();
    }

    [Fact]
    public void A_deputy_secretary_with_enough_hours_but_no_concentrated_training_falls_short()
    {
        var city = new TestCity(NextJanuary).Branch("B")
            .FullMember("DEP").Post("DEP", "B", PartyPost.DeputySecretary)
            .Add(Session("S1", Spring, 60m, "DEP"));

        var result = Run(city, 2025);

        result.Of(CadreHours).Should().BeEmpty();
        var finding = result.Of(CadreConcentrated, "DEP").Should().ContainSingle().Subject;
        finding.ShouldBe(CadreConcentrated, FindingSeverity.Violation, SubjectKind.Person, "DEP", YearEnd);
        finding.Expected.ShouldMention("1");
        finding.Found.ShouldMention("0");
    }

    [Fact]
    public void A_seat_held_only_in_the_first_months_still_brings_the_cadre_requirements()
    {
        var city = new TestCity(NextJanuary).Branch("B")
            .FullMember("EX").Post("EX", "B", PartyPost.CommitteeMember, to: new LocalDate(2025, 3, 31))
            .Add(Session("S1", Spring, 40m, "EX"));

        var result = Run(city, 2025);

        result.Of(CadreHours, "EX").Should().ContainSingle();
        result.Of(CadreConcentrated, "EX").Should().ContainSingle();
        result.Of(MemberHours).Should().BeEmpty();
    }

    [Fact]
    public void A_member_without_a_seat_is_not_held_to_the_cadre_requirements()
    {
        var city = new TestCity(NextJanuary).Branch("B").PartyGroup("G", "B")
            .FullMember("GL").Post("GL", "G", PartyPost.GroupLeader)
            .FullMember("EX").Post("EX", "B", PartyPost.CommitteeMember, to: new LocalDate(2024, 12, 31))
            .Add(Session("S1", Spring, 40m, "GL", "EX"));

        Run(city, 2025).ShouldFindNothing();
    }

    [Fact]
    public void A_cadre_short_of_everything_gets_all_three_findings()
    {
        var city = new TestCity(NextJanuary).Branch("B").FullMember("SEC").Secretary("SEC", "B");

        Run(city, 2025).Findings.Select(f => f.RuleId).Should().BeEquivalentTo([MemberHours, CadreHours, CadreConcentrated]);
    }

    [Fact]
    public void Nothing_is_said_before_the_last_90_days_of_the_year()
    {
        var city = new TestCity(new LocalDate(2025, 10, 1)).Branch("B").FullMember("SEC").Secretary("SEC", "B");

        Run(city, 2025).ShouldFindNothing("1 October is 91 days before 31 December");
        Run(new TestCity().Branch("B").FullMember("SEC").Secretary("SEC", "B"), 2025).ShouldFindNothing("in June nobody is reminded");
    }

    [Fact]
    public void From_90_days_before_the_years_end_shortfalls_are_reminders_as_of_today()
    {
        var today = new LocalDate(2025, 10, 2);
        var city = new TestCity(today).FullMember("A").Add(Session("S1", Spring, 20m, "A"));

        var finding = Run(city, 2025).Of(MemberHours, "A").Should().ContainSingle().Subject;

        finding.Severity.Should().Be(FindingSeverity.Reminder);
        finding.AsOf.Should().Be(today);
        finding.Found.English.Should().Contain("20 hours").And.Contain("12 to go");
        finding.Found.Chinese.Should().Contain("尚差12");
    }

    [Fact]
    public void On_31_December_it_is_still_a_reminder_and_on_1_January_a_violation()
    {
        TestCity City(LocalDate today) => new TestCity(today).FullMember("A").Add(Session("S1", Spring, 20m, "A"));

        Run(City(YearEnd), 2025).Of(MemberHours, "A").Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Reminder);
        var violation = Run(City(new LocalDate(2026, 1, 1)), 2025).Of(MemberHours, "A").Should().ContainSingle().Subject;
        violation.Severity.Should().Be(FindingSeverity.Violation);
        violation.AsOf.Should().Be(YearEnd);
        violation.Found.English.Should().NotContain("to go");
    }

    [Fact]
    public void A_year_that_has_not_started_gets_no_findings()
    {
        var city = new TestCity().FullMember("A");

        Run(city, 2026).ShouldFindNothing();
    }

    [Fact]
    public void MinHours_is_tuned_by_rule_id()
    {
        var city = new TestCity(NextJanuary).FullMember("OK").FullMember("SHORT")
            .Add(Session("S1", Spring, 40m, Full("OK"), Credited("SHORT", 39.5m)));

        var result = Run(city, 2025, o => o.Set(MemberHours, "MinHours", 40));

        result.Of(MemberHours).Should().ContainSingle().Which.Subject.Id.Should().Be("SHORT");
        result.Of(MemberHours)[0].Expected.ShouldMention("40");
        result.Rules.Single(r => r.Id == MemberHours)["MinHours"].Should().Be(40);
        result.Rules.Single(r => r.Id == CadreHours)["MinHours"].Should().Be(56, "other rules keep their defaults");
    }

    [Fact]
    public void A_disabled_requirement_raises_nothing_and_says_so()
    {
        var city = new TestCity(NextJanuary).Branch("B").FullMember("SEC").Secretary("SEC", "B");

        var result = Run(city, 2025, o => o.Disable(MemberHours).Disable(CadreConcentrated));

        result.Findings.Select(f => f.RuleId).Should().Equal(CadreHours);
        result.Rules.Single(r => r.Id == MemberHours).Enabled.Should().BeFalse();
        result.Rules.Should().HaveCount(3);
    }

    [Fact]
    public void ReminderDays_and_severity_are_tuned_by_rule_id()
    {
        var city = new TestCity(new LocalDate(2025, 11, 30)).FullMember("A");

        Run(city, 2025, o => o.Set(MemberHours, "ReminderDays", 30)).ShouldFindNothing("30 days before 31 December is 1 December");
        Run(new TestCity(new LocalDate(2025, 12, 1)).FullMember("A"), 2025, o => o.Set(MemberHours, "ReminderDays", 30))
            .Findings.Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Reminder);
        Run(new TestCity(NextJanuary).FullMember("A"), 2025, o => o.WithSeverity(MemberHours, FindingSeverity.Warning))
            .Findings.Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Warning);
    }

    [Fact]
    public void Tuning_a_parameter_the_requirement_does_not_have_is_refused()
    {
        var act = () => Evaluator(new TestCity(), o => o.Set(MemberHours, "MinTrainings", 2));

        act.Should().Throw<RuleConfigurationException>().WithMessage("*MinTrainings*");
    }

    [Fact]
    public void The_defaults_are_cited_and_configurable()
    {
        var requirements = DefaultTrainingRequirements.Create();

        requirements.Select(r => r.Id).Should().Equal(MemberHours, CadreHours, CadreConcentrated);
        requirements.Should().OnlyContain(r => r.Citation.Document == Regulations.MemberEducation && r.Citation.Provision == "第二十条");
        requirements[0].Parameters.Single(p => p.Name == "MinHours").DefaultValue.Should().Be(32);
        requirements[1].Parameters.Single(p => p.Name == "MinHours").DefaultValue.Should().Be(56);
        requirements[2].Parameters.Single(p => p.Name == "MinTrainings").DefaultValue.Should().Be(1);
        requirements.Should().OnlyContain(r => r.Parameters.Any(p => p.Name == "ReminderDays" && p.DefaultValue == 90));
        requirements[0].Role.Should().Be(TrainingRole.Member);
        requirements[1].Role.Should().Be(TrainingRole.Cadre);
        requirements[2].Concentrated.Should().BeTrue();
    }
}
