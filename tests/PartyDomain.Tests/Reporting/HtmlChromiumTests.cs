using System.Diagnostics;
using System.Text;
using PartyDomain.Reporting;

namespace PartyDomain.Tests.Reporting;

/// <summary>
/// Opens the HTML report in real headless Chromium (Debian's <c>chromium</c>, which <c>.ci/chromium.sh</c> installs when missing; set
/// <c>PARTYDOMAIN_CHROMIUM</c> to use another binary): the page renders without script errors, every chart is there,
/// and printing it to PDF gives a non-empty PDF.
/// </summary>
public sealed class HtmlChromiumTests : IDisposable
{
    private static readonly string[] ChartIds = ["compliance-by-system", "compliance-by-branch", "services-by-month"];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("partydomain-html-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static readonly Lazy<string> ChromiumPath = new(() => PartyDomain.Tests.Shared.CiTool.Find("PARTYDOMAIN_CHROMIUM", "chromium.sh", "Headless Chromium"));

    private static string Chromium() => ChromiumPath.Value;

    private (string Stdout, string Stderr) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Chromium())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={Path.Combine(_dir.FullName, "profile")}", "--enable-logging=stderr", "--v=0" }.Concat(arguments))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung browser, not a speed check.
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within three minutes.");
        }

        return (stdout.Result, stderr.Result);
    }

    private string WritePage()
    {
        var path = Path.Combine(_dir.FullName, "report.html");
        using (var file = File.Create(path))
        {
            new HtmlReportRenderer().Render(ReportTestCity.Summarize(), file);
        }

        // To look at the page: PARTYDOMAIN_KEEP_REPORT=/some/dir dotnet test --filter HtmlChromium
        if (Environment.GetEnvironmentVariable("PARTYDOMAIN_KEEP_REPORT") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            File.Copy(path, Path.Combine(keep, "report.html"), overwrite: true);
        }

        return path;
    }

    [Fact]
    public void The_page_renders_in_headless_chromium_without_script_errors_and_with_every_chart()
    {
        var page = WritePage();

        var (dom, log) = Run("--virtual-time-budget=5000", "--dump-dom", new Uri(page).AbsoluteUri);

        var root = System.Text.RegularExpressions.Regex.Match(dom, "<html[^>]*>").Value;
        root.Should().Contain("data-rendered=\"ok\"", "the closing script ran");
        root.Should().NotContain("data-report-errors", "no script error was raised");
        log.Should().NotContain("Uncaught");
        root.Should().Contain($"data-charts=\"{ChartIds.Length}\"");
        foreach (var id in ChartIds)
        {
            dom.Should().Contain($"id=\"chart-{id}\"").And.Contain($"data-chart=\"{id}\"");
        }

        dom.Should().Contain("六项基本制度落实率").And.Contain("数据未录入");
    }

    [Fact]
    public void The_page_prints_to_a_non_empty_pdf()
    {
        var page = WritePage();
        var pdf = Path.Combine(_dir.FullName, "report.pdf");

        Run("--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri);

        File.Exists(pdf).Should().BeTrue();
        var bytes = File.ReadAllBytes(pdf);
        bytes.Length.Should().BeGreaterThan(10_000);
        Encoding.ASCII.GetString(bytes, 0, 5).Should().Be("%PDF-");
        System.Text.RegularExpressions.Regex.IsMatch(Encoding.ASCII.GetString(bytes), @"/MediaBox \[0 0 59[45](\.\d+)? 84[12]").Should().BeTrue("the page is A4, 595 × 842 points");
    }

    /// <summary>A screenshot of <paramref name="text"/> set large in the report's own style sheet.</summary>
    private byte[] Screenshot(string css, string text, string name)
    {
        var page = Path.Combine(_dir.FullName, name + ".html");
        File.WriteAllText(page, $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>{css} p {{ font-size: 48px; text-indent: 0; margin: 10px; }}</style></head><body><p>{System.Net.WebUtility.HtmlEncode(text)}</p></body></html>", Encoding.UTF8);
        var png = Path.Combine(_dir.FullName, name + ".png");
        Run("--window-size=900,120", "--hide-scrollbars", $"--screenshot={png}", new Uri(page).AbsoluteUri);
        File.Exists(png).Should().BeTrue($"Chromium wrote {png}");
        return File.ReadAllBytes(png);
    }

    [Fact]
    public void Chinese_text_renders_as_glyphs_not_as_boxes_in_the_report_s_font_stack()
    {
        var html = File.ReadAllText(WritePage(), Encoding.UTF8);
        var css = System.Text.RegularExpressions.Regex.Match(html, "<style>(?<css>.*?)</style>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups["css"].Value;
        css.Should().Contain("\"Noto Serif CJK SC\"").And.Contain("\"Noto Sans CJK SC\"", "the font stack names the CJK fonts Linux has (fonts-noto-cjk)");

        // Private-use characters have a glyph in no font: they draw as the missing-glyph box. Chinese text that draws the
        // same as as many of them is boxes too; and two different phrases must not draw alike.
        var chinese = Screenshot(css, "信阳市律师行业党建", "cjk");
        var boxes = Screenshot(css, string.Concat(Enumerable.Range(0xE000, 9).Select(c => (char)c)), "boxes");
        var other = Screenshot(css, "六项基本制度落实率", "other");

        chinese.Should().NotEqual(boxes, "Chinese text renders as glyphs, not as missing-glyph boxes (install fonts-noto-cjk)");
        chinese.Should().NotEqual(other, "two different phrases do not draw the same (as boxes would)");
    }
}
