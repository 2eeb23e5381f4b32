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
    public void A_city_replaces_wording_through_the_templates_and_an_unknown_placeholder_fails_that_section_naming_it()
    {
        var summary = Summarize(SmallCity(), b => b.ReportTemplates.Set("part2.title", new("二、组织生活（{F2:value}个支部，{F3}）", "2. Life")));
        summary.Sections.Single(s => s.Id == BuiltInReportSections.OrganizationalLife).Title.Should().Be("二、组织生活（1个支部，3人）");
        summary.FailedSections.Should().BeEmpty();

        var broken = Summarize(SmallCity(), b => b.ReportTemplates.Set("intro", new("{F99}", "{F99}")));
        broken.FailedSections.Should().ContainSingle().Which.Reason.Should().Contain("intro").And.Contain("F99");
        broken.Sections.Single(s => s.Id == BuiltInReportSections.Intro).Failed.Should().BeTrue();
    }

    private sealed class Failing : IReportSection
    {
        public string Id => "broken";

        public int Order => 10;

        public ReportSectionContent Compose(ReportContext context) => throw new FormatException("bad data");
    }

    [Fact]
    public void A_section_that_throws_is_named_in_the_document_with_its_reason_and_the_others_are_written()
    {
        var summary = Summarize(SmallCity(), b => b.AddReportSection(new Failing()));

        var failure = summary.FailedSections.Should().ContainSingle().Subject;
        failure.SectionId.Should().Be("broken");
        failure.Exception.Should().BeOfType<FormatException>();
        var note = summary.Sections.Single(s => s.Id == "broken");
        note.Failed.Should().BeTrue();
        note.Blocks.OfType<ReportParagraph>().Single().Text.Should().Be("本节生成失败：bad data");
        summary.Sections.Where(s => !s.Failed).Select(s => s.Id).Should().Equal(BuiltInReportSections.Create().Select(s => s.Id).Where(id => id != BuiltInReportSections.Plugins), "without plugins the plugin appendix is left out");

        using var md = new MemoryStream();
        new MarkdownReportRenderer().Render(summary, md);
        System.Text.Encoding.UTF8.GetString(md.ToArray()).Should().Contain("本节生成失败：bad data").And.Contain("一、抓强党建");
    }

    private sealed class Publishing(string id) : IReportSection
    {
        public string Id => "publishing";

        public int Order => 350;

        public ReportSectionContent Compose(ReportContext context) => new(Id, "本市", [new ReportParagraph(context.Fill("走访{F2}"))])
        {
            Figures = [new ReportFigure { Id = id, Name = new("走访", "visits"), Value = 7, Unit = new("次", "times"), Filter = new("本市", "city"), Source = new("插件", "plugin") }],
        };
    }

    [Fact]
    public void A_section_s_figures_join_the_json_and_the_appendix_and_a_taken_id_fails_the_section()
    {
        var summary = Summarize(SmallCity(), b => b.AddReportSection(new Publishing("XY-visits")));
        summary.Figure("XY-visits").Value.Should().Be(7);
        summary.Sections.Single(s => s.Id == BuiltInReportSections.Appendix).Blocks.OfType<ReportFigureTable>().Single().FigureIds.Should().Contain("XY-visits");
        using var json = new MemoryStream();
        new JsonReportRenderer().Render(summary, json);
        using var doc = System.Text.Json.JsonDocument.Parse(json.ToArray());
        doc.RootElement.GetProperty("figures").GetProperty("XY-visits").GetProperty("value").GetDecimal().Should().Be(7);

        var taken = Summarize(SmallCity(), b => b.AddReportSection(new Publishing("F2")));
        taken.FailedSections.Should().ContainSingle().Which.Reason.Should().Contain("F2");
        taken.Figure("F2").Name.Chinese.Should().NotBe("走访");
    }

    [Fact]
    public void Two_sections_with_one_id_are_refused_when_the_builder_is_made_directly()
    {
        var engines = PartyDomainEngines.Create(new TestCity().Clock);
        var act = () => new AnnualSummaryBuilder(engines.Structure, engines.Compliance, engines.Training, engines.Admissions, engines.Dues, engines.Governance,
            [new CitySection(), new CitySection()], ReportTemplates.CreateDefault(), engines.Get<ZonedClock>(), Microsoft.Extensions.Options.Options.Create(new PartyDomain.PartyDomainOptions()));

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
