using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PartyDomain.ConsoleHost.Tests;

/// <summary>
/// What people see of the demo city's 2025 summary: the Word file laid out by LibreOffice (which <c>.ci/libreoffice.sh</c>
/// installs with poppler and the Noto CJK fonts when missing; <c>PARTYDOMAIN_SOFFICE</c> names another binary) is at
/// most six pages and holds no XX, rule id or type name; and the guards on the year.
/// </summary>
public sealed partial class ReportDocumentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("partydomain-report-doc-").FullName;

    private static readonly Lazy<string> Soffice = new(() => PartyDomain.Tests.Shared.CiTool.Find("PARTYDOMAIN_SOFFICE", "libreoffice.sh", "LibreOffice (soffice)"));

    [Fact]
    public void The_demo_city_s_word_summary_is_at_most_six_pages_with_no_xx_rule_id_or_type_name()
    {
        var run = HostRun.Of("report", "--year", "2025", "--format", "docx", "--format", "problems.docx", "--format", "problems.xlsx", "--out", _folder);
        run.ExitCode.Should().Be(ExitCodes.Success, run.Output);
        var docx = Path.Combine(_folder, "annual-report-411500-2025.docx");
        File.Exists(Path.Combine(_folder, "annual-report-411500-2025-problems.docx")).Should().BeTrue();
        File.Exists(Path.Combine(_folder, "annual-report-411500-2025-problems.xlsx")).Should().BeTrue();

        Exec(Soffice.Value, "--headless", $"-env:UserInstallation=file://{_folder}/lo-profile", "--convert-to", "pdf", "--outdir", _folder, docx);
        var pdf = Path.ChangeExtension(docx, ".pdf");
        var pages = int.Parse(PagesLine().Match(Exec("pdfinfo", pdf)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var layout = Exec("pdftotext", "-layout", pdf, "-");
        var text = Regex.Replace(layout, @"\s+", string.Empty); // pdftotext spaces digits off Chinese text

        pages.Should().BeInRange(4, 6, "a summary a bureau hands up is four to six pages");
        text.Should().Contain("信阳市律师行业党建工作2025年度总结").And.Contain("—2—", "the pages are numbered");
        text.Should().NotContain("XX").And.NotContain("XY-REG");
        RuleId().Matches(layout).Select(m => m.Value).Should().BeEmpty("no rule id in the summary");
        TypeName().Matches(layout).Select(m => m.Value).Should().BeEmpty("no type name in the summary");
        text.Should().NotContain("2025内").And.NotContain("认定学时2784.5学时").And.NotContain("应当不连续");
    }

    [Fact]
    public void A_year_that_has_not_ended_is_bad_input_unless_a_partial_year_is_allowed_and_then_it_is_marked()
    {
        var refused = HostRun.Of("report", "--year", "2026", "--out", _folder);
        refused.ExitCode.Should().Be(ExitCodes.BadInput, refused.Output);
        refused.Output.Should().Contain("2026年尚未结束").And.Contain("--allow-partial-year");
        Directory.GetFiles(_folder).Should().BeEmpty();

        var future = HostRun.Of("report", "--year", "2030", "--out", _folder);
        future.ExitCode.Should().Be(ExitCodes.BadInput, future.Output);

        var noData = HostRun.Of("report", "--year", "2010", "--out", _folder);
        noData.ExitCode.Should().Be(ExitCodes.BadInput, noData.Output);
        noData.Output.Should().Contain("没有2010年的记录");

        var allowed = HostRun.Of("report", "--year", "2026", "--allow-partial-year", "--format", "md", "--out", _folder);
        allowed.ExitCode.Should().Be(ExitCodes.Success, allowed.Output);
        allowed.Output.Should().Contain("数据不完整");
        File.ReadAllText(Path.Combine(_folder, "annual-report-411500-2026.md")).Should().Contain("（年度未结束，不完整）");
    }

    [Fact]
    public void A_plugin_section_that_throws_is_named_in_the_document_and_the_output_and_the_report_exits_6()
    {
        using var plugins = new PartyDomain.Hosting.Tests.PluginFixtures();
        plugins.AddPlugin("broken-section", """
            using PartyDomain.Extensibility;
            using PartyDomain.Extensibility.Plugins;
            using PartyDomain.Reporting;
            public sealed class BrokenSectionPlugin : IPartyDomainPlugin
            {
                public PluginManifest Manifest { get; } = new() { Id = "broken-section", Version = "1.0.0", DisplayName = new("坏插件", "broken") };

                public void Register(PluginContext context) => context.Builder.AddReportSection(new BrokenSection());
            }

            public sealed class BrokenSection : IReportSection
            {
                public string Id => "broken-section";

                public int Order => 360;

                public ReportSectionContent? Compose(ReportContext context) => throw new System.InvalidOperationException("本市数据接口不可用");
            }
            """);

        var run = HostRun.Of("report", "--year", "2025", "--format", "md", "--out", _folder, "--set", $"PartyDomain:PluginHost:Folders:1={plugins.Root}");

        run.ExitCode.Should().Be(ExitCodes.PartialFailure, run.Output);
        run.Output.Should().Contain("broken-section").And.Contain("本市数据接口不可用").And.Contain("其余部分已写出");
        var md = File.ReadAllText(Path.Combine(_folder, "annual-report-411500-2025.md"));
        md.Should().Contain("本节生成失败：本市数据接口不可用").And.Contain("四、六项基本制度落实情况").And.Contain("信阳市特色工作");
    }

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"\b[A-Z]{2,}(-[A-Z0-9]+)+\b")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"\b[A-Z][a-z]+([A-Z][a-z]+)+\b")]
    private static partial Regex TypeName();

    private static string Exec(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within three minutes.");
        }

        return process.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {error.Result}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
