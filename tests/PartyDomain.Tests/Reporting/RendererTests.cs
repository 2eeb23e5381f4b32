using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyDomain.Reporting;
using PartyDomain.Rules;

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

    [Fact]
    public void Json_findings_written_in_pieces_to_a_forward_only_stream_read_back_exactly_as_the_summary_holds_them()
    {
        var summary = ReportTestCity.Summarize();
        var severities = Enum.GetValues<FindingSeverity>();
        var kinds = Enum.GetValues<SubjectKind>();
        var citations = new[] { new Citation(Regulations.BranchWork, "第十一条", SourceConfidence.Verified), new Citation(Regulations.PartyDues, null, SourceConfidence.Verified) };
        // Thousands of findings make a file many times the writer's flush size; quotes, slashes and line breaks must survive.
        var findings = Enumerable.Range(0, 5000).Select(i => new ReportFinding(i % 3 == 0 ? "dues" : "compliance", new Finding(
            new RuleId($"R-{i % 7}"), new($"规则{i % 7}", $"rule \"{i % 7}\""), citations[i % 2], severities[i % severities.Length],
            new FindingSubject(kinds[i % kinds.Length], $"S{i}", $"主体 {i}/\n"), new NodaTime.LocalDate(2024, 1 + (i % 12), 1 + (i % 28)),
            new($"应当 {i}", $"expected {i}"), new($"实际 {i}", $"found {i}")))).ToArray();
        summary = summary with { Findings = [.. summary.Findings, .. findings] };

        using var output = new ForwardOnlyStream();
        new JsonReportRenderer().Render(summary, output);
        using var json = JsonDocument.Parse(output.Written.ToArray());

        var written = json.RootElement.GetProperty("findings").EnumerateArray().ToArray();
        written.Should().HaveCount(summary.Findings.Count);
        for (var i = 0; i < written.Length; i++)
        {
            var (area, f) = summary.Findings[i];
            var w = written[i];
            string Text(string name) => w.GetProperty(name).GetString()!;
            (Text("area"), Text("rule"), Text("title"), Text("severity"), Text("subjectKind"), Text("subjectId"), Text("subject"))
                .Should().Be((area, f.RuleId.Value, f.RuleTitle.Chinese, f.Severity.ToString().ToLowerInvariant(), f.Subject.Kind.ToString().ToLowerInvariant(), f.Subject.Id, f.Subject.Name), $"finding {i}");
            (Text("asOf"), Text("expected"), Text("found"), Text("citation"))
                .Should().Be((f.AsOf.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture), f.Expected.Chinese, f.Found.Chinese, f.Citation.ToString()), $"finding {i}");
        }
    }

    /// <summary>A stream that can only be written forward, like a network or console stream.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        public MemoryStream Written { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);
    }
}
