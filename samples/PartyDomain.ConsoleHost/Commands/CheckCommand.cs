using System.ComponentModel;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using PartyDomain.BasicSystems;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Dues;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;
using PartyDomain.Time;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary>
/// <c>check</c>: the organization structure as of a day and the six basic systems over a year (including dues), with
/// every finding's rule and source; <c>--fail-on</c> turns findings into a non-zero exit code for scripts.
/// </summary>
public sealed class CheckCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<CheckCommand.Settings>(console, environment)
{
    /// <summary>The severity from which <c>check</c> fails.</summary>
    public enum FailOn
    {
        /// <summary>Never: report only.</summary>
        None,

        /// <summary>Warnings and violations.</summary>
        Warning,

        /// <summary>Violations.</summary>
        Error,
    }

    /// <summary>The options of <c>check</c>.</summary>
    public sealed class Settings : YearSettings
    {
        /// <summary>The day the structure is checked on.</summary>
        [CommandOption("--as-of <DATE>")]
        [Description("结构检查日期 yyyy-MM-dd（默认年度最后一天）/ day the structure is checked on (default: the year's last day)")]
        public string? AsOf { get; init; }

        /// <summary>The severity from which the exit code is non-zero.</summary>
        [CommandOption("--fail-on <SEVERITY>")]
        [Description("none|warning|error：存在该级别及以上问题时以退出码 4 结束 / exit with code 4 on findings at or above this severity")]
        [DefaultValue(FailOn.None)]
        public FailOn FailOn { get; init; } = FailOn.None;

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            AsOf is not null && !LocalDatePattern.Iso.Parse(AsOf).Success
                ? ValidationResult.Error($"--as-of: '{AsOf}' is not a date yyyy-MM-dd / 不是 yyyy-MM-dd 格式的日期")
                : base.Validate();
    }

    /// <inheritdoc/>
    protected override int Run(HostContext host, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        var year = settings.Year ?? host.DefaultYear;
        var period = ReportingPeriod.Year(year);
        var asOf = settings.AsOf is { } a ? LocalDatePattern.Iso.Parse(a).Value : LocalDate.Min(period.End, host.Today);
        var (structure, compliance, misses, dues) = Step(host.T("检查组织结构与六项基本制度", "Checking structure and the six basic systems"), () =>
        {
            var dataset = host.LoadDataset();
            var (checker, evaluator, duesEvaluator) = (host.Get<StructureChecker>(), host.Get<ComplianceEvaluator>(), host.Get<DuesEvaluator>());

            // The three engines only read the dataset: run side by side. GetResult rethrows a failure as it was thrown
            // (a plugin rule's failure keeps its exit code).
            var structureTask = Task.Run(() => checker.Check(dataset, asOf));
            var duesTask = Task.Run(() => duesEvaluator.Evaluate(dataset, period));
            var compliance = evaluator.Evaluate(dataset, period);
            var misses = compliance.Misses();
            return (structureTask.GetAwaiter().GetResult(), compliance, misses, duesTask.GetAwaiter().GetResult());
        });

        Heading(host, host.T($"组织结构（截至 {asOf:yyyy-MM-dd}）与六项基本制度（{year} 年）", $"Structure (as of {asOf:yyyy-MM-dd}) and the six basic systems ({year})"));

        Console.MarkupLine($"[bold]{Markup.Escape(host.T("组织结构", "Structure"))}[/]");
        Findings(host, structure.Findings, settings.Top);

        Console.MarkupLine($"[bold]{Markup.Escape(host.T("六项基本制度达标率", "Six basic systems: compliance"))}[/]");
        var rates = Table(host.T("制度", "System"), host.T("达标", "Met"), host.T("未达标", "Missed"), host.T("待定", "Pending"), host.T("达标率", "Rate"));
        foreach (var rate in compliance.RateBySystem().Append(compliance.Overall()))
        {
            Row(rates, host.T(rate.Name), Count(rate.Met), Count(rate.Missed), Count(rate.Pending), Percent(rate.Rate));
        }

        Console.Write(rates);

        if (misses.Count > 0)
        {
            var byRule = Table(host.T("规则", "Rule"), host.T("要求", "Requirement"), host.T("未达标次数", "Misses"), host.T("依据", "Source"));
            foreach (var group in misses.GroupBy(m => m.Finding.RuleId).OrderByDescending(g => g.Count()))
            {
                var first = group.First().Finding;
                Row(byRule, first.RuleId.ToString(), host.T(first.RuleTitle), Count(group.Count()), first.Citation.ToString());
            }

            Console.Write(byRule);
        }

        Console.MarkupLine($"[bold]{Markup.Escape(host.T("党员参加组织生活与党费", "Members: organizational life and dues"))}[/]");
        Findings(host, compliance.MemberFindings.Concat(dues.Findings).ToList(), settings.Top);

        var all = structure.Findings.Concat(misses.Select(m => m.Finding)).Concat(compliance.MemberFindings).Concat(dues.Findings).ToList();
        Console.MarkupLine(Markup.Escape(host.T(
            $"合计：违规 {Count(all, FindingSeverity.Violation)}，警告 {Count(all, FindingSeverity.Warning)}，提醒 {Count(all, FindingSeverity.Reminder)}。",
            $"In all: {Count(all, FindingSeverity.Violation)} violations, {Count(all, FindingSeverity.Warning)} warnings, {Count(all, FindingSeverity.Reminder)} reminders.")));

        FindingSeverity? threshold = settings.FailOn switch
        {
            FailOn.Error => FindingSeverity.Violation,
            FailOn.Warning => FindingSeverity.Warning,
            _ => null,
        };
        if (threshold is { } t && all.Any(f => f.Severity >= t))
        {
            Console.MarkupLine($"[red]{Markup.Escape(host.T($"存在 {Severity(host, t)} 及以上级别的问题（--fail-on {settings.FailOn.ToString().ToLowerInvariant()}）。", $"Findings at or above {Severity(host, t)} (--fail-on {settings.FailOn.ToString().ToLowerInvariant()})."))}[/]");
            return ExitCodes.FindingsAboveThreshold;
        }

        return ExitCodes.Success;
    }

    private void Findings(HostContext host, IReadOnlyList<Finding> findings, int top)
    {
        if (findings.Count == 0)
        {
            Console.MarkupLine(Markup.Escape(host.T("✓ 未发现问题。", "✓ No findings.")));
            return;
        }

        var table = Table(host.T("级别", "Severity"), host.T("规则", "Rule"), host.T("对象", "Subject"), host.T("应当", "Expected"), host.T("实际", "Found"), host.T("依据", "Source"));
        foreach (var f in findings.OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId.ToString(), StringComparer.Ordinal).Take(top))
        {
            Row(table, Severity(host, f.Severity), f.RuleId.ToString(), f.Subject.ToString(), host.T(f.Expected), host.T(f.Found), f.Citation.ToString());
        }

        Console.Write(table);
        if (findings.Count > top)
        {
            Console.MarkupLine($"[grey]{Markup.Escape(host.T($"……另有 {findings.Count - top} 条（--top 调整）", $"… and {findings.Count - top} more (see --top)"))}[/]");
        }
    }

    private static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Count(IEnumerable<Finding> findings, FindingSeverity severity) => Count(findings.Count(f => f.Severity == severity));
}
