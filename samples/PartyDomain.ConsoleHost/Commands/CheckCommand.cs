using System.ComponentModel;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using PartyDomain.BasicSystems;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Dues;
using PartyDomain.Organization;
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

        /// <summary>Only this organization and those below it.</summary>
        [CommandOption("--org|--branch <ID>")]
        [Description("只看该组织及其下属组织（含其党员、覆盖的律所）/ only this organization and those below it (their members and firms)")]
        public string? Organization { get; init; }

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
            OrganizationId? root = null;
            if (settings.Organization is { } id)
            {
                root = new OrganizationId(id);
                if (!dataset.TryGetOrganization(root.Value, out _))
                {
                    throw new BadInputException(host.T($"--org：没有编号为 {id} 的党组织", $"--org: no organization has the id {id}"));
                }
            }

            // The three engines only read the dataset: run side by side. GetResult rethrows a failure as it was thrown
            // (a plugin rule's failure keeps its exit code).
            var structureTask = Task.Run(() => checker.Check(dataset, asOf));
            var duesTask = Task.Run(() => duesEvaluator.Evaluate(dataset, period));
            var compliance = evaluator.Evaluate(dataset, period, root);
            var misses = compliance.Misses();
            var structure = structureTask.GetAwaiter().GetResult().Findings;
            var dues = duesTask.GetAwaiter().GetResult().Findings;
            if (root is { } r)
            {
                var scope = new FindingScope(dataset, r, asOf);
                structure = [.. structure.Where(scope.Contains)];
                dues = [.. dues.Where(scope.Contains)];
            }

            return (structure, compliance, misses, dues);
        });

        if (settings.ForScripts)
        {
            var rows = structure.Select(f => (f, (string?)null)).Concat(misses.Select(m => (m.Finding, (string?)m.Slot.ToString())))
                .Concat(compliance.MemberFindings.Select(f => (f, (string?)null))).Concat(dues.Select(f => (f, (string?)null))).ToList();
            Console.Profile.Out.Writer.Write(settings.Format == "csv" ? FindingsCsv(host, rows) : FindingsJson(host, rows));
            return Exit(host, settings, [.. rows.Select(r => r.Item1)], quiet: true);
        }

        Heading(host, host.T($"组织结构（截至 {asOf:yyyy-MM-dd}）与六项基本制度（{year} 年）", $"Structure (as of {asOf:yyyy-MM-dd}) and the six basic systems ({year})"));

        Console.MarkupLine($"[bold]{Markup.Escape(host.T("组织结构", "Structure"))}[/]");
        Findings(host, structure, settings.Top);

        Console.MarkupLine($"[bold]{Markup.Escape(host.T("六项基本制度达标率", "Six basic systems: compliance"))}[/]");
        var rates = Table(host.T("制度", "System"), host.T("达标", "Met"), host.T("未达标", "Missed"), host.T("待定", "Pending"), host.T("达标率", "Rate"));
        foreach (var rate in compliance.RateBySystem().Append(compliance.Overall()))
        {
            Row(rates, host.T(rate.Name), Count(rate.Met), Count(rate.Missed), Count(rate.Pending), Percent(rate.Rate));
        }

        Console.Write(rates);

        if (misses.Count > 0)
        {
            var byRule = Unbroken(Table(host.T("规则", "Rule"), host.T("要求", "Requirement"), host.T("未达标次数", "Misses"), host.T("依据", "Source")), 0);
            foreach (var group in misses.GroupBy(m => m.Finding.RuleId).OrderByDescending(g => g.Count()))
            {
                var first = group.First().Finding;
                Row(byRule, first.RuleId.ToString(), host.T(first.RuleTitle), Count(group.Count()), first.Citation.ToString());
            }

            Console.Write(byRule);
        }

        Console.MarkupLine($"[bold]{Markup.Escape(host.T("党员参加组织生活与党费", "Members: organizational life and dues"))}[/]");
        Findings(host, compliance.MemberFindings.Concat(dues).ToList(), settings.Top);

        var all = structure.Concat(misses.Select(m => m.Finding)).Concat(compliance.MemberFindings).Concat(dues).ToList();
        Console.MarkupLine(Markup.Escape(host.T(
            $"合计：违规 {Count(all, FindingSeverity.Violation)}，警告 {Count(all, FindingSeverity.Warning)}，提醒 {Count(all, FindingSeverity.Reminder)}。",
            $"In all: {Count(all, FindingSeverity.Violation)} violations, {Count(all, FindingSeverity.Warning)} warnings, {Count(all, FindingSeverity.Reminder)} reminders.")));
        return Exit(host, settings, all, quiet: false);
    }

    private int Exit(HostContext host, Settings settings, IReadOnlyList<Finding> all, bool quiet)
    {

        FindingSeverity? threshold = settings.FailOn switch
        {
            FailOn.Error => FindingSeverity.Violation,
            FailOn.Warning => FindingSeverity.Warning,
            _ => null,
        };
        if (threshold is { } t && all.Any(f => f.Severity >= t))
        {
            if (quiet)
            {
                // Scripts read the exit code; nothing but the data goes to the output.
                return ExitCodes.FindingsAboveThreshold;
            }

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

        var table = Unbroken(Table(host.T("级别", "Severity"), host.T("规则", "Rule"), host.T("对象", "Subject"), host.T("应当", "Expected"), host.T("实际", "Found"), host.T("依据", "Source")), 0, 1);
        foreach (var f in findings.OrderByDescending(f => f.Severity).ThenBy(f => f.RuleId.ToString(), StringComparer.Ordinal).Take(top))
        {
            table.AddRow(SeverityCell(host, f.Severity), new Text(f.RuleId.ToString()), new Text(f.Subject.ToString()), new Text(host.T(f.Expected)), new Text(host.T(f.Found)), new Text(f.Citation.ToString()));
        }

        Console.Write(table);
        if (findings.Count > top)
        {
            Console.MarkupLine($"[grey]{Markup.Escape(host.T($"……另有 {findings.Count - top} 条（--top 调整）", $"… and {findings.Count - top} more (see --top)"))}[/]");
        }
    }

    private static string FindingsCsv(HostContext host, IEnumerable<(Finding Finding, string? Slot)> rows) => Output.Csv.Of(
        ["severity", "rule", "subject_kind", "subject_id", "subject", "slot", "as_of", "expected", "found", "source"],
        rows.Select(r => (IReadOnlyList<string?>)
        [
            r.Finding.Severity.ToString(), r.Finding.RuleId.ToString(), r.Finding.Subject.Kind.ToString(), r.Finding.Subject.Id, r.Finding.Subject.Name, r.Slot,
            r.Finding.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), host.T(r.Finding.Expected), host.T(r.Finding.Found), r.Finding.Citation.ToString(),
        ]));

    private static string FindingsJson(HostContext host, IEnumerable<(Finding Finding, string? Slot)> rows)
    {
        var array = new System.Text.Json.Nodes.JsonArray();
        foreach (var (f, slot) in rows)
        {
            array.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["severity"] = f.Severity.ToString(),
                ["rule"] = f.RuleId.ToString(),
                ["subject"] = new System.Text.Json.Nodes.JsonObject { ["kind"] = f.Subject.Kind.ToString(), ["id"] = f.Subject.Id, ["name"] = f.Subject.Name },
                ["slot"] = slot,
                ["asOf"] = f.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["expected"] = host.T(f.Expected),
                ["found"] = host.T(f.Found),
                ["source"] = f.Citation.ToString(),
            });
        }

        return Output.Json.Of(array);
    }

    /// <summary>Whether a finding is about an organization of the subtree, a firm one of them covers, or a person registered in one.</summary>
    private sealed class FindingScope(Data.CityDataset dataset, OrganizationId root, LocalDate asOf)
    {
        private readonly HashSet<string> _organizations = [.. dataset.SubtreeOf(root, asOf).Select(o => o.Id.Value)];

        public bool Contains(Finding finding) => finding.Subject.Kind switch
        {
            SubjectKind.Organization => _organizations.Contains(finding.Subject.Id),
            SubjectKind.Firm => dataset.OrganizationsCovering(new FirmId(finding.Subject.Id), finding.AsOf).Any(o => _organizations.Contains(o.Id.Value)),
            SubjectKind.Person => dataset.RegistrationOf(new PersonId(finding.Subject.Id), finding.AsOf) is { } r && _organizations.Contains(r.OrganizationId.Value),
            _ => false,
        };
    }

    private static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Count(IEnumerable<Finding> findings, FindingSeverity severity) => Count(findings.Count(f => f.Severity == severity));
}
