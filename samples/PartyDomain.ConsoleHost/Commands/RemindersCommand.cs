using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Development;
using PartyDomain.Organization.Structure;
using PartyDomain.Rules;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary>
/// <c>reminders</c>: what falls due within the horizon and is not done yet: organizational life of the current slots,
/// committee terms ending, and the next step of every open admission case (overdue ones first).
/// </summary>
public sealed class RemindersCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<RemindersCommand.Settings>(console, environment)
{
    /// <summary>The options of <c>reminders</c>.</summary>
    public sealed class Settings : HostSettings
    {
        /// <summary>How many days ahead to look.</summary>
        [CommandOption("--horizon <DAYS>")]
        [Description("提前提醒的天数（默认 PartyDomain:Compliance:ReminderHorizonDays）/ days ahead to look")]
        public int? Horizon { get; init; }

        /// <summary>How many rows to print.</summary>
        [CommandOption("--top <N>")]
        [Description("最多列出的行数 / most rows to list")]
        [DefaultValue(30)]
        public int Top { get; init; } = 30;

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            Horizon is < 0 || Top < 0 ? ValidationResult.Error("--horizon and --top cannot be negative / 不能为负数") : base.Validate();

        internal override IEnumerable<KeyValuePair<string, string?>> Overrides()
        {
            foreach (var pair in base.Overrides())
            {
                yield return pair;
            }

            if (Horizon is { } days)
            {
                yield return new("PartyDomain:Compliance:ReminderHorizonDays", days.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private sealed record Item(LocalDate Due, string Subject, string What, string Expected, string Found, string Source);

    /// <inheritdoc/>
    protected override int Run(HostContext host, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        var horizon = host.Get<IOptions<ComplianceOptions>>().Value.ReminderHorizonDays;
        var until = host.Today.PlusDays(horizon);
        var items = Step(host.T("查找即将到期的事项", "Looking for what falls due"), () =>
        {
            var dataset = host.LoadDataset();
            var found = new List<Item>();
            foreach (var r in host.Get<ComplianceEvaluator>().Reminders(dataset))
            {
                found.Add(new(r.Due, $"{r.Organization.Name} ({r.Organization.Id})", host.T(r.RuleTitle), host.T(r.Expected), host.T(r.Found), r.Citation.ToString()));
            }

            // Committee terms ending: the structure rules raise them as reminders as of today.
            foreach (var f in host.Get<StructureChecker>().Check(dataset, host.Today).Findings.Where(f => f.Severity == FindingSeverity.Reminder))
            {
                found.Add(new(host.Today, f.Subject.ToString(), host.T(f.RuleTitle), host.T(f.Expected), host.T(f.Found), f.Citation.ToString()));
            }

            foreach (var c in host.Get<AdmissionPipeline>().Evaluate(dataset).Cases)
            {
                if (c.Due is { } due && due <= until && c.NextStep is { } next)
                {
                    var person = dataset.GetPerson(c.Case.PersonId);
                    found.Add(new(due, $"{person.Name} ({c.Case.Id})", host.T("发展党员", "Admission"), host.T(next),
                        due < host.Today ? host.T("已逾期", "overdue") : host.T("未办理", "not done yet"), "《中国共产党发展党员工作细则》"));
                }
            }

            return found.OrderBy(i => i.Due).ThenBy(i => i.Subject, StringComparer.Ordinal).ToList();
        });

        Heading(host, host.T($"{horizon} 天内到期的事项（{host.Today:yyyy-MM-dd} 至 {until:yyyy-MM-dd}）", $"Falling due within {horizon} days ({host.Today:yyyy-MM-dd} to {until:yyyy-MM-dd})"));
        if (items.Count == 0)
        {
            Console.MarkupLine(Markup.Escape(host.T("✓ 没有即将到期的事项。", "✓ Nothing falls due.")));
            return ExitCodes.Success;
        }

        var table = Table(host.T("到期", "Due"), host.T("对象", "Who"), host.T("事项", "What"), host.T("应当", "Expected"), host.T("目前", "So far"), host.T("依据", "Source"));
        foreach (var i in items.Take(settings.Top))
        {
            Row(table, i.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Subject, i.What, i.Expected, i.Found, i.Source);
        }

        Console.Write(table);
        Console.MarkupLine(Markup.Escape(host.T($"共 {items.Count} 项。", $"{items.Count} in all.")) + (items.Count > settings.Top
            ? $" [grey]{Markup.Escape(host.T($"（列出前 {settings.Top} 项，--top 调整）", $"(first {settings.Top} listed, see --top)"))}[/]"
            : string.Empty));
        return ExitCodes.Success;
    }
}
