using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyDomain.ConsoleHost.Hosting;

/// <summary>The options every command takes: they override appsettings.json.</summary>
public class HostSettings : CommandSettings
{
    /// <summary>Whether standard output carries CSV or JSON for scripts, so that warnings go to standard error.</summary>
    public virtual bool ForScripts => false;

    /// <summary>An extra JSON configuration file, read after appsettings.json.</summary>
    [CommandOption("--config <FILE>")]
    [Description("额外的 JSON 配置文件，覆盖 appsettings.json / extra JSON configuration file")]
    public string? ConfigFile { get; init; }

    /// <summary>The output language.</summary>
    [CommandOption("--lang <LANG>")]
    [Description("输出语言 zh|en（默认 Host:Language）/ output language")]
    public string? Language { get; init; }

    /// <summary>The city's name.</summary>
    [CommandOption("--city <NAME>")]
    [Description("城市名称（默认 Host:City:Name）/ city name")]
    public string? City { get; init; }

    /// <summary>Any configuration key, for example <c>PartyDomain:Rules:ORG-BRANCH-SIZE:Parameters:MaxMembers=60</c>.</summary>
    [CommandOption("--set <KEY=VALUE>")]
    [Description("设置任一配置项，可重复，如 PartyDomain:Rules:ORG-BRANCH-SIZE:Parameters:MaxMembers=60 / set any configuration key")]
    public string[] Set { get; init; } = [];

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Language is not null && HostContext.ParseLanguage(Language) is null)
        {
            return ValidationResult.Error($"--lang: '{Language}' is not zh or en / 不是 zh 或 en");
        }

        foreach (var pair in Set)
        {
            if (pair.IndexOf('=', StringComparison.Ordinal) <= 0)
            {
                return ValidationResult.Error($"--set: '{pair}' is not KEY=VALUE / 不是 键=值 的形式");
            }
        }

        return base.Validate();
    }

    /// <summary>The configuration keys these options set.</summary>
    internal virtual IEnumerable<KeyValuePair<string, string?>> Overrides()
    {
        foreach (var pair in Set)
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            yield return new(pair[..at].Trim(), pair[(at + 1)..]);
        }

        if (Language is not null)
        {
            yield return new("Host:Language", Language);
        }

        if (City is not null)
        {
            yield return new("Host:City:Name", City);
        }
    }
}

/// <summary>The options of commands that look at one year.</summary>
public class YearSettings : HostSettings
{
    /// <summary>The year; the demo year by default.</summary>
    [CommandOption("--year <YEAR>")]
    [Description("统计年度（默认上一完整年度）/ the year (default: the last complete year)")]
    public int? Year { get; init; }

    /// <summary>How many detail rows to print.</summary>
    [CommandOption("--top <N>")]
    [Description("最多列出的明细行数 / most detail rows to list")]
    [DefaultValue(15)]
    public int Top { get; init; } = 15;

    /// <summary>The output format: tables for people, every row as CSV or JSON for scripts.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("输出格式 table|csv|json（默认 table；csv、json 列出全部行，供脚本使用）/ output format (csv and json list every row, for scripts)")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <summary>Whether the output is for scripts (CSV or JSON) rather than tables.</summary>
    public override bool ForScripts => Format != "table";

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Format is not ("table" or "csv" or "json"))
        {
            return ValidationResult.Error($"--format: '{Format}' is not table, csv or json / 不是 table、csv 或 json");
        }

        if (Year is < 1949 or > 9999)
        {
            return ValidationResult.Error($"--year: {Year} is not a year / 不是有效年份");
        }

        return Top < 0 ? ValidationResult.Error("--top cannot be negative / 不能为负数") : base.Validate();
    }
}
