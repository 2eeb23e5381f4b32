using Microsoft.Extensions.DependencyInjection;
using PartyDomain.ConsoleHost.Commands;
using PartyDomain.ConsoleHost.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace PartyDomain.ConsoleHost;

/// <summary>The host's command line: the commands, their help (with the exit codes) and how errors become exit codes.</summary>
public static class ConsoleApp
{
    /// <summary>Runs one command.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="console">Where output goes.</param>
    /// <param name="baseDirectory">Where appsettings.json is; the application's folder by default.</param>
    /// <param name="dataset">A dataset already built, used instead of the embedded demo city; "today" is its day unless configured.</param>
    /// <param name="dataFolder">The folder the imported data is kept in unless <c>Host:Data</c> says; the user's data folder by default.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(IReadOnlyList<string> args, IAnsiConsole console, string? baseDirectory = null, PartyDomain.Data.CityDataset? dataset = null, string? dataFolder = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        var services = new ServiceCollection();
        services.AddSingleton(new HostEnvironment(baseDirectory ?? AppContext.BaseDirectory, dataset, dataFolder));
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("PartyDomain.ConsoleHost");
            config.ConfigureConsole(console);
            config.UseStrictParsing();
            config.SetHelpProvider(new ExitCodeHelpProvider(config.Settings));
            config.SetExceptionHandler((exception, _) => Fail(console, exception));
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("生成并校验演示城市，显示其内容 / generate and validate the demo city, show what it holds")
                .WithExample("demo", "--scale", "10")
                .WithExample("demo", "--out", "demo.xlsx");
            config.AddCommand<ImportCommand>("import")
                .WithDescription("导入数据（CSV 文件夹、XLSX、JSON）：默认合并到已保存的数据，逐条列出问题 / import data (merged into the stored data by default), listing every problem")
                .WithExample("import", "信阳市2025年12月.xlsx")
                .WithExample("import", "--replace", "信阳市.xlsx")
                .WithExample("import", "--reset");
            config.AddCommand<TemplateCommand>("template")
                .WithDescription("写出录入模板（XLSX 或 CSV）：说明、下拉列表、示例行 / write the data-entry template with instructions, dropdowns and examples")
                .WithExample("template")
                .WithExample("template", "--format", "csv", "--out", "模板");
            config.AddCommand<ExportCommand>("export")
                .WithDescription("按录入模板的格式导出当前数据，修改后可再导入 / export the current data in the template's form")
                .WithExample("export", "--out", "信阳市.xlsx");
            config.AddCommand<CheckCommand>("check")
                .WithDescription("检查组织结构与六项基本制度 / check the structure and the six basic systems")
                .WithExample("check", "--year", "2025", "--fail-on", "error");
            config.AddCommand<RemindersCommand>("reminders")
                .WithDescription("即将到期的事项：组织生活、换届、发展党员 / what falls due soon")
                .WithExample("reminders", "--horizon", "60");
            config.AddCommand<MetricsCommand>("metrics")
                .WithDescription("服务指标及同比 / service indicators and year-over-year")
                .WithExample("metrics", "--year", "2025", "--by", "quarter");
            config.AddCommand<TrainingCommand>("training")
                .WithDescription("学习培训：学时台账、要求与 F5、F9、F12 / training hours, requirements and figures")
                .WithExample("training", "--year", "2025");
            config.AddCommand<PipelineCommand>("pipeline")
                .WithDescription("发展党员：各阶段人数、违规与下一步 / admission pipeline")
                .WithExample("pipeline");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("年度报告：写出 Markdown、HTML、Word、JSON 文件并列出主要指标 / the annual report files and headline figures")
                .WithExample("report", "--year", "2025")
                .WithExample("report", "--year", "2025", "--format", "docx", "--out", "out");
            config.AddCommand<PluginsCommand>("plugins")
                .WithDescription("插件加载报告 / the plugin load report")
                .WithExample("plugins");
        });
        return app.Run(args);
    }

    private static int Fail(IAnsiConsole console, Exception exception)
    {
        switch (exception)
        {
            case BadInputException bad:
                console.MarkupLine($"[red]{Markup.Escape(bad.Message)}[/]");
                foreach (var problem in bad.Problems)
                {
                    console.WriteLine("  " + problem);
                }

                return ExitCodes.BadInput;
            case PluginFailureException plugin:
                console.MarkupLine("[red]插件加载失败（PartyDomain:PluginHost:FailFast）/ a plugin failed to load (fail-fast)[/]");
                console.WriteLine(plugin.Report?.Describe() ?? plugin.InnerException?.Message ?? plugin.Message);
                return ExitCodes.PluginFailure;
            case EnvironmentFailureException environment:
                console.MarkupLine($"[red]{Markup.Escape(environment.Message)}[/]");
                return ExitCodes.EnvironmentFailure;
            case CommandAppException cli:
                // Unknown command or option, missing or malformed value: Spectre's own message says which.
                if (cli.Pretty is { } pretty)
                {
                    console.Write(pretty);
                }
                else
                {
                    console.MarkupLine($"[red]{Markup.Escape(cli.Message)}[/]");
                }

                return ExitCodes.BadInput;
            case var other when EnvironmentFailureException.From(other, (chinese, english) => $"{chinese} / {english}", HostOptions.DefaultBusyTimeoutSeconds) is { } environment:
                // Thrown before the language was read (not by a command's work): both languages.
                console.MarkupLine($"[red]{Markup.Escape(environment.Message)}[/]");
                return ExitCodes.EnvironmentFailure;
            default:
                console.WriteException(exception, ExceptionFormats.ShortenPaths);
                return ExitCodes.InternalError;
        }
    }

    /// <summary>Spectre's help with the exit codes at the end, so a script writer finds them where they look.</summary>
    private sealed class ExitCodeHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
    {
        public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
        {
            var grid = new Grid().AddColumn(new GridColumn().PadLeft(4)).AddColumn();
            foreach (var (code, chinese, english) in ExitCodes.Documented)
            {
                grid.AddRow(new Text(code.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text($"{chinese} / {english}"));
            }

            return [.. base.GetFooter(model, command), new Text(Environment.NewLine), new Markup("[yellow]EXIT CODES / 退出码:[/]" + Environment.NewLine), grid];
        }
    }
}
