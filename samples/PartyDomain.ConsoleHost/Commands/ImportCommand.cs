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
/// row, column and value, and keeps it for the other commands only when it has none (all or nothing). By default the
/// file is merged into the stored data (a month's activity records, new people, corrected rows), its references
/// resolving against both; <c>--replace</c> starts over; <c>--reset</c> forgets the imported data. Both keep a backup
/// of the SQLite file first. <c>import --from PLATFORM FILE</c> reads a platform's export through a plugin's connector
/// instead (ImportCommand.Connector.cs).
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

        /// <summary>Replace the stored data instead of merging into it.</summary>
        [CommandOption("--replace")]
        [Description("以文件替换已保存的全部数据（先备份），而不是合并 / replace all stored data with the file (after a backup) instead of merging")]
        public bool Replace { get; init; }

        /// <summary>Forget the imported data.</summary>
        [CommandOption("--reset")]
        [Description("删除已导入的数据（先确认并备份），恢复使用演示数据 / forget the imported data (after a confirmation and a backup) and go back to the demo city")]
        public bool Reset { get; init; }

        /// <summary>Do not ask for confirmation.</summary>
        [CommandOption("--yes")]
        [Description("不再询问，直接确认（非交互运行时 --reset 必须给出）/ confirm without asking (required for --reset when not interactive)")]
        public bool Yes { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate() =>
            Reset == (Path is not null) ? ValidationResult.Error("import: give a PATH, or --reset / 须给出路径或 --reset")
            : Reset && Replace ? ValidationResult.Error("import: --reset takes no --replace / --reset 不能与 --replace 同用")
            : base.Validate();
    }

    /// <inheritdoc/>
    protected override int Run(HostContext host, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(settings);
        var sqlite = string.IsNullOrWhiteSpace(host.Options.PostgreSql);
        if (settings.Reset)
        {
            return Reset(host, settings, sqlite);
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

        var interchange = new DatasetInterchange(new ZonedClock(ImportClock(host), host.Zone, CalendarSystem.Iso), host.Get<IndicatorCatalog>(), host.Get<ActivityKindCatalog>(), host.Get<IEnumerable<ImportTable>>());
        var stored = settings.Replace ? null : Step(host, host.T($"读取已保存的数据 {host.DataFile}", $"Reading the stored data in {host.DataFile}"), host.LoadStored);
        var read = Step(host, host.T($"读取并校验 {path}", $"Reading and checking {path}"), progress => interchange.Read(path, settings.Format, stored, progress));
        if (read.Dataset is not { } dataset)
        {
            return Failed(host, read.Problems, stored is not null);
        }

        if (read.Merge is { } merge)
        {
            Step(host, host.T($"合并保存到 {host.DataFile}", $"Merging into {host.DataFile}"),
                progress => host.Get<IPartyDomainStore>().MergeAsync(merge, progress).GetAwaiter().GetResult());
            Console.Write(new Rule($"[bold]{Markup.Escape(host.T($"已合并到 {dataset.City.Name} 的数据", $"Merged into the data of {dataset.City.Name}"))}[/]").LeftJustified());
            var counts = Table(host.T("表", "Table"), host.T("新增", "Added"), host.T("更新", "Updated"), host.T("未变", "Unchanged"));
            foreach (var count in merge.Counts)
            {
                Row(counts, DatasetFiles.TableName(count.RecordType) is { } name ? host.T(name) : count.RecordType.Name,
                    Number(count.Added), Number(count.Updated), Number(count.Unchanged));
            }

            Console.Write(counts);
            DatasetSummary.Write(Console, host, dataset);
            Console.MarkupLine(Markup.Escape(merge.Changes.Count == 0
                ? host.T($"✓ 没有变化：文件中的记录与 {host.DataFile} 中已保存的相同，未写入任何内容。", $"✓ Nothing changed: the file's records are those stored in {host.DataFile}; nothing was written.")
                : host.T($"✓ 已合并 {merge.Changes.Count:N0} 条记录到 {host.DataFile}（import --replace 以文件替换全部数据）。", $"✓ Merged {merge.Changes.Count:N0} records into {host.DataFile} (import --replace replaces all data with a file).")));
            return ExitCodes.Success;
        }

        string? backup = null;
        if (sqlite)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(host.DataFile)!);
            backup = settings.Replace ? Backup(host) : null;
        }

        Step(host, host.T($"保存到 {host.DataFile}", $"Storing in {host.DataFile}"),
            progress => host.Get<IPartyDomainStore>().ImportAsync(dataset, ImportMode.Replace, progress).GetAwaiter().GetResult());
        Console.Write(new Rule($"[bold]{Markup.Escape(host.T($"已导入 {dataset.City.Name} 的数据", $"Imported the data of {dataset.City.Name}"))}[/]").LeftJustified());
        DatasetSummary.Write(Console, host, dataset);
        if (!settings.Replace)
        {
            Console.MarkupLine(Markup.Escape(host.T(
                "尚无已保存的数据：文件即为全市数据。以后的 import 将合并到这些数据中（import --replace 重新开始）。",
                "Nothing was stored yet: the file is the whole city. Later imports merge into it (import --replace starts over).")));
        }
        else
        {
            Console.MarkupLine(Markup.Escape(backup is not null
                ? host.T($"已替换原有数据；原数据备份在 {backup}。", $"Replaced the stored data; the previous data is backed up in {backup}.")
                : sqlite ? host.T("已替换原有数据（此前没有已保存的数据，无需备份）。", "Replaced the stored data (nothing was stored before, so there was nothing to back up).")
                : host.T("已替换原有数据。PostgreSQL 中的数据请用数据库自身的备份（如 pg_dump）保留。", "Replaced the stored data. On PostgreSQL, keep backups with the database's own tools (pg_dump).")));
        }

        Console.MarkupLine(Markup.Escape(host.T(
            $"✓ 数据已保存到 {host.DataFile}，其他命令从现在起使用它（import --reset 恢复演示数据）。",
            $"✓ Kept in {host.DataFile}; the other commands use it from now on (import --reset goes back to the demo data).")));
        return ExitCodes.Success;
    }

    private int Reset(HostContext host, Settings settings, bool sqlite)
    {
        if (!sqlite)
        {
            throw new BadInputException(host.T(
                $"import --reset 只删除 SQLite 文件；数据保存在 {host.DataFile} 时，请去掉 Host:PostgreSql 以使用演示数据",
                $"import --reset deletes the SQLite file only; with the data in {host.DataFile}, unset Host:PostgreSql to use the demo data"));
        }

        if (!File.Exists(host.DataFile))
        {
            Console.MarkupLine(Markup.Escape(host.T($"没有已导入的数据（{host.DataFile} 不存在）；各命令使用内置演示数据。", $"No data was imported ({host.DataFile} does not exist); the commands use the embedded demo data.")));
            return ExitCodes.Success;
        }

        if (!settings.Yes)
        {
            if (!Console.Profile.Capabilities.Interactive)
            {
                throw new BadInputException(host.T(
                    $"import --reset 将删除 {host.DataFile} 中已导入的数据，需要确认：不在交互终端中运行时，请加 --yes。未作任何改动。",
                    $"import --reset deletes the data imported in {host.DataFile} and needs a confirmation: when not run in an interactive terminal, add --yes. Nothing was changed."));
            }

            if (!Console.Prompt(new ConfirmationPrompt(host.T($"删除 {host.DataFile} 中已导入的数据（先备份）？", $"Delete the data imported in {host.DataFile} (after a backup)?")) { DefaultValue = false }))
            {
                Console.MarkupLine(Markup.Escape(host.T("已取消，未作任何改动。", "Cancelled; nothing was changed.")));
                return ExitCodes.Success;
            }
        }

        var backup = Backup(host);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { host.DataFile, host.DataFile + "-wal", host.DataFile + "-shm" })
        {
            File.Delete(file);
        }

        // The key file stays: the backup is encrypted with it.
        Console.MarkupLine(Markup.Escape(host.T(
            $"已删除 {host.DataFile}；备份在 {backup}（恢复时把它复制回 {host.DataFile}）。各命令恢复使用内置演示数据。",
            $"Deleted {host.DataFile}; the backup is {backup} (copy it back to {host.DataFile} to restore it). The commands use the embedded demo data again.")));
        return ExitCodes.Success;
    }

    /// <summary>
    /// Copies the SQLite file beside itself as <c>partydomain.db.2026-12-03T101500.bak</c> with SQLite's online backup (a
    /// consistent copy, whatever the write-ahead log holds); <c>null</c> when there is no file yet.
    /// </summary>
    private string? Backup(HostContext host)
    {
        if (!File.Exists(host.DataFile))
        {
            return null;
        }

        var stamp = host.Clock.GetCurrentInstant().InZone(host.Zone).ToString("uuuu-MM-dd'T'HHmmss", CultureInfo.InvariantCulture);
        var backup = $"{host.DataFile}.{stamp}.bak";
        for (var n = 2; File.Exists(backup); n++)
        {
            backup = $"{host.DataFile}.{stamp}-{n}.bak";
        }

        Step(host.T($"备份到 {backup}", $"Backing up to {backup}"), () =>
        {
            using (var source = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = host.DataFile, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            using (var target = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = backup, Pooling = false }.ToString()))
            {
                source.Open();
                source.BackupDatabase(target);
            }

            return backup;
        });
        return backup;
    }

    private static string Number(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    // Imported records are checked against the real today (or Host:Today), not the demo's.
#pragma warning disable RS0030 // the composition root's default: the real clock, unless one is registered
    private static IClock ImportClock(HostContext host) => string.IsNullOrWhiteSpace(host.Options.Today) ? SystemClock.Instance : host.Clock;
#pragma warning restore RS0030

    /// <summary>Prints every problem, with file, row, column and value; nothing was imported or changed.</summary>
    private int Failed(HostContext host, IReadOnlyList<ImportProblem> problems, bool stored = false)
    {
        Console.MarkupLine($"[red]{Markup.Escape(stored
            ? host.T($"导入失败：{problems.Count} 处问题，已保存的数据未作任何改动。", $"Import failed: {problems.Count} problems; the stored data was not changed.")
            : host.T($"导入失败：{problems.Count} 处问题，未导入任何数据。", $"Import failed: {problems.Count} problems; nothing was imported."))}[/]");
        var table = Table(host.T("文件/工作表", "File/sheet"), host.T("行", "Row"), host.T("列", "Column"), host.T("值", "Value"), host.T("问题", "Problem"));
        foreach (var p in problems)
        {
            Row(table, p.Source.Length == 0 ? "—" : p.Source, p.Row?.ToString(CultureInfo.InvariantCulture) ?? "—", p.Column ?? "—", p.Value ?? "—", host.T(p.Message));
        }

        Console.Write(table);
        return ExitCodes.BadInput;
    }

    /// <summary>Stores a platform export merged into the city's data as the city's data (after a backup) and says so.</summary>
    private int Keep(HostContext host, CityDataset dataset)
    {
        string? backup = null;
        if (string.IsNullOrWhiteSpace(host.Options.PostgreSql))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(host.DataFile)!);
            backup = Backup(host);
        }

        Step(host, host.T($"保存到 {host.DataFile}", $"Storing in {host.DataFile}"),
            progress => host.Get<IPartyDomainStore>().ImportAsync(dataset, ImportMode.Replace, progress).GetAwaiter().GetResult());
        Console.Write(new Rule($"[bold]{Markup.Escape(host.T($"已导入 {dataset.City.Name} 的数据", $"Imported the data of {dataset.City.Name}"))}[/]").LeftJustified());
        DatasetSummary.Write(Console, host, dataset);
        Console.MarkupLine(Markup.Escape(host.T(
            $"✓ 数据已保存到 {host.DataFile}{(backup is null ? string.Empty : $"（原数据备份在 {backup}）")}，其他命令从现在起使用它（import --reset 恢复演示数据）。",
            $"✓ Kept in {host.DataFile}{(backup is null ? string.Empty : $" (the previous data is backed up in {backup})")}; the other commands use it from now on (import --reset goes back to the demo data).")));
        return ExitCodes.Success;
    }
}
