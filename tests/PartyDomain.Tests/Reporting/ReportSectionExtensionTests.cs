using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Extensibility;
using PartyDomain.Reporting;
using PartyDomain.Training;

namespace PartyDomain.Tests.Reporting;

public class ReportSectionExtensionTests
{
    /// <summary>A city's own section, as a plugin would write it: it reads figures and fills a template.</summary>
    private sealed class CitySection : IReportSection
    {
        public string Id => "xinyang-brand";

        public int Order => 350;

        public ReportSectionContent Compose(ReportContext context) =>
            new(Id, "“有求必应”品牌建设", [new ReportParagraph(context.Fill("全市党员律师{F3}，{year}年参与“有求必应”服务。"))]);
    }

    private static AnnualSummary Summarize(TestCity city, Action<PartyDomainBuilder> configure)
    {
        var services = new ServiceCollection().AddSingleton<IClock>(city.Clock);
        services.AddPartyDomain(configure);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<AnnualSummaryBuilder>().Build(city.Build(), 2024);
    }

    private static TestCity SmallCity() => new TestCity().Firm("A").BranchOf("B", "A").Members("M", full: 3, registeredAt: "B", employedAt: "A");

    [Fact]
    public void A_section_added_through_the_builder_is_laid_out_by_its_order_among_the_built_in_ones()
    {
        var summary = Summarize(SmallCity(), b => b.AddReportSection(new CitySection()));

        summary.Sections.Select(s => s.Id).Should().Equal(
            BuiltInReportSections.Intro, BuiltInReportSections.Institutions, BuiltInReportSections.OrganizationalLife, BuiltInReportSections.LegalServices,
            "xinyang-brand", BuiltInReportSections.Compliance, BuiltInReportSections.Findings, BuiltInReportSections.Appendix);
        summary.Sections.Single(s => s.Id == "xinyang-brand").Blocks.Should().ContainSingle()
            .Which.Should().Be(new ReportParagraph("全市党员律师3人，2024年参与“有求必应”服务。"));
    }

    [Fact]
    public void The_built_in_sections_are_registered_like_a_plugin_s_and_can_be_replaced_or_removed_by_id()
    {
        var summary = Summarize(SmallCity(), b =>
        {
            b.ReportSections.Select(s => s.Id).Should().Contain(BuiltInReportSections.Institutions);
            b.RemoveReportSection(BuiltInReportSections.Appendix).Should().BeTrue();
            b.ReplaceReportSection(new CitySection());
            b.Invoking(x => x.AddReportSection(new CitySection())).Should().Throw<ArgumentException>().WithMessage("*xinyang-brand*ReplaceReportSection*");
        });

        summary.Sections.Select(s => s.Id).Should().NotContain(BuiltInReportSections.Appendix).And.Contain("xinyang-brand");
    }

    [Fact]
    public void A_city_replaces_wording_through_the_templates_and_an_unknown_placeholder_is_an_error_naming_it()
    {
        var summary = Summarize(SmallCity(), b => b.ReportTemplates.Set("part2.title", new("二、组织生活（{F2:value}个支部，{F3}）", "2. Life")));
        summary.Sections.Single(s => s.Id == BuiltInReportSections.OrganizationalLife).Title.Should().Be("二、组织生活（1个支部，3人）");

        var act = () => Summarize(SmallCity(), b => b.ReportTemplates.Set("intro", new("{F99}", "{F99}")));
        act.Should().Throw<InvalidOperationException>().WithMessage("*intro*F99*");
    }

    private sealed class Failing : IReportSection
    {
        public string Id => "broken";

        public int Order => 10;

        public ReportSectionContent Compose(ReportContext context) => throw new FormatException("bad data");
    }

    [Fact]
    public void A_section_that_throws_is_named_in_the_error()
    {
        var act = () => Summarize(SmallCity(), b => b.AddReportSection(new Failing()));

        act.Should().Throw<InvalidOperationException>().WithMessage("*'broken'*bad data*").WithInnerException<FormatException>();
    }

    [Fact]
    public void Two_sections_with_one_id_are_refused_when_the_builder_is_made_directly()
    {
        var clock = new TestCity().Clock;
        var act = () => new AnnualSummaryBuilder(new PartyDomain.Organization.Structure.StructureChecker(), new PartyDomain.BasicSystems.ComplianceEvaluator(clock), new PartyDomain.Training.TrainingEvaluator(clock),
            new PartyDomain.Development.AdmissionPipeline(clock), new PartyDomain.Dues.DuesEvaluator(clock), new PartyDomain.Governance.GovernanceEvaluator(), [new CitySection(), new CitySection()],
            ReportTemplates.CreateDefault(), clock, null, TextLanguage.Chinese);

        act.Should().Throw<ArgumentException>().WithMessage("*xinyang-brand*");
    }

    [Fact]
    public void An_engine_s_own_exception_surfaces_from_the_summary_unwrapped_though_the_engines_run_side_by_side()
    {
        var city = ReportTestCity.Create();
        city.Add(new StudyCredit { PersonId = new("A-F2"), Platform = "broken-platform", Date = new(ReportTestCity.Year, 5, 1), Points = 10 });

        var act = () => ReportTestCity.Summarize(city, b => b.AddStudyCreditConverter(new BrokenConverter()));

        act.Should().ThrowExactly<InvalidOperationException>().WithMessage("the converter broke");
    }

    private sealed class BrokenConverter : IStudyCreditConverter
    {
        public string Platform => "broken-platform";

        public decimal HoursFor(PartyDomain.Organization.PersonId person, int year, IReadOnlyList<StudyCredit> credits) => throw new InvalidOperationException("the converter broke");
    }
}
