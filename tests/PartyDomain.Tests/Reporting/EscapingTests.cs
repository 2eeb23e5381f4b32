using Microsoft.Extensions.DependencyInjection;
using PartyDomain.BasicSystems;
using PartyDomain.Organization;
using PartyDomain.Reporting;

namespace PartyDomain.Tests.Reporting;

/// <summary>Names with markup in them print as text in every renderer: never as HTML, a script, emphasis or a link.</summary>
public class EscapingTests
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>**粗**_斜_[链接](http://x.example)`代码`|#";

    private static AnnualSummary Summary()
    {
        var city = new TestCity(new LocalDate(2026, 1, 15)).Firm("A")
            .Organization("BA", OrganizationKind.Branch, TestCity.Committee, name: Hostile).Cover("BA", "A")
            .FullMember("A1").Employ("A1", "A").Register("A1", "BA")
            .Activity("BA", ActivityKind.GeneralMeeting, new LocalDate(2025, 2, 10), "A1");
        using var provider = ReportTestCity.Provider(city);
        return provider.GetRequiredService<AnnualSummaryBuilder>().Build(city.Build(), 2025);
    }

    private static string Render(IReportRenderer renderer, AnnualSummary summary)
    {
        using var stream = new MemoryStream();
        renderer.Render(summary, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Html_encodes_a_hostile_branch_name_everywhere_it_appears()
    {
        var summary = Summary();
        summary.Chart("compliance-by-branch")!.Categories.Should().Contain(c => c.Chinese == Hostile, "the name reaches the renderers as it is");

        var html = Render(new HtmlReportRenderer(), summary);

        html.Should().NotContain("<script>alert").And.NotContain("<img src=x").And.NotContain("onerror=alert(2)>");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public void Markdown_backslash_escapes_markup_so_the_name_prints_as_it_is()
    {
        var md = Render(new MarkdownReportRenderer(), Summary());

        md.Should().NotContain("<script>").And.NotContain("**粗**").And.NotContain("[链接](");
        md.Should().Contain(@"\<script\>alert(1)\</script\>\<img src=x onerror=alert(2)\>\*\*粗\*\*\_斜\_\[链接\](http://x.example)\`代码\`\|\#");
    }
}
