using System.ComponentModel;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Reporting;
using PartyDomain.Time;
using Spectre.Console;
using Spectre.Console.Cli;
using PartyDomain.BasicSystems;
using PartyDomain.Dues;
using PartyDomain.Governance;
using PartyDomain.Metrics;
using PartyDomain.Training;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary>
/// <c>report</c>: the annual summary of a year, written in every requested format (Markdown, HTML with charts, Word,
/// JSON), then where the files are and the headline figures.
/// </summary>
public sealed class ReportCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<ReportCommand.Settings>(console, environment)
{
    /// <summary>The figures printed after the files: the ones a bureau's summary opens with.</summary>
    private static readonly string[] Headline = ["F2", "F3", "F4", "F6", "F26", "F5", "F9", "F12", "F16", "F17", "F18"];

    /// <summary>The summary's share of the report's time, as measured at national scale; the files take the rest.</summary>
    private const double SummaryShare = 0.6;

    /// <summary>The options of <c>report</c>.</summary>
    public sealed class Settings : HostSettings
    {
        /// <summary>The year.</summary>
        [CommandOption("--year <YEAR>")]
        [Description("报告年度（默认上一完整年度）/ the year (default: the last complete year)")]
        public int? Year { get; init; }

        /// <summary>The formats.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("md|html|docx|json，可重复（默认全部）/ output format, repeatable (default: all)")]
        public string[] Formats { get; init; } = [];

        /// <summary>The folder the files go to.</summary>
        [CommandOption("--out <DIR>")]
        [Description("输出目录（默认当前目录下的 reports）/ output folder (default: reports in the current folder)")]
        [DefaultValue("reports")]
        public string Out { get; init; } = "reports";

        /// <summary>Whether a year that has not ended, or has no data, may be reported on (its figures marked partial).</summary>
        [CommandOption("--allow-partial-year")]
        [Description("允许为未结束或无数据的年度生成报告（数字标注为不完整）/ report on a year that has not ended or has no data (figures marked partial)")]
        public bool AllowPartialYear { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            Year is < 1949 or > 9999 ? ValidationResult.Error($"--year: {Year} is not a year / 不是有效年份") : base.Validate();
    }

    /// <inheritdoc/>
    protected override int Run(HostContext host, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        var year = settings.Year ?? host.DefaultYear;
        var renderers = host.Get<IEnumerable<IReportRenderer>>().ToList();
        List<IReportRenderer?> chosen = settings.Formats.Length == 0
            ? [.. renderers]
            : settings.Formats.Select(f => renderers.FirstOrDefault(r => string.Equals(r.Format, f.Trim().TrimStart('.'), StringComparison.OrdinalIgnoreCase))).ToList();
        if (chosen.Any(r => r is null))
        {
            var unknown = settings.Formats.Where(f => !renderers.Any(r => string.Equals(r.Format, f.Trim().TrimStart('.'), StringComparison.OrdinalIgnoreCase)));
            throw new BadInputException(host.T("--format：不支持的格式", "--format: unsupported format"),
                [.. unknown, host.T("可用格式：", "Available: ") + string.Join(", ", renderers.Select(r => r.Format))]);
        }

        var folder = Path.GetFullPath(settings.Out);
        var dataset = Step(host, host.T("读取数据", "Loading the data"), host.LoadDataset);
        var period = ReportingPeriod.Year(year);
        var ended = period.End < dataset.Today;
        var hasData = dataset.Activities.Any(a => period.Contains(a.Date)) || dataset.Services.Any(r => period.Contains(r.Date))
            || dataset.TrainingSessions.Any(t => period.Contains(t.Start)) || dataset.DuesPayments.Any(p => p.Month.Year == year) || dataset.MajorMatters.Any(m => m.Opened is { } d && period.Contains(d));
        if ((!ended || !hasData) && !settings.AllowPartialYear)
        {
            var today = $"{dataset.Today:uuuu-MM-dd}";
            throw new BadInputException(
                !ended
                    ? host.T($"{year}年尚未结束（数据截至{today}），不能生成年度总结", $"{year} has not ended (the data holds until {today}): no annual summary")
                    : host.T($"数据中没有{year}年的记录（组织生活、服务、培训、党费、重大事项均无），不能生成年度总结", $"The data holds no record of {year} (no organizational life, services, training, dues or major matters): no annual summary"),
                [host.T($"最近一个完整年度是{dataset.Today.Year - 1}年：--year {dataset.Today.Year - 1}", $"The last complete year is {dataset.Today.Year - 1}: --year {dataset.Today.Year - 1}"),
                 host.T("确需生成不完整的报告，加 --allow-partial-year（数字标注为不完整）", "To report anyway, add --allow-partial-year (the figures are marked partial)")]);
        }

        var (summary, files) = Step(host, host.T($"生成 {year} 年度报告", $"Building the {year} annual report"), progress =>
        {
            // Two stages: the summary (every engine; 60 % of the time at national scale), then the files.
            progress?.Report(new WorkProgress(0, new("汇总指标与问题", "computing the figures and findings")));
            var summary = host.Get<AnnualSummaryBuilder>().Build(dataset, year, host.Language);
            Directory.CreateDirectory(folder);

            // The renderers only read the finished summary, so the files are written side by side; renderers that share
            // a file (a plugin's own "html", say) still write it one after another, and each task's own exception is
            // rethrown in the renderers' order, as if they had all run one after another.
            var renderers = chosen.OfType<IReportRenderer>().Distinct().ToList();
            var rendered = 0;
            progress?.Report(new WorkProgress(SummaryShare, Written(0, renderers.Count)));
            var writing = renderers
                .GroupBy(renderer => Path.Combine(folder, $"annual-report-{summary.City.Id}-{year}{renderer.FileExtension}"))
                .Select(file => Task.Run(() => file.Select(renderer =>
                {
                    using (var stream = File.Create(file.Key))
                    {
                        renderer.Render(summary, stream);
                    }

                    if (progress is not null)
                    {
                        var done = Interlocked.Increment(ref rendered);
                        progress.Report(new WorkProgress(SummaryShare + ((1 - SummaryShare) * done / renderers.Count), Written(done, renderers.Count)));
                    }

                    return (renderer.Format, Path: file.Key);
                }).ToList())).ToList();
            return (summary, writing.SelectMany(task => task.GetAwaiter().GetResult()).ToList());
        });

        Heading(host, summary.Title);
        var written = Table(host.T("格式", "Format"), host.T("文件", "File"));
        foreach (var (format, path) in files)
        {
            Row(written, format, path);
        }

        Console.Write(written);

        var figures = Table(host.T("指标", "Figure"), host.T("名称", "Name"), host.T("数值", "Value"));
        foreach (var figure in Headline.Select(id => summary.Figures.FirstOrDefault(f => f.Id == id)).OfType<ReportFigure>())
        {
            Row(figures, figure.Id, host.T(figure.Name), figure.Format(host.Language));
        }

        Console.Write(figures);
        Console.MarkupLine(Markup.Escape(host.T(
            $"共 {summary.Figures.Count} 项指标、{summary.Findings.Count} 条问题（见问题清单），详见报告文件。",
            $"{summary.Figures.Count} figures and {summary.Findings.Count} findings in all (see the problem list): see the report files.")));
        if (summary.PartialYear || !hasData)
        {
            Console.MarkupLine("[yellow]" + Markup.Escape(host.T($"注意：{year}年度数据不完整，报告中的数字已标注。", $"Note: {year} is incomplete; the report marks its figures.")) + "[/]");
        }

        if (summary.FailedSections.Count > 0)
        {
            foreach (var failure in summary.FailedSections)
            {
                Console.MarkupLine("[red]" + Markup.Escape(host.T($"报告部分“{failure.SectionId}”生成失败：{failure.Reason}（其余部分已写出）", $"Report section '{failure.SectionId}' failed: {failure.Reason} (the rest was written)")) + "[/]");
            }

            return ExitCodes.PartialFailure;
        }

        return ExitCodes.Success;
    }

    private static LocalizedText Written(int done, int count) => new($"写出报告文件（{done}/{count}）", $"writing the report files ({done}/{count})");
}
