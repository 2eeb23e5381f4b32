using System.Text.Json;
using Microsoft.Extensions.Options;
using PartyDomain.Extensibility;
using PartyDomain.Extensibility.Plugins;
using PartyDomain.Reporting;
using PartyDomain.Extensibility.Roster;

namespace PartyDomain.Tests.Reporting;

/// <summary>Reports name the plugins that shaped them, with version and what each registered: 附：加载的插件 (counted by kind) and JSON <c>plugins</c> (each by id).</summary>
public sealed class PluginsInReportTests
{
    private static readonly PluginRoster Roster = new(
        [
            new LoadedPlugin("xuexi-qiangguo", "1.0.0", new("学习强国学习积分", "Xuexi Qiangguo study points"))
            {
                Contributions = [new(PluginContributionKind.StudyCreditConverter, "xuexi-qiangguo"), new(PluginContributionKind.DatasetContributor, "xuexi-points")],
            },
            new LoadedPlugin("xinyang", "1.2.0", new("信阳市律师行业党建", "Xinyang"))
            {
                Contributions =
                [
                    new(PluginContributionKind.Rule, "XY-REGISTRATION-IN-FIRM-BRANCH"), new(PluginContributionKind.Indicator, "xy-a"),
                    new(PluginContributionKind.Indicator, "xy-b"), new(PluginContributionKind.ReportSection, "xinyang-work"),
                ],
            },
        ],
        [new NotLoadedPlugin("stale", new("旧", "old"))]);

    private static AnnualSummary Summarize(PluginRoster roster, TextLanguage language = TextLanguage.Chinese)
    {
        var city = new TestCity().Firm("A").BranchOf("B", "A").Members("M", full: 3, registeredAt: "B", employedAt: "A");
        var engines = PartyDomainEngines.Create(city.Clock);
        var builder = new AnnualSummaryBuilder(engines.Structure, engines.Compliance, engines.Training, engines.Admissions, engines.Dues, engines.Governance,
            BuiltInReportSections.Create(), ReportTemplates.CreateDefault(), engines.Get<ZonedClock>(), engines.Get<IOptions<PartyDomainOptions>>()) { Plugins = roster };
        return builder.Build(city.Build(), 2024, language);
    }

    private static string Render(IReportRenderer renderer, AnnualSummary summary)
    {
        using var stream = new MemoryStream();
        renderer.Render(summary, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void The_last_appendix_lists_each_loaded_plugin_with_its_version_and_what_it_registered()
    {
        var summary = Summarize(Roster);

        summary.Plugins.Select(p => p.ToString()).Should().Equal("xuexi-qiangguo 1.0.0", "xinyang 1.2.0");
        var section = summary.Sections[^1];
        section.Id.Should().Be(BuiltInReportSections.Plugins);
        section.Title.Should().Be("附：加载的插件");
        section.Blocks.Should().ContainSingle().Which.Should().BeOfType<ReportList>().Which.Items.Should().Equal(
            "xuexi-qiangguo 1.0.0（学习强国学习积分）：学习积分折算1项、平台接入1项",
            "xinyang 1.2.0（信阳市律师行业党建）：规则1项、指标2项、报告章节1项");
        Render(new MarkdownReportRenderer(), summary).Should().Contain("附：加载的插件").And.Contain("xinyang 1.2.0（信阳市律师行业党建）");
        Render(new HtmlReportRenderer(), summary).Should().Contain("附：加载的插件").And.Contain("xuexi-qiangguo 1.0.0");

        var english = Summarize(Roster, TextLanguage.English).Sections[^1];
        english.Title.Should().Be("Appendix: the plugins loaded");
        ((ReportList)english.Blocks[0]).Items[1].Should().Be("xinyang 1.2.0 (Xinyang): rules: 1; indicators: 2; report sections: 1");
        Render(new MarkdownReportRenderer(), summary).Should().NotContain("XY-REGISTRATION", "the document names no rule id; the JSON lists each by id");
    }

    [Fact]
    public void The_json_report_names_the_plugins_with_their_contributions()
    {
        using var json = JsonDocument.Parse(Render(new JsonReportRenderer(), Summarize(Roster)));

        var plugins = json.RootElement.GetProperty("plugins");
        plugins.EnumerateArray().Select(p => $"{p.GetProperty("id").GetString()} {p.GetProperty("version").GetString()}").Should().Equal("xuexi-qiangguo 1.0.0", "xinyang 1.2.0");
        plugins[1].GetProperty("name").GetString().Should().Be("信阳市律师行业党建");
        plugins[0].GetProperty("contributions").EnumerateArray().Select(c => $"{c.GetProperty("kind").GetString()}:{c.GetProperty("id").GetString()}")
            .Should().Equal("studyCreditConverter:xuexi-qiangguo", "datasetContributor:xuexi-points");
    }

    [Fact]
    public void Without_plugins_there_is_no_plugin_appendix_and_the_json_list_is_empty()
    {
        var summary = Summarize(PluginRoster.None);

        summary.Sections.Select(s => s.Id).Should().NotContain(BuiltInReportSections.Plugins);
        Render(new MarkdownReportRenderer(), summary).Should().NotContain("加载的插件");
        using var json = JsonDocument.Parse(Render(new JsonReportRenderer(), summary));
        json.RootElement.GetProperty("plugins").GetArrayLength().Should().Be(0);
    }
}
