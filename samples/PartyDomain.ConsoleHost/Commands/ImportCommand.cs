using System.ComponentModel;
using System.Globalization;
using NodaTime;
using PartyDomain.BasicSystems;
using PartyDomain.ConsoleHost.Hosting;
using PartyDomain.ConsoleHost.Output;
using PartyDomain.Data;
using PartyDomain.EntityFrameworkCore;
using PartyDomain.Interchange;
using PartyDomain.Metrics;
using PartyDomain.Time;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PartyDomain.ConsoleHost.Commands;

/// <summary>
/// <c>import</c>: reads a dataset (a folder of CSV files, an XLSX workbook or JSON), prints every problem with file,
/// row, column and value, and keeps the dataset for the other commands only when it has none (all or nothing).
/// <c>import --from PLATFORM FILE</c> reads a platform's export through a plugin's connector instead (ImportCommand.Connector.cs).
/// </summary>
public sealed partial class ImportCommand(IAnsiConsole console, HostEnvironment environment) : HostCommand<ImportCommand.Settings>(console, environment)
{
    /// <summary>The options of <c>import</c>.</summary>
    public sealed class Settings : HostSettings
    {
        /// <summary>The folder or file to read.</summary>
        [CommandArgument(0, "[PATH]")]
        [Description("CSV 文件夹、.xlsx 工作簿或 .json 文件 / a folder of CSV files, an .xlsx workbook or a .json file")]
        public string? Path { get; init; }

        /// <summary>The format, when the path does not say.</summary>
        [CommandOption("--format <FORMAT>")]
        [Description("csv|xlsx|json（默认按路径判断）/ format (default: from the path)")]
        public DatasetFormat? Format { get; init; }

        /// <summary>The platform connector that reads <see cref="Path"/>, merged into the city's data.</summary>
        [CommandOption("--from <PLATFORM>")]
        [Description("用插件提供的平台接入读取该平台的导出文件，并入本市数据（如 xuexi-points）/ read the file with a plugin's platform connector and merge it into the city's data (e.g. xuexi-points)")]
        public string? From { get; init; }

        /// <summary>Forget the imported data.</summary>
        [CommandOption("--reset")]
        [Description("删除已导入的数据，恢复使用演示数据 / forget the imported data and go back to the demo city")]
        public bool Reset { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            Reset == (Path is not null) ? ValidationResult.Error("import: give a PATH, or --reset / 须给出路径或 --reset") : base.Validate();
    }

    /// <inheritdoc/>
    protected override int Run(HostContext host, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Reset)
        {
            if (!string.IsNullOrWhiteSpace(host.Options.PostgreSql))
            {
                throw new BadInputException(host.T(
                    $"import --reset 只删除 SQLite 文件；数据保存在 {host.DataFile} 时，请去掉 Host:PostgreSql 以使用演示数据",
                    $"import --reset deletes the SQLite file only; with the data in {host.DataFile}, unset Host:PostgreSql to use the demo data"));
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { host.DataFile, host.DataFile + "-wal", host.DataFile + "-shm" })
            {
                File.Delete(file);
            }

            Console.MarkupLine(Markup.Escape(host.T($"已删除 {host.DataFile}；各命令恢复使用内置演示数据。", $"Deleted {host.DataFile}; the commands use the embedded demo data again.")));
            return ExitCodes.Success;
        }

        var path = System.IO.Path.GetFullPath(settings.Path!);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new BadInputException(host.T($"找不到 {path}", $"{path} does not exist"));
        }

        if (settings.From is { } platform)
        {
            return ImportFrom(host, platform, path);
        }

        var clock = ImportClock(host);
        var interchange = new DatasetInterchange(clock, PartyDomainTime.DefaultZone, host.Get<IndicatorCatalog>(), host.Get<ActivityKindCatalog>(), host.Get<IEnumerable<ImportTable>>());
        var read = Step(host.T($"读取并校验 {path}", $"Reading and checking {path}"), () => interchange.Read(path, settings.Format));
        if (read.Dataset is not { } dataset)
        {
            return Failed(host, read.Problems);
        }

        return Keep(host, dataset);
    }

    // Imported records are checked against the real today (or Host:Today), not the demo's.
#pragma warning disable RS0030 // the composition root's default: the real clock, unless one is registered
    private static IClock ImportClock(HostContext host) => string.IsNullOrWhiteSpace(host.Options.Today) ? SystemClock.Instance : host.Clock;
#pragma warning restore RS0030

    /// <summary>Prints every problem, with file, row, column and value; nothing was imported.</summary>
    private int Failed(HostContext host, IReadOnlyList<ImportProblem> problems)
    {
        Console.MarkupLine($"[red]{Markup.Escape(host.T($"导入失败：{problems.Count} 处问题，未导入任何数据。", $"Import failed: {problems.Count} problems; nothing was imported."))}[/]");
        var table = Table(host.T("文件/工作表", "File/sheet"), host.T("行", "Row"), host.T("列", "Column"), host.T("值", "Value"), host.T("问题", "Problem"));
        foreach (var p in problems)
        {
            Row(table, p.Source, p.Row?.ToString(CultureInfo.InvariantCulture) ?? "—", p.Column ?? "—", p.Value ?? "—", host.T(p.Message));
        }

        Console.Write(table);
        return ExitCodes.BadInput;
    }

    /// <summary>Stores the dataset as the city's data and says so: the one store step of every import.</summary>
    private int Keep(HostContext host, CityDataset dataset)
    {
        if (string.IsNullOrWhiteSpace(host.Options.PostgreSql))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(host.DataFile)!);
        }

        Step(host.T($"保存到 {host.DataFile}", $"Storing in {host.DataFile}"),
            () => host.Get<IPartyDomainStore>().ImportAsync(dataset, ImportMode.Replace).GetAwaiter().GetResult());
        Console.Write(new Rule($"[bold]{Markup.Escape(host.T($"已导入 {dataset.City.Name} 的数据", $"Imported the data of {dataset.City.Name}"))}[/]").LeftJustified());
        DatasetSummary.Write(Console, host, dataset);
        Console.MarkupLine(Markup.Escape(host.T(
            $"✓ 数据已保存到 {host.DataFile}，其他命令从现在起使用它（import --reset 恢复演示数据）。",
            $"✓ Kept in {host.DataFile}; the other commands use it from now on (import --reset goes back to the demo data).")));
        return ExitCodes.Success;
    }
}
