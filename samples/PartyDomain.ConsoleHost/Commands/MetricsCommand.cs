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
        var dataset = Step(host.T("读取数据", "Loading the data"), host.LoadDataset);
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
        Heading(host, host.T($"服务指标（{year} 年）", $"Service indicators ({year})"));
        if (settings.By == Grouping.None)
        {
            var table = Table(host.T("指标", "Indicator"), host.T("代码", "Code"), $"{year}", $"{year - 1}", host.T("同比", "Change"), host.T("单位", "Unit"));
            foreach (var row in Step(host.T("汇总指标", "Aggregating"), () => metrics.CompareWithPreviousYear(query)))
            {
                Row(table, host.T(row.Current.Name), row.Current.Indicator.Value, Number(row.Current.Value), Number(row.Previous?.Value), Change(row.Change), host.T(row.Current.Unit));
            }

            Console.Write(table);
            return ExitCodes.Success;
        }

        var grouped = Table(host.T("指标", "Indicator"), host.T("分组", "Group"), host.T("数值", "Value"), host.T("单位", "Unit"), host.T("记录数", "Records"));
        foreach (var indicator in Step(host.T("汇总指标", "Aggregating"), () => metrics.Query(query)).Rows.GroupBy(r => r.Indicator))
        {
            // Periods in order; organizations, firms and districts largest first, the first --top of them.
            var rows = settings.By is Grouping.Quarter or Grouping.Month
                ? indicator.OrderBy(r => r.Period, StringComparer.Ordinal).ToList()
                : indicator.OrderByDescending(r => r.Value ?? 0).Take(settings.Top).ToList();
            foreach (var row in rows)
            {
                var group = row.Period ?? row.District ?? (row.Organization is { } o ? OrganizationName(o) : row.Firm is { } f ? FirmName(f) : "—");
                Row(grouped, host.T(row.Name), group, Number(row.Value), host.T(row.Unit), row.Records.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Console.Write(grouped);
        return ExitCodes.Success;

        string OrganizationName(Organization.OrganizationId id) => dataset.TryGetOrganization(id, out var o) ? $"{o.Name} ({id})" : id.Value;
        string FirmName(Organization.FirmId id) => dataset.TryGetFirm(id, out var f) ? $"{f.Name} ({id})" : id.Value;
    }

    private static string Change(decimal? change) => change is { } c ? (c >= 0 ? "+" : string.Empty) + Percent(c) : "—";
}
