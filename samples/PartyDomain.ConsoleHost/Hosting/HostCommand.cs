using PartyDomain.Rules;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyDomain.ConsoleHost.Hosting;

/// <summary>Where the host runs from: the folder holding appsettings.json, a dataset already built, if any, and the data folder.</summary>
/// <param name="BaseDirectory">The folder.</param>
/// <param name="Dataset">A dataset the commands work on instead of the embedded demo city (benchmarks pass a national one).</param>
/// <param name="DataFolder">
/// The folder the imported data is kept in unless <c>Host:Data</c> names a file: the user's own
/// (<see cref="Environment.SpecialFolder.LocalApplicationData"/>/PartyDomain, <c>~/.local/share/PartyDomain</c> on Linux) unless set; tests give their own.
/// </param>
public sealed record HostEnvironment(string BaseDirectory, PartyDomain.Data.CityDataset? Dataset = null, string? DataFolder = null);

/// <summary>A command of the host: reads the configuration, then does its work with a <see cref="HostContext"/>.</summary>
/// <typeparam name="TSettings">The command's options.</typeparam>
public abstract class HostCommand<TSettings>(IAnsiConsole console, HostEnvironment environment) : Command<TSettings>
    where TSettings : HostSettings
{
    /// <summary>The console output goes to.</summary>
    protected IAnsiConsole Console { get; } = console;

    /// <inheritdoc/>
    public sealed override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (RunBeforeHost(settings) is { } done)
        {
            return done;
        }

        using var host = HostContext.Create(environment, settings);
        host.WaitingForWriter = location => Console.MarkupLine($"[yellow]{Markup.Escape(host.T(
            $"另一个导入正在写入 {location}，最多等待 {host.Options.BusyTimeoutSeconds} 秒……",
            $"Another import is writing {location}; waiting up to {host.Options.BusyTimeoutSeconds} s…"))}[/]");
        int code;
        try
        {
            code = Run(host, settings);
        }
        catch (Exception e) when (EnvironmentFailureException.From(e, host.T, host.Options.BusyTimeoutSeconds) is { } failure)
        {
            throw failure;
        }

        if (!WarnsOfPlugins || host.Get<PartyDomain.Hosting.PluginLoadReport>().Problems.ToList() is not { Count: > 0 } problems)
        {
            return code;
        }

        // One line, whatever the command: the results lack what these plugins would have brought.
        var names = string.Join(host.T("、", ", "), problems.Select(p => p.Name));
        var warning = host.T(
            $"警告：{problems.Count} 个插件未加载（{names}），本次结果不含其规则、指标和报告章节；运行 plugins 查看原因和处理办法。",
            $"Warning: {problems.Count} plugin(s) did not load ({names}); these results lack their rules, indicators and report sections. Run plugins for the reasons and what to do.");
        if (settings.ForScripts)
        {
            // Standard output is a script's CSV or JSON: the warning must not become a row of it.
            System.Console.Error.WriteLine(warning);
        }
        else
        {
            Console.MarkupLine($"[yellow]{Markup.Escape(warning)}[/]");
        }

        return code == ExitCodes.Success ? ExitCodes.PartialFailure : code;
    }

    /// <summary>Whether the command ends with the one-line warning (and exit code 6) when a plugin did not load; <c>plugins</c> shows the whole report instead.</summary>
    protected virtual bool WarnsOfPlugins => true;

    /// <summary>Work that must not wait for the configuration and the plugins (printing a folder's hash); <c>null</c> to go on.</summary>
    /// <returns>The exit code, or <c>null</c> when the command needs the host.</returns>
    protected virtual int? RunBeforeHost(TSettings settings) => null;

    /// <summary>Does the command's work.</summary>
    /// <returns>The exit code.</returns>
    protected abstract int Run(HostContext host, TSettings settings);

    /// <summary>Runs <paramref name="work"/>, with a progress bar when the console is a terminal.</summary>
    protected T Step<T>(string description, Func<T> work) => Steps.Run(Console, description, work);

    /// <summary>
    /// Runs <paramref name="work"/>, which reports its progress, with a bar showing the percentage and stage when the
    /// console is a terminal; given no progress otherwise.
    /// </summary>
    protected T Step<T>(HostContext host, string description, Func<IProgress<WorkProgress>?, T> work)
    {
        ArgumentNullException.ThrowIfNull(host);
        return Steps.Run(Console, host.Language, description, work);
    }

    /// <summary>Prints the heading of a command's output: what it is and which data it reads.</summary>
    protected void Heading(HostContext host, string title)
    {
        ArgumentNullException.ThrowIfNull(host);
        Console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
        Console.MarkupLine($"[grey]{Markup.Escape(host.DataSource)}[/]");
    }

    /// <summary>A severity in the output language.</summary>
    protected static string Severity(HostContext host, FindingSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(host);
        return severity switch
        {
            FindingSeverity.Violation => host.T("违规", "violation"),
            FindingSeverity.Warning => host.T("警告", "warning"),
            _ => host.T("提醒", "reminder"),
        };
    }

    /// <summary>The severity in its colour: a violation red, a warning yellow (plain where the terminal has no colour or NO_COLOR is set).</summary>
    protected static Spectre.Console.Rendering.IRenderable SeverityCell(HostContext host, FindingSeverity severity) =>
        new Text(Severity(host, severity), severity switch
        {
            FindingSeverity.Violation => new Style(Color.Red),
            FindingSeverity.Warning => new Style(Color.Yellow),
            _ => Style.Plain,
        });

    /// <summary>Keeps the given columns (rule ids, record ids) on one line: an id broken mid-word cannot be copied or searched.</summary>
    protected static Table Unbroken(Table table, params int[] columns)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var column in columns)
        {
            table.Columns[column].NoWrap();
        }

        return table;
    }

    /// <summary>A table with the given column headings.</summary>
    protected static Table Table(params string[] headings)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var heading in headings)
        {
            table.AddColumn(new TableColumn(new Text(heading, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    /// <summary>Adds a row of plain text (never read as markup: data may contain brackets).</summary>
    protected static void Row(Table table, params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c ?? string.Empty)).ToArray());
    }

    /// <summary>A share as a percentage with one decimal, or a dash.</summary>
    protected static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>A number without trailing zeros.</summary>
    protected static string Number(decimal? value) => value is { } v ? v.ToString("#,0.####", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
