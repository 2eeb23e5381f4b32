using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PartyDomain.BasicSystems;
using PartyDomain.Data;
using PartyDomain.Extensibility;
using PartyDomain.Metrics;
using PartyDomain.Organization;
using PartyDomain.Organization.Structure;
using PartyDomain.Reporting;
using PartyDomain.Rules;
using PartyDomain.Tests;
using PartyDomain.Time;
using PartyDomain.Training;

namespace PartyDomain.Hosting.Tests;

/// <summary>
/// The two sample plugins in plugins/, packed and built by this project's build as a city would build them
/// (SamplePlugins.targets), loaded from bin/plugins through the host.
/// </summary>
public sealed class SamplePluginTests
{
    private static readonly RuleId LocalRule = new("XY-REGISTRATION-IN-FIRM-BRANCH");

    private static (ServiceProvider Provider, PartyDomainBuilder Builder, PluginLoadReport Report) Host(
        TestCity city, Dictionary<string, string?>? settings = null, Action<PartyDomainBuilder>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PartyDomain:PluginHost:Folders:0"] = "plugins" })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection().AddSingleton<IClock>(city.Clock);
        var builder = services.AddPartyDomain(configure).AddPlugins(configuration);
        var provider = services.BuildServiceProvider();
        return (provider, builder, provider.GetRequiredService<PluginLoadReport>());
    }

    [Fact]
    public void Both_plugins_load_from_the_hosts_output_dependencies_first()
    {
        var (_, _, report) = Host(new TestCity());

        report.Entries.Select(e => (e.Name, e.Status)).Should().Equal(("xuexi-qiangguo", PluginLoadStatus.Loaded), ("xinyang", PluginLoadStatus.Loaded));
        report.Entries.Should().OnlyContain(e => e.CompiledAgainst == PluginHost.HostVersion);
        report.Entries[1].Manifest!.Region.Should().Be("信阳市");
        report.Describe().Should().Contain("xinyang [已加载]");
    }

    [Fact]
    public void The_roster_records_what_each_sample_plugin_registered_and_the_report_names_them()
    {
        var city = new TestCity().Firm("A").BranchOf("B", "A").Members("M", full: 3, registeredAt: "B", employedAt: "A");
        var (provider, builder, _) = Host(city);
        string Of(string id) => string.Join(", ", builder.Plugins.Loaded.Single(p => p.Id == id).Contributions.Select(c => $"{c.Kind}:{c.Id}"));

        Of("xuexi-qiangguo").Should().Be("StudyCreditConverter:xuexi-qiangguo, DatasetContributor:xuexi-points, ImportTable:xuexi_points");
        Of("xinyang").Should().Be("Rule:XY-REGISTRATION-IN-FIRM-BRANCH, RuleDefault:BS-SECRETARY-LECTURE.MinLessons, "
            + "Indicator:xy-wechat-group-consultations, Indicator:xy-on-demand-visits, ReportSection:xinyang-work");
        builder.Plugins.OwnerOf(Extensibility.Roster.PluginContributionKind.DatasetContributor, "XUEXI-POINTS")!.Id.Should().Be("xuexi-qiangguo");
        builder.Plugins.OwnerOf(Extensibility.Roster.PluginContributionKind.Rule, StructureRuleIds.BranchSize.Value).Should().BeNull("the library's own");

        var summary = provider.GetRequiredService<AnnualSummaryBuilder>().Build(city.Build(), 2024);
        summary.Plugins.Select(p => p.ToString()).Should().Equal("xuexi-qiangguo 1.0.0", "xinyang 1.0.0");
        var list = summary.Sections.Single(s => s.Id == BuiltInReportSections.Plugins).Blocks.OfType<ReportList>().Single().Items;
        list[1].Should().StartWith("xinyang 1.0.0（").And.EndWith("：规则1项、规则默认值1项、指标2项、报告章节1项");
    }

    [Fact]
    public void Xuexi_points_export_becomes_study_credits_and_hours_with_the_configured_ratio_and_cap()
    {
        var city = new TestCity().FullMember("P1").FullMember("P2");
        var (provider, builder, _) = Host(city, new()
        {
            ["PartyDomain:Plugins:xuexi-qiangguo:PointsPerHour"] = "50",
            ["PartyDomain:Plugins:xuexi-qiangguo:CapHoursPerYear"] = "3",
        });
        var contributor = builder.DatasetContributors.Should().ContainSingle(c => c.Id == "xuexi-points").Subject;
        var csv = "\uFEFF党员编号,姓名,日期,积分\nP1,张三,2025-03-01,120\nP1,张三,2025/4/2,60\nP2,李四,2025-05-01,40\n";
        var datasetBuilder = city.Builder();

        var problems = contributor.Contribute(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "xuexi.csv", datasetBuilder);
        var ledger = provider.GetRequiredService<TrainingEvaluator>().Evaluate(datasetBuilder.Build(), 2025).Ledger;

        problems.Should().BeEmpty();
        // P1: 180 points at 50 a hour is 3.5 hours, capped at 3; P2: 40 points is 0.8, rounded down to the half hour.
        ledger.Single(e => e.PersonId == TestCity.P("P1")).CreditHours.Should().Be(3m);
        ledger.Single(e => e.PersonId == TestCity.P("P2")).CreditHours.Should().Be(0.5m);
    }

    [Fact]
    public void Xuexi_rows_that_cannot_be_read_are_reported_with_row_and_column()
    {
        var city = new TestCity().FullMember("P1");
        var (_, builder, _) = Host(city);
        var csv = "姓名,党员编号,积分,日期\n张三,P1,abc,2025-03-01\n李四,,10,2025-13-01\n张三,P1,10,2025-03-02\n";
        var datasetBuilder = city.Builder();

        var problems = builder.DatasetContributors.Single(c => c.Id == "xuexi-points")
            .Contribute(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "xuexi.csv", datasetBuilder);

        problems.Select(p => (p.Origin!.Row, p.Field)).Should().BeEquivalentTo([(2, "积分"), (3, "党员编号"), (3, "日期")]);
        problems[0].Describe(TextLanguage.Chinese).Should().Contain("xuexi.csv row 2").And.Contain("abc");
        datasetBuilder.Build().StudyCredits.Should().ContainSingle();
    }

    [Fact]
    public void Xuexi_export_without_a_required_column_is_refused_naming_it()
    {
        var (_, builder, _) = Host(new TestCity());

        var problems = builder.DatasetContributors.Single().Contribute(new MemoryStream(Encoding.UTF8.GetBytes("姓名,日期\n张三,2025-03-01\n")), "xuexi.csv", new TestCity().Builder());

        problems.Should().ContainSingle().Which.Field.Should().Be("党员编号、积分");
    }

    [Fact]
    public void City_indicators_are_in_the_catalog()
    {
        var (_, builder, _) = Host(new TestCity());

        builder.Indicators.Get(new IndicatorCode("xy-wechat-group-consultations")).Name.Chinese.Should().Contain("心贴心");
        builder.Indicators.Get(new IndicatorCode("xy-on-demand-visits")).Name.Chinese.Should().Contain("有求必应");
    }

    private static TestCity CityWithOneSecretaryLesson() =>
        new TestCity().Firm("F1").BranchOf("B1", "F1").FullMember("S1").Register("S1", "B1").Employ("S1", "F1").Secretary("S1", "B1")
            .Lesson("B1", new LocalDate(2024, 5, 10), "S1", "S1");

    [Fact]
    public void The_secretary_lectures_twice_a_year_by_the_citys_tuned_default()
    {
        var city = CityWithOneSecretaryLesson();
        var (provider, builder, _) = Host(city);

        var result = provider.GetRequiredService<ComplianceEvaluator>().Evaluate(city.Build(), ReportingPeriod.Year(2024));

        builder.RuleDefaults.Should().ContainSingle().Which.Should().Be(new RuleDefault(BasicSystemRuleIds.SecretaryLecture, "MinLessons", 1, 2));
        result.Rules.Single(r => r.Id == BasicSystemRuleIds.SecretaryLecture)["MinLessons"].Should().Be(2);
        result.Outcomes(TestCity.O("B1"), BasicSystemRuleIds.SecretaryLecture).Should().Equal(SlotOutcome.Missed);
        result.Misses().Should().Contain(m => m.Finding.RuleId == BasicSystemRuleIds.SecretaryLecture && m.Finding.Expected.Chinese.Contains("至少2次"));
    }

    [Fact]
    public void The_tuned_default_yields_to_the_plugins_options_and_to_rule_configuration()
    {
        var city = CityWithOneSecretaryLesson();
        var fromPluginOptions = Host(city, new() { ["PartyDomain:Plugins:xinyang:SecretaryLessonsPerYear"] = "3" }).Provider;
        var fromRuleConfiguration = Host(city, configure: b => b.ConfigureRules(o => o.Rules["BS-SECRETARY-LECTURE"] = new RuleSettings { Parameters = { ["MinLessons"] = 1 } })).Provider;

        fromPluginOptions.GetRequiredService<ComplianceEvaluator>().Evaluate(city.Build(), ReportingPeriod.Year(2024))
            .Rules.Single(r => r.Id == BasicSystemRuleIds.SecretaryLecture)["MinLessons"].Should().Be(3);
        var configured = fromRuleConfiguration.GetRequiredService<ComplianceEvaluator>().Evaluate(city.Build(), ReportingPeriod.Year(2024));
        configured.Rules.Single(r => r.Id == BasicSystemRuleIds.SecretaryLecture)["MinLessons"].Should().Be(1);
        configured.Outcomes(TestCity.O("B1"), BasicSystemRuleIds.SecretaryLecture).Should().Equal(SlotOutcome.Met);
    }

    [Fact]
    public void A_practising_lawyers_registration_moves_to_the_firms_branch_within_six_months()
    {
        var city = new TestCity()
            .Firms("F1", "F2").BranchOf("B1", "F1").BranchOf("B2", "F2")
            // L1 joined F1 a year and a half ago and is still registered in F2's branch: a finding.
            .FullMember("L1").Employ("L1", "F1", new LocalDate(2024, 1, 1)).Register("L1", "B2")
            // L2 joined four months ago: still within the six months.
            .FullMember("L2").Employ("L2", "F1", new LocalDate(2025, 2, 15)).Register("L2", "B2")
            // L3 moved in time.
            .FullMember("L3").Employ("L3", "F1", new LocalDate(2024, 1, 1)).Register("L3", "B1")
            // L4 works at F2 and is registered there.
            .FullMember("L4").Employ("L4", "F2").Register("L4", "B2");
        var (provider, _, _) = Host(city);

        var result = provider.GetRequiredService<StructureChecker>().Check(city.Build(), city.Today);

        var finding = result.Findings.Where(f => f.RuleId == LocalRule).Should().ContainSingle().Subject;
        finding.Subject.Id.Should().Be("L1");
        finding.Citation.Document.Should().Contain("信阳市");
        finding.Found.Chinese.Should().Contain("2024-01-01").And.Contain("B2党支部");
        result.Rules.Should().Contain(r => r.Id == LocalRule && r.Parameters["Months"] == 6);
    }

    [Fact]
    public void The_annual_summary_has_the_citys_section_with_its_indicators_rule_and_default()
    {
        var city = new TestCity()
            .Firms("F1", "F2").BranchOf("B1", "F1").BranchOf("B2", "F2")
            .FullMember("L1").Employ("L1", "F1", new LocalDate(2024, 1, 1)).Register("L1", "B2");
        var (provider, builder, _) = Host(city);
        var datasetBuilder = city.Builder();
        datasetBuilder.Indicators = builder.Indicators;
        datasetBuilder
            .Add(new ServiceRecord { Indicator = new("xy-wechat-group-consultations"), Date = new LocalDate(2024, 3, 1), Quantity = 120, Span = RecordSpan.Month })
            .Add(new ServiceRecord { Indicator = new("xy-wechat-group-consultations"), Date = new LocalDate(2024, 4, 1), Quantity = 80, Span = RecordSpan.Month })
            .Add(new ServiceRecord { Indicator = new("xy-wechat-group-consultations"), Date = new LocalDate(2023, 4, 1), Quantity = 999, Span = RecordSpan.Month })
            .Add(new ServiceRecord { Indicator = new("xy-on-demand-visits"), Date = new LocalDate(2024, 6, 3), Quantity = 7 });

        var summary = provider.GetRequiredService<AnnualSummaryBuilder>().Build(datasetBuilder.Build(), 2024);

        var ids = summary.Sections.Select(s => s.Id).ToList();
        ids.Should().Contain("xinyang-work");
        ids.IndexOf("xinyang-work").Should().Be(ids.IndexOf(BuiltInReportSections.LegalServices) + 1);
        var section = summary.Sections.Single(s => s.Id == "xinyang-work");
        section.Title.Should().Be("信阳市特色工作");
        var text = section.Blocks.OfType<ReportParagraph>().Single().Text;
        text.Should().Contain("法律咨询200人次").And.Contain("走访7次").And.Contain("发现1人未按期转入").And.Contain("讲党课不少于2次");
        text.Should().NotContainAny("XY-", "BS-", "XX");
        summary.Figure("XY-wechat-consultations").Value.Should().Be(200, "2024's records only");
        summary.Figure("XY-on-demand-visits").Value.Should().Be(7);
    }

    [Fact]
    public void The_city_s_indicators_with_no_records_print_data_not_entered_and_their_figures_are_missing()
    {
        var city = new TestCity().Firm("F1").BranchOf("B1", "F1").FullMember("L1").Employ("L1", "F1", new LocalDate(2024, 1, 1)).Register("L1", "B1");
        var (provider, builder, _) = Host(city);
        var datasetBuilder = city.Builder();
        datasetBuilder.Indicators = builder.Indicators;

        var summary = provider.GetRequiredService<AnnualSummaryBuilder>().Build(datasetBuilder.Build(), 2024);

        summary.Sections.Single(s => s.Id == "xinyang-work").Blocks.OfType<ReportParagraph>().Single().Text
            .Should().Contain("法律咨询数据未录入").And.Contain("走访数据未录入").And.NotContain("0人次");
        summary.Figure("XY-wechat-consultations").IsMissing.Should().BeTrue();
        summary.Sections.Single(s => s.Id == BuiltInReportSections.Appendix).Blocks.OfType<ReportFigureTable>().Single().FigureIds.Should().Contain("XY-on-demand-visits");
    }

    /// <summary>
    /// The city's rule looks up a firm's branches once per firm and walks a lawyer's history without sorting it; on
    /// random cities it finds what the earlier per-person algorithm over the public dataset API finds.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_local_rule_finds_what_the_per_person_algorithm_finds(int seed)
    {
        var city = PartyDomain.Tests.Organization.Structure.RandomStructureCity.Create(new Random(seed));
        var dataset = city.Build();
        var checker = Host(city).Provider.GetRequiredService<StructureChecker>();
        var total = 0;
        foreach (var asOf in new[] { new LocalDate(2019, 6, 30), new LocalDate(2024, 12, 31), TestCity.DefaultToday })
        {
            var found = checker.Check(dataset, asOf).Findings.Where(f => f.RuleId == LocalRule).Select(f => (f.Subject.Id, f.Expected.Chinese, f.Found.Chinese)).ToArray();

            found.Should().BeEquivalentTo(LocalRuleByPerson(dataset, asOf), $"seed {seed}, {asOf}");
            total += found.Length;
        }

        total.Should().BePositive("the random city has registrations outside the firm's branch");
    }

    private static IEnumerable<(string, string, string)> LocalRuleByPerson(CityDataset dataset, LocalDate asOf)
    {
        foreach (var person in dataset.People)
        {
            if (person.StandingOn(asOf) is not { } standing || !standing.IsMember()
                || dataset.EmploymentOf(person.Id, asOf) is not { } employment
                || dataset.RegistrationOf(person.Id, asOf) is not { } registration)
            {
                continue;
            }

            var branches = dataset.OrganizationsCovering(employment.FirmId, asOf)
                .Where(o => o.Kind is OrganizationKind.Branch or OrganizationKind.JointBranch).ToArray();
            var joined = employment.From;
            foreach (var spell in dataset.EmploymentHistoryOf(person.Id).OrderByDescending(e => e.From))
            {
                if (spell.From >= employment.From)
                {
                    continue;
                }

                if (spell.FirmId != employment.FirmId)
                {
                    break;
                }

                joined = spell.From;
            }

            if (branches.Length == 0 || asOf < joined.PlusMonths(6) || branches.Any(b => b.Id == registration.OrganizationId))
            {
                continue;
            }

            var firm = dataset.GetFirm(employment.FirmId);
            var current = dataset.GetOrganization(registration.OrganizationId);
            yield return (person.Id.Value, $"入{firm.Name}满6个月内组织关系转入{branches[0].Name}", $"{joined:uuuu-MM-dd}入所，组织关系仍在{current.Name}");
        }
    }
}
