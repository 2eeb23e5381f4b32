using System.ComponentModel;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.Metrics;
using PartyDomain.Time;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary><c>metrics</c>: the year's service indicators with the previous year's, or grouped by quarter, month, district, organization or firm.</summary>
public sealed class MetricsCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<MetricsCommand.Settings>(console, environment)
{
    /// <summary>How to group the figures.</summary>
    public enum Grouping
    {
        /// <summary>The year's totals with the previous year's.</summary>
        None,

        /// <summary>By quarter.</summary>
        Quarter,

        /// <summary>By month.</summary>
        Month,

        /// <summary>By district.</summary>
        District,

        /// <summary>By organization.</summary>
        Organization,

        /// <summary>By firm.</summary>
        Firm,
    }

    /// <summary>The options of <c>metrics</c>.</summary>
    public sealed class Settings : YearSettings
    {
        /// <summary>How to group.</summary>
        [CommandOption("--by <GROUPING>")]
        [Description("none|quarter|month|district|organization|firm（默认 none：年度合计与同比）/ grouping (default: the year's totals with year-over-year)")]
        [DefaultValue(Grouping.None)]
        public Grouping By { get; init; } = Grouping.None;

        /// <summary>Only these indicators.</summary>
        [CommandOption("--indicator <CODE>")]
        [Description("只看这些指标（可重复），如 legal-aid-cases / only these indicators (repeatable)")]
        public string[] Indicators { get; init; } = [];
    }

    /// <inheritdoc/>
    protected override int Run(HostContext host, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        var year = settings.Year ?? host.DefaultYear;
        var dataset = Step(host, host.T("读取数据", "Loading the data"), host.LoadDataset);
        var unknown = settings.Indicators.Where(code => !dataset.Indicators.TryGet(new IndicatorCode(code), out _)).ToList();
        if (unknown.Count > 0)
        {
            throw new BadInputException(host.T("--indicator：没有这些指标", "--indicator: no such indicators"),
                [.. unknown, host.T("可用的指标：", "Known indicators: ") + string.Join(", ", dataset.Indicators.All.Where(i => !i.Hidden).Select(i => i.Code.Value))]);
        }

        var query = new MetricsQuery
        {
            Period = ReportingPeriod.Year(year),
            Indicators = settings.Indicators.Length > 0
                ? settings.Indicators.Select(code => new IndicatorCode(code)).ToList()
                : dataset.Indicators.All.Where(i => !i.Hidden).Select(i => i.Code).ToList(),
            GroupBy = settings.By switch
            {
                Grouping.Quarter => MetricGrouping.Quarter,
                Grouping.Month => MetricGrouping.Month,
                Grouping.District => MetricGrouping.District,
                Grouping.Organization => MetricGrouping.Organization,
                Grouping.Firm => MetricGrouping.Firm,
                _ => MetricGrouping.None,
            },
        };
        var metrics = new ServiceMetrics(dataset);
        var rates = query.Indicators.Where(c => dataset.Indicators.TryGet(c, out var d) && d.Aggregation == Aggregation.Ratio).ToHashSet();
        if (settings.ForScripts)
        {
            // Every row of the query, none cut to --top: the year's totals with the previous year, or one row per group.
            if (settings.By == Grouping.None)
            {
                Output.Records.Write(Console.Profile.Out.Writer, settings.Format, ["indicator", "name", "year", "value", "previous", "change", "difference", "unit"],
                    metrics.CompareWithPreviousYear(query).Select(r => (IReadOnlyList<object?>)
                        [r.Current.Indicator.Value, host.T(r.Current.Name), year, r.Current.Value, r.Previous?.Value, r.Change, r.Difference, host.T(r.Current.Unit)]));
            }
            else
            {
                Output.Records.Write(Console.Profile.Out.Writer, settings.Format, ["indicator", "name", "period", "district", "organization_id", "firm_id", "value", "unit", "records"],
                    metrics.Query(query).Rows.Select(r => (IReadOnlyList<object?>)
                        [r.Indicator.Value, host.T(r.Name), r.Period, r.District, r.Organization?.Value, r.Firm?.Value, r.Value, host.T(r.Unit), r.Records]));
            }

            return ExitCodes.Success;
        }

        Heading(host, host.T($"服务指标（{year} 年）", $"Service indicators ({year})"));
        if (settings.By == Grouping.None)
        {
            var table = Table(host.T("指标", "Indicator"), host.T("代码", "Code"), $"{year}", $"{year - 1}", host.T("同比", "Change"), host.T("单位", "Unit"));
            foreach (var row in Step(host.T("汇总指标", "Aggregating"), () => metrics.CompareWithPreviousYear(query)))
            {
                var change = rates.Contains(row.Current.Indicator) ? Points(host, row.Difference) : Change(row.Change);
                Row(table, host.T(row.Current.Name), row.Current.Indicator.Value, Number(row.Current.Value), Number(row.Previous?.Value), change, host.T(row.Current.Unit));
            }

            Console.Write(table);
            return ExitCodes.Success;
        }

        var rows = Step(host.T("汇总指标", "Aggregating"), () => metrics.Query(query)).Rows;
        if (settings.By is Grouping.Quarter or Grouping.Month)
        {
            // A pivot: one row per indicator, one column per period, and the year's figure (a rate's is not the sum of its periods).
            var periods = settings.By == Grouping.Quarter
                ? Enumerable.Range(1, 4).Select(q => ($"{year}-Q{q}", $"Q{q}")).ToArray()
                : Enumerable.Range(1, 12).Select(m => ($"{year}-{m:00}", host.T($"{m}月", $"{m:00}"))).ToArray();
            var totals = metrics.Query(query with { GroupBy = MetricGrouping.None }).Rows.ToDictionary(r => r.Indicator);
            var pivot = Table([host.T("指标", "Indicator"), .. periods.Select(p => p.Item2), host.T("全年", "Year"), host.T("单位", "Unit")]);
            var byIndicator = rows.ToLookup(r => r.Indicator);
            foreach (var code in query.Indicators)
            {
                if (!totals.TryGetValue(code, out var total))
                {
                    continue;
                }

                var values = byIndicator[code].ToDictionary(r => r.Period ?? string.Empty, r => r.Value);
                Row(pivot, [host.T(total.Name), .. periods.Select(p => values.TryGetValue(p.Item1, out var v) ? Number(v) : "—"), Number(total.Value), host.T(total.Unit)]);
            }

            Console.Write(pivot);
            return ExitCodes.Success;
        }

        var grouped = Table(host.T("指标", "Indicator"), host.T("分组", "Group"), host.T("数值", "Value"), host.T("单位", "Unit"), host.T("记录数", "Records"));
        var left = 0;
        foreach (var indicator in rows.GroupBy(r => r.Indicator))
        {
            // Organizations, firms and districts largest first, the first --top of them; the rest are counted, never dropped unsaid.
            var all = indicator.OrderByDescending(r => r.Value ?? 0).ThenBy(r => r.Organization?.Value ?? r.Firm?.Value ?? r.District, StringComparer.Ordinal).ToList();
            foreach (var row in all.Take(settings.Top))
            {
                var group = row.District ?? (row.Organization is { } o ? OrganizationName(o) : row.Firm is { } f ? FirmName(f) : "—");
                Row(grouped, host.T(row.Name), group, Number(row.Value), host.T(row.Unit), row.Records.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (all.Count > settings.Top)
            {
                left += all.Count - settings.Top;
                var first = all[0];
                Row(grouped, host.T(first.Name), host.T($"另有{all.Count - settings.Top}项", $"{all.Count - settings.Top} more"), rates.Contains(first.Indicator) ? "—" : Number(all.Skip(settings.Top).Sum(r => r.Value ?? 0)), host.T(first.Unit),
                    all.Skip(settings.Top).Sum(r => r.Records).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Console.Write(grouped);
        if (left > 0)
        {
            Console.MarkupLine($"[grey]{Markup.Escape(host.T($"每项指标列出前 {settings.Top} 个，其余合并为“另有N项”（--top 调整）。", $"The first {settings.Top} of each indicator are listed, the rest summed as \"N more\" (see --top)."))}[/]");
        }

        return ExitCodes.Success;

        string OrganizationName(Organization.OrganizationId id) => dataset.TryGetOrganization(id, out var o) ? $"{o.Name} ({id})" : id.Value;
        string FirmName(Organization.FirmId id) => dataset.TryGetFirm(id, out var f) ? $"{f.Name} ({id})" : id.Value;
    }

    private static string Change(decimal? change) => change is { } c ? (c >= 0 ? "+" : string.Empty) + Percent(c) : "—";

    private static string Points(HostContext host, decimal? points) => points is { } p
        ? (p >= 0 ? "+" : string.Empty) + p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + host.T("个百分点", " pp")
        : "—";
}
