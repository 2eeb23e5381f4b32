using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Reporting;

namespace PartyDomain.Tests.Reporting;

public class RendererTests
{
    private static string Render(IReportRenderer renderer, AnnualSummary summary)
    {
        using var stream = new MemoryStream();
        renderer.Render(summary, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void The_library_registers_markdown_html_and_json_renderers_by_format()
    {
        using var provider = ReportTestCity.Provider(ReportTestCity.Create());

        provider.GetServices<IReportRenderer>().Select(r => (r.Format, r.FileExtension)).Should().BeEquivalentTo(new[] { ("md", ".md"), ("html", ".html"), ("json", ".json") });
    }

    [Fact]
    public void Markdown_has_the_seed_s_three_parts_the_chart_data_and_the_figure_table_with_missing_figures_marked()
    {
        var md = Render(new MarkdownReportRenderer(), ReportTestCity.Summarize());

        md.Should().StartWith("# 信阳市律师行业党建工作2024年度总结\n");
        md.Should().Contain("\n## 一、抓强党建，在健全制度机制上下功夫\n").And.Contain("\n## 二、抓严党建，在丰富组织生活上做文章\n").And.Contain("\n## 三、抓实党建，在发挥模范作用上求突破\n");
        md.Should().Contain("| F22 | 参与化解各类纠纷调解 | 数据未录入（没有本年度该指标的记录） |");
        md.Should().Contain("| F4 | 由律所主任担任书记的党支部 | 1个 (50.0%) |");
        md.Should().Contain("| JB联合党支部 | 80 |", "the compliance-by-branch chart's data");
        md.Should().NotContain("XX");
    }

    [Fact]
    public void The_summary_is_written_in_english_when_asked()
    {
        var city = ReportTestCity.Create();
        using var provider = ReportTestCity.Provider(city);
        var summary = provider.GetRequiredService<AnnualSummaryBuilder>().Build(city.Build(), ReportTestCity.Year, TextLanguage.English);

        summary.Title.Should().Be("信阳市 lawyer-industry party building: 2024 annual summary");
        var text = string.Join("\n", summary.Sections.SelectMany(s => s.Blocks).OfType<ReportParagraph>().Select(p => p.Text));
        text.Should().Contain("Disputes mediated not entered").And.Contain("12348 calls answered 120 person-times");
        Render(new JsonReportRenderer(), summary).Should().Contain("\"language\": \"en\"");
    }
}
