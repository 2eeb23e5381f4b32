using System.Globalization;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Time;
using PartyDomain.Training;
using Spectre.Console;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary><c>training</c>: the year's study-hours ledger against the requirements by role, and figures F5, F9 and F12.</summary>
public sealed class TrainingCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<YearSettings>(console, environment)
{
    /// <inheritdoc/>
    protected override int Run(HostContext host, YearSettings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        var year = settings.Year ?? host.DefaultYear;
        var (dataset, result, figures) = Step(host.T("计算学时台账", "Computing the study-hours ledger"), () =>
        {
            var data = host.LoadDataset();
            var evaluator = host.Get<TrainingEvaluator>();
            return (data, evaluator.Evaluate(data, year), evaluator.Figures(data, ReportingPeriod.Year(year)));
        });

        if (settings.ForScripts)
        {
            // The ledger, a row per person, with the requirements each one falls short of.
            var shortOf = result.Findings.Where(f => f.Subject.Kind == Rules.SubjectKind.Person).ToLookup(f => f.Subject.Id, f => f.RuleId.ToString());
            Output.Records.Write(Console.Profile.Out.Writer, settings.Format,
                ["person_id", "name", "year", "member", "cadre", "member_months", "session_hours", "credit_hours", "total_hours", "concentrated_trainings", "short_of"],
                result.Ledger.Select(e => (IReadOnlyList<object?>)
                [
                    e.PersonId.Value, dataset.TryGetPerson(e.PersonId, out var p) ? p.Name : null, e.Year, e.Member, e.Cadre, e.MemberMonths, e.SessionHours, e.CreditHours,
                    e.TotalHours, e.ConcentratedTrainings, string.Join(';', shortOf[e.PersonId.Value]),
                ]));
            return ExitCodes.Success;
        }

        Heading(host, host.T($"学习培训（{year} 年）", $"Training ({year})"));
        var table = Table(host.T("指标", "Figure"), host.T("名称", "Name"), host.T("数值", "Value"), host.T("单位", "Unit"));
        foreach (var f in figures)
        {
            Row(table, f.Id, host.T(f.Name), Number(f.Value), host.T(f.Unit));
        }

        Console.Write(table);

        var members = result.Ledger.Where(e => e.Member).ToList();
        var cadres = members.Where(e => e.Cadre).ToList();
        var ledger = Table(host.T("台账", "Ledger"), host.T("人数", "People"), host.T("平均学时", "Average hours"), host.T("其中平台折算", "Of which from platforms"));
        Row(ledger, host.T("党员", "Members"), Count(members.Count), Average(members.Select(e => e.TotalHours)), Average(members.Select(e => e.CreditHours)));
        Row(ledger, host.T("支部书记和委员", "Secretaries and committee members"), Count(cadres.Count), Average(cadres.Select(e => e.TotalHours)), Average(cadres.Select(e => e.CreditHours)));
        Console.Write(ledger);

        if (result.Findings.Count == 0)
        {
            Console.MarkupLine(Markup.Escape(host.T("✓ 每人都达到学习培训要求。", "✓ Everyone meets the training requirements.")));
            return ExitCodes.Success;
        }

        var byRule = Unbroken(Table(host.T("规则", "Rule"), host.T("要求", "Requirement"), host.T("未达到人数", "Short"), host.T("依据", "Source")), 0);
        foreach (var group in result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal))
        {
            var first = group.First();
            Row(byRule, first.RuleId.ToString(), host.T(first.RuleTitle), Count(group.Count()), first.Citation.ToString());
        }

        Console.Write(byRule);
        var detail = Unbroken(Table(host.T("对象", "Who"), host.T("规则", "Rule"), host.T("应当", "Expected"), host.T("实际", "Found")), 1);
        foreach (var f in result.Findings.Take(settings.Top))
        {
            Row(detail, f.Subject.ToString(), f.RuleId.ToString(), host.T(f.Expected), host.T(f.Found));
        }

        Console.Write(detail);
        if (result.Findings.Count > settings.Top)
        {
            Console.MarkupLine($"[grey]{Markup.Escape(host.T($"……另有 {result.Findings.Count - settings.Top} 条（--top 调整）", $"… and {result.Findings.Count - settings.Top} more (see --top)"))}[/]");
        }

        return ExitCodes.Success;
    }

    private static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Average(IEnumerable<decimal> hours)
    {
        var list = hours.ToList();
        return list.Count == 0 ? "—" : (list.Sum() / list.Count).ToString("0.0", CultureInfo.InvariantCulture);
    }
}
